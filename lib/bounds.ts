import { CAPS } from './limits';
import { cleanText, isCanonicalId, MAX_ALIASES, parseArxivId, type PaperId, type PaperLinks, type PaperRef } from './paper';
import { dayOfTimestamp } from './sites/read';
import { boundTags } from './tags';
import type { TagEntry } from './store/db';

/**
 * A paper's metadata as Shelfmark keeps it: clean text within the caps of lib/limits.ts. The site
 * adapters build their references with it (what a card read may send) and the background applies
 * it again to every message and every imported paper (what is stored): the page is not trusted,
 * and the two never disagree on a bound.
 */

/**
 * Characters that draw nothing yet change how text reads: bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069, the marks U+200E, U+200F, U+061C) and zero-width ones (U+200B–U+200D, U+2060,
 * U+FEFF, the soft hyphen, tag characters) are Unicode's format characters (Cf); C0 and C1 controls
 * other than whitespace; and the Hangul fillers, letters that are blank. A title "‮fdp.exe" would
 * otherwise read backwards in the popup, the library and every export.
 */
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000e-\u001f\u007f-\u009f\u115f\u1160\u3164\uffa0]/gu;

/** Page text as stored: invisible characters removed, whitespace collapsed, trimmed. Notes never go through this. */
export function cleanPageText(text: string | null | undefined): string {
  return cleanText((text ?? '').replace(INVISIBLE, ''));
}

/** Clean text cut to `max` characters, ending with "…" when cut (never inside a surrogate pair). */
export function clipText(text: string | null | undefined, max: number): string {
  const clean = cleanPageText(text);
  if (clean.length <= max) return clean;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(clean[end - 1] ?? '')) end--;
  return `${clean.slice(0, end)}…`;
}

/** The fields of a reference that are free text, with their caps. */
const TEXT_FIELDS = {
  organization: CAPS.organization,
  abstract: CAPS.abstract,
  primaryCategory: CAPS.category,
  journalRef: CAPS.journalRef,
  paperComments: CAPS.paperComments,
  venue: CAPS.venue,
} as const satisfies Partial<Record<keyof PaperRef, number>>;

const LINK_KINDS = ['huggingface', 'abs', 'pdf', 'html'] as const satisfies readonly (keyof PaperLinks)[];

/**
 * A reference built from what a card showed: text cleaned and clipped to the caps, empty and
 * invalid fields dropped, links kept only where they lead to this paper (see paperLinksOf; `site`
 * is the host of the page the card is on, when known). The first authors are kept; `authorCount`
 * then says how many there are in all.
 */
export function boundPaperRef(fields: PaperRef, site?: string): PaperRef {
  const ref: PaperRef = { id: fields.id, title: clipText(fields.title, CAPS.title) };
  if (isCount(fields.version) && fields.version > 0 && fields.version <= 1_000) ref.version = fields.version;

  const named = (fields.authors ?? []).map((name) => clipText(name, CAPS.authorName)).filter(Boolean);
  if (named.length) ref.authors = named.slice(0, CAPS.authors);
  const count = Math.max(isCount(fields.authorCount) && fields.authorCount <= 1_000_000 ? fields.authorCount : 0, named.length);
  if (count > (ref.authors?.length ?? 0)) ref.authorCount = count;

  for (const [key, max] of Object.entries(TEXT_FIELDS) as [keyof typeof TEXT_FIELDS, number][]) {
    const text = clipText(fields[key], max);
    if (text) ref[key] = text;
  }
  if (fields.date && dayOfTimestamp(fields.date) === fields.date) ref.date = fields.date;
  if (isCount(fields.year) && fields.year >= 1000 && fields.year <= 9999) ref.year = fields.year;
  if (isCount(fields.upvotes)) ref.upvotes = fields.upvotes;
  if (isCount(fields.comments)) ref.comments = fields.comments;
  const categories = [...new Set((fields.categories ?? []).map((category) => clipText(category, CAPS.category)).filter(Boolean))];
  if (categories.length) ref.categories = categories.slice(0, CAPS.categories);
  const links = paperLinksOf(fields.id, fields.links, site);
  if (Object.keys(links).length) ref.links = links;
  // The card's other ids (lib/paper.ts identify): canonical, not its own id, a few at most.
  const aliases = [...new Set((fields.aliases ?? []).filter((alias) => alias !== ref.id && isCanonicalId(alias)))].slice(0, MAX_ALIASES);
  if (aliases.length) ref.aliases = aliases;
  return ref;
}

