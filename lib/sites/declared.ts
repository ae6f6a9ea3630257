import { boundPaperRef, siteOf } from '../bounds';
import { cleanText, identify, idLabel, type PaperId, type PaperRef } from '../paper';
import type { PageMeta } from '../tab/page-meta';

/**
 * The paper a page declares, read from what lib/tab/page-meta.ts collected: its URL (an arXiv
 * abstract, PDF or HTML page, a Hugging Face paper page) or its bibliographic meta tags, the ones
 * Google Scholar asks publishers for (`citation_title`, `citation_author`, `citation_doi`, …) and
 * Dublin Core (`DC.title`, `DC.creator`, `DC.identifier`); several ids make one paper and its
 * aliases (`identify`). Pure; never throws; null when the page
 * declares no paper Shelfmark can name by the identity rules (lib/paper.ts).
 */

export interface DeclaredPaper {
  paper: PaperRef;
  /** True when the title is the page's own (a meta tag), not one made from the tab's title or the id. */
  titled: boolean;
}

export function declaredPaper(meta: PageMeta): DeclaredPaper | null {
  const values = (...names: string[]) =>
    meta.tags.filter(([name]) => names.includes(name)).map(([, content]) => cleanText(content)).filter(Boolean);
  const first = (...names: string[]) => values(...names)[0];

  // The page's own address first: an arXiv PDF or abstract is that paper whatever its tags say.
  const candidates = [
    meta.url,
    ...values('citation_arxiv_id').map((id) => `arXiv:${id}`),
    ...values('citation_doi', 'prism.doi', 'bepress_citation_doi', 'dc.identifier', 'dcterms.identifier'),
    ...values('citation_abstract_html_url', 'citation_fulltext_html_url', 'og:url'),
    meta.canonical,
  ];
  const identity = identify(candidates);
  if (!identity) return null;
  const { id, aliases } = identity;

  const declaredTitle = first('citation_title', 'dc.title', 'dcterms.title', 'bepress_citation_title', 'og:title')?.replace(HF_TITLE_PREFIX, '');
  const ref: PaperRef = { id, title: declaredTitle ?? titleFromTab(meta.title, id) };
  if (aliases.length) ref.aliases = aliases;
  const version = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf|html)\/[^?#]+?v(\d{1,3})(?:\.pdf)?\/?(?:[?#]|$)/i.exec(meta.url)?.[1];
  if (version && id.startsWith('arxiv:')) ref.version = Number(version);
  const authors = values('citation_author', 'bepress_citation_author');
  const named = authors.length ? authors : values('dc.creator', 'dcterms.creator');
  if (named.length) ref.authors = named.map(readableName);
  const published = first('citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date', 'dcterms.issued', 'prism.publicationdate');
  const date = isoDay(published);
  if (date) ref.date = date;
  else if (published && /^\d{4}\b/.test(published)) ref.year = Number(published.slice(0, 4));
  const abstract = first('citation_abstract', 'dc.description', 'dcterms.abstract');
  if (abstract) ref.abstract = abstract;
  const venue = first('citation_journal_title', 'citation_conference_title', 'prism.publicationname');
  if (venue) ref.venue = venue;
  // The tab itself is the paper's PDF or its page.
  const tabIsPdf = /\/pdf\/|\.pdf(?:$|[?#])/i.test(meta.url);
  const pdf = first('citation_pdf_url') ?? (tabIsPdf ? meta.url : undefined);
  const abs = first('citation_abstract_html_url') ?? meta.canonical ?? (tabIsPdf ? undefined : meta.url);
  ref.links = { ...(pdf ? { pdf } : {}), ...(abs ? { abs } : {}) };
  // Page text is not trusted: clipped and cleaned as a card's, links kept only where they lead to the paper.
  const bounded = boundPaperRef(ref, siteOf(meta.url));
  if (!bounded.title) return { paper: { ...bounded, title: idLabel(id) }, titled: false };
  return { paper: bounded, titled: declaredTitle !== undefined };
}

/** Hugging Face's paper pages title themselves "Paper page - <title>". */
const HF_TITLE_PREFIX = /^Paper page\s*[-–—]\s*/;

/**
 * A tab's title as a paper's title: arXiv's "[2504.06261] Title" loses its bracket; a PDF viewer
 * showing a file name ("2504.06261v2.pdf") or the bare id says nothing, so the id stands for it.
 */
function titleFromTab(title: string, id: PaperId): string {
  const text = cleanText(title).replace(/^\[[^\]]{1,40}\]\s*/, '').replace(HF_TITLE_PREFIX, '');
  if (text === '' || /\.pdf$/i.test(text) || text.includes(id.slice(id.indexOf(':') + 1))) return idLabel(id);
  return text;
}

/** "Lovelace, Ada" (how citation_author is usually written) → "Ada Lovelace"; other forms as written. */
function readableName(name: string): string {
  const parts = name.split(',');
  return parts.length === 2 && parts[1]!.trim() ? `${parts[1]!.trim()} ${parts[0]!.trim()}` : name;
}

/** `2024/08/01`, `2024-08-01` → `2024-08-01`; anything less exact (a year alone) → undefined. */
function isoDay(text: string | undefined): string | undefined {
  const m = text ? /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/.exec(text) : null;
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) || !new Date(time).toISOString().startsWith(day) ? undefined : day;
}