/**
 * Hosts that belong to each id scheme, for the schemes whose links cannot be read back as an id.
 * A site adapter that brings a new scheme adds its hosts here.
 */
const SCHEME_HOSTS: Readonly<Record<string, readonly string[]>> = {
  doi: ['doi.org', 'dx.doi.org'],
  acl: ['aclanthology.org'],
  openreview: ['openreview.net'],
  dblp: ['dblp.org'],
  // CVF's pages and PDFs, today's host and the one before 2018 (its links still appear in listings).
  cvf: ['openaccess.thecvf.com', 'cv-foundation.org'],
  // A Scholar cluster's page (lib/paper.ts paperLinks); a result's own links lead off-site and are not kept.
  scholar: ['scholar.google.com'],
  // PubMed's record pages, today's and the older address; a Semantic Scholar paper's page.
  pubmed: ['pubmed.ncbi.nlm.nih.gov', 'ncbi.nlm.nih.gov'],
  s2: ['semanticscholar.org'],
};

/**
 * The links of `links` that may be stored for paper `id`. The rule (row 4 of the security audit):
 * a link from a page (or a backup) is kept only when it leads to this paper, so an invented card
 * can never make the popup open an off-site page as the paper's abstract:
 * - `arxiv:` ids: the link must read back as the same id (`parseArxivId`): arXiv (abs, pdf, html),
 *   Hugging Face /papers/<id>, ar5iv, alphaXiv. Both supported sites are among them.
 * - other schemes: the link's host must belong to the scheme (SCHEME_HOSTS) or be `site`, the host
 *   of the page the card was on (the sender's tab, as the browser says; for a stored paper, where it
 *   was last seen). Links of known schemes can also be derived from the id (`arxivLinks`), as the
 *   popup and exports do when none was stored.
 * Links must also be http(s) and at most CAPS.link characters; anything else is dropped, never clipped.
 */
export function paperLinksOf(id: PaperId, links: PaperLinks | undefined, site?: string): PaperLinks {
  const kept: PaperLinks = {};
  if (!links) return kept;
  const scheme = id.slice(0, id.indexOf(':'));
  for (const kind of LINK_KINDS) {
    const url = links[kind];
    if (typeof url !== 'string' || url.length > CAPS.link || !/^https?:\/\//i.test(url)) continue;
    if (scheme === 'arxiv' ? parseArxivId(url)?.id === id : isHostOf(url, [...(SCHEME_HOSTS[scheme] ?? []), ...(site ? [site] : [])])) {
      kept[kind] = url;
    }
  }
  return kept;
}

/** True when `url`'s host is one of `hosts` or a subdomain of one, with no credentials in it. */
function isHostOf(url: string, hosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** The host of a page's URL, for paperLinksOf; undefined when it is not an http(s) URL. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function isCount(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0;
}


/** The metadata a stored paper (a database record, a backup's paper) shares with a card's reference. */
export type StoredMetadata = Pick<PaperRef, 'id' | 'title' | 'version' | 'authorCount' | 'organization' | 'abstract' | 'date'
  | 'primaryCategory' | 'categories' | 'journalRef' | 'paperComments' | 'venue' | 'year' | 'aliases'> & { authors: string[]; links: PaperLinks };

const METADATA_KEYS = [
  'title', 'version', 'authors', 'authorCount', 'organization', 'abstract', 'date',
  'primaryCategory', 'categories', 'journalRef', 'paperComments', 'venue', 'year', 'aliases', 'links',
] as const satisfies readonly (keyof StoredMetadata)[];

/**
 * A stored paper with its metadata bounded as a card's would be (imports; records written before
 * the caps), the page it was last seen on standing for the card's site. Its other fields (user
 * state, times, `seen`) are kept as they are. A title made only of invisible characters becomes the
 * paper's id: a stored paper is never dropped for its title.
 */
export function boundStoredPaper<T extends StoredMetadata & { seen?: { url: string } }>(paper: T): T {
  const ref = boundPaperRef(paper, siteOf(paper.seen?.url));
  const bounded: Record<string, unknown> = { ...paper };
  for (const key of METADATA_KEYS) delete bounded[key];
  const { upvotes: _upvotes, comments: _comments, ...metadata } = ref;
  const tags = boundTags((paper as { tags?: TagEntry[] }).tags);
  if (tags) bounded.tags = tags;
  else delete bounded.tags;
  return { ...bounded, ...metadata, title: ref.title || paper.id, authors: ref.authors ?? [], links: ref.links ?? {} } as unknown as T;
}
