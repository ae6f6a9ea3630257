/**
 * Paper identity: one paper is one record, whichever site it was seen on.
 *
 * Canonical ids carry a scheme:
 * - `arxiv:2504.06261`   arXiv new-style id (YYMM.NNNN before 2015, YYMM.NNNNN since), no version.
 * - `arxiv:hep-th/9901001`  old-style id: archive lower-cased, subject class dropped
 *   (`math.GT/0309136` → `arxiv:math/0309136`). Never split on the letter `v`: `solv-int` is an archive.
 *   arXiv's own DOI `10.48550/arXiv.<id>` is that paper. Hugging Face `/papers/<id>` pages are keyed
 *   by the arXiv id, so they share the arXiv record.
 * - `acl:2024.acl-long.1`, `acl:N04-1001`  an ACL Anthology id; the DOI `10.18653/v1/<id>` is that paper.
 * - `doi:10.1145/3394171.3413938`  any other DOI: lower-cased (DOIs are case-insensitive), without
 *   resolver prefix (`https://doi.org/`, `doi:`), trailing punctuation trimmed.
 * - `openreview:SyBPtQfAZ`  an OpenReview forum id, case kept (it is case-sensitive).
 * - Site-native ids, only where a card offers none of the above:
 *   `cvf:He_Deep_Residual_Learning_CVPR_2016`  a CVF open-access paper: the file stem of its page
 *     and PDF without `_paper` (`…/html/He_Deep_Residual_Learning_CVPR_2016_paper.html`); the stem
 *     names the conference and year, so no prefix is needed, and it is the same in every URL layout
 *     CVF has used (`content_cvpr_2016/`, `content/CVPR2024/`, workshops under `content/CVPR2024W/<name>/`).
 *   `dblp:conf/esem/CalefatoQLK23`  a dblp record key, case kept.
 *   `scholar:4qAC3XBmStsJ`  a Google Scholar cluster, as its result's `data-cid` writes it, case kept.
 * - Ids of the indexes a paper is often linked by (issue 12), only where no id above is shown:
 *   `pubmed:31452104`  a PubMed id (PMID), from pubmed.ncbi.nlm.nih.gov/<pmid>/ and ncbi.nlm.nih.gov/pubmed/<pmid>;
 *   `s2:<40 hex digits>`  a Semantic Scholar paper, from semanticscholar.org/paper/[<slug>/]<id>
 *   (its /arxiv/<id> pages are that arXiv paper). bioRxiv and medRxiv links are their DOIs (10.1101/…).
 *
 * A card that shows several ids is one paper. Its id is the first present in the order arXiv, ACL,
 * DOI, OpenReview, then the site-native ones (CVF, whose id several sites link to, before dblp and
 * Scholar); the others are its aliases (see `identify`), stored with the record so that a card met
 * later under any of them finds the same record.
 *
 * The version a page showed (`v3`) is kept as a field of the reference, never in the id.
 */

import { LIMITS } from './limits';

export type PaperId = string;

/** What a site adapter reads off one card. Only `id` and `title` are always present. */
export interface PaperRef {
  id: PaperId;
  title: string;
  /** Version seen on the page, when the page said (`2504.06261v3` → 3). */
  version?: number;
  /** Author names as the page shows them (some pages show only the first few: see authorCount). */
  authors?: string[];
  /** How many authors the page says there are, when it does not name them all. */
  authorCount?: number;
  organization?: string;
  abstract?: string;
  /**
   * ISO date (YYYY-MM-DD) the page associates with the paper: the listing's announcement day on
   * arXiv listings, the submission date on arXiv search and abstract pages, the publication date
   * on Hugging Face where it shows one (else the day of a daily listing).
   */
  date?: string;
  upvotes?: number;
  comments?: number;
  primaryCategory?: string;
  categories?: string[];
  journalRef?: string;
  paperComments?: string;
  /** Where the paper was published, as the page names it ("Proceedings of ACL 2024", "ICLR 2018 Conference"). */
  venue?: string;
  /** Year of publication, where a page gives no day (a proceedings volume, a dblp entry). */
  year?: number;
  links?: PaperLinks;
  /** The paper's other ids shown on the card (a dblp key beside a DOI), never its own id: see `identify`. */
  aliases?: PaperId[];
}

/**
 * Pages of the paper, as the card linked to them. For arXiv papers `abs` is the abstract page; for
 * others it is the paper's own page (its Anthology page, OpenReview forum, CVF page, DOI landing page).
 */
export interface PaperLinks {
  huggingface?: string;
  abs?: string;
  pdf?: string;
  html?: string;
}

export interface ParsedArxivId {
  /** Canonical id with scheme, e.g. `arxiv:2504.06261`. */
  id: PaperId;
  /** The bare arXiv id, e.g. `2504.06261` or `hep-th/9901001`. */
  arxivId: string;
  version?: number;
}

/** Archives of the old-style (pre-April 2007) scheme. A closed list, so nothing else is guessed as one. */
const OLD_ARCHIVES = new Set([
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn',
  'chem-ph', 'cmp-lg', 'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex',
  'hep-lat', 'hep-ph', 'hep-th', 'math', 'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th',
  'patt-sol', 'physics', 'plasm-ph', 'q-alg', 'q-bio', 'quant-ph', 'solv-int', 'supr-con',
]);

// YYMM.NNNN (April 2007 to 2014) or YYMM.NNNNN (since January 2015), optional version (v1, v2, ...)
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$/;
// archive, optional two-letter subject class (math.GT, cs.AI), YYMMNNN, optional version
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v([1-9]\d*))?$/i;

function parseBareArxivId(text: string): ParsedArxivId | null {
  const bare = text.trim();
  const modern = NEW_STYLE.exec(bare);
  if (modern) {
    const [, yy, mm, num, v] = modern as unknown as [string, string, string, string, string | undefined];
    const year = Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    // New-style ids began with 0704; five-digit numbers began with 1501; numbers start at 1.
    if (year < 7 || (year === 7 && month < 4)) return null;
    const fiveDigits = year >= 15;
    if (num.length !== (fiveDigits ? 5 : 4) || Number(num) === 0) return null;
    const arxivId = `${yy}${mm}.${num}`;
    return withVersion(arxivId, v);
  }
  const old = OLD_STYLE.exec(bare);
  if (old) {
    const [, archiveRaw, yy, mm, num, v] = old as unknown as [string, string, string, string, string, string | undefined];
    const archive = archiveRaw.toLowerCase();
    if (!OLD_ARCHIVES.has(archive)) return null;
    const month = Number(mm);
    const year = Number(yy);
    if (month < 1 || month > 12 || Number(num) === 0) return null;
    // Old-style ids run from 1991 to March 2007.
    if (!(year >= 91 || year < 7 || (year === 7 && month <= 3))) return null;
    return withVersion(`${archive}/${yy}${mm}${num}`, v);
  }
  return null;
}

function withVersion(arxivId: string, v: string | undefined): ParsedArxivId {
  const parsed: ParsedArxivId = { id: `arxiv:${arxivId}`, arxivId };
  if (v !== undefined) parsed.version = Number(v);
  return parsed;
}

const ARXIV_HOSTS = /^(?:www\.|export\.)?arxiv\.org$/i;
const AR5IV_HOSTS = /^(?:www\.)?ar5iv\.(?:labs\.arxiv\.)?org$/i;
const ALPHAXIV_HOSTS = /^(?:www\.)?alphaxiv\.org$/i;
const HF_HOSTS = /^(?:www\.)?huggingface\.co$/i;
const DOI_HOSTS = /^(?:dx\.)?doi\.org$/i;
/** A URL pasted without its scheme: `arxiv.org/abs/2504.06261`, `huggingface.co/papers/2504.06261`. */
const SCHEMELESS = /^(?:(?:www|export)\.)?(?:arxiv\.org|ar5iv\.labs\.arxiv\.org|ar5iv\.org|alphaxiv\.org|huggingface\.co)\//i;
// Path prefixes under which arXiv puts one paper: /abs/<id>, /pdf/<id>[.pdf], /html/<id>[/...], /format/<id>
const ARXIV_PATH = /^\/(?:abs|pdf|html|format|ps)\/(.+?)(?:\.pdf)?\/?$/;
/** arXiv's own DOIs (DataCite): `10.48550/arXiv.2504.06261`. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
/** The citation form of an abstract page, "arXiv:2602.11156 [cs.CL]": the bracket names the primary category. */
const CATEGORY_SUFFIX = /\s+\[[a-z-]+(?:\.[a-z-]+)?\]$/i;

type IdSite = 'arxiv' | 'ar5iv' | 'alphaxiv' | 'huggingface';

/**
 * Reads an arXiv id from any form a user meets: `arXiv:2504.06261`, `2504.06261v3`, an arXiv
 * abs/pdf/html URL (absolute, site-relative or without its scheme), a Hugging Face papers URL,
 * an alphaXiv or ar5iv URL, arXiv's DOI `10.48550/arXiv.2504.06261`, the citation form
 * `arXiv:2504.06261 [cs.CL]`. Returns null for anything that is not an id; nothing is guessed.
 */
export function parseArxivId(input: string): ParsedArxivId | null {
  let text = input.trim();
  if (text === '' || text.length > 300) return null;

  const prefixed = /^arxiv:\s*(.+)$/i.exec(text);
  if (prefixed) return parseBareArxivId(prefixed[1]!.replace(CATEGORY_SUFFIX, ''));

  const doi = ARXIV_DOI.exec(text);
  if (doi) return parseBareArxivId(doi[1]!);

  if (text.startsWith('/')) return parseArxivPath(text, 'arxiv');
  if (SCHEMELESS.test(text)) text = `https://${text}`;
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return null;
    }
    if (ARXIV_HOSTS.test(url.hostname)) return parseArxivPath(url.pathname, 'arxiv');
    if (AR5IV_HOSTS.test(url.hostname)) return parseArxivPath(url.pathname, 'ar5iv');
    if (ALPHAXIV_HOSTS.test(url.hostname)) return parseArxivPath(url.pathname, 'alphaxiv');
    if (HF_HOSTS.test(url.hostname)) return parseArxivPath(url.pathname, 'huggingface');
    if (DOI_HOSTS.test(url.hostname)) {
      const m = ARXIV_DOI.exec(decodeSafely(url.pathname.slice(1)));
      return m ? parseBareArxivId(m[1]!) : null;
    }
    return null;
  }
  return parseBareArxivId(text);
}

function parseArxivPath(path: string, site: IdSite): ParsedArxivId | null {
  let pathname = path.split(/[?#]/, 1)[0]!;
  if (site === 'huggingface') {
    const m = /^\/papers\/([^/]+)\/?$/.exec(pathname);
    return m ? parseBareArxivId(decodeSafely(m[1]!)) : null;
  }
  if (site === 'alphaxiv') {
    const m = /^\/(?:abs|overview|pdf)\/([^/]+)\/?$/.exec(pathname);
    return m ? parseBareArxivId(decodeSafely(m[1]!)) : null;
  }
  if (site === 'ar5iv') {
    const m = /^\/(?:abs|html|papers)\/(.+?)\/?$/.exec(pathname);
    return m ? parseBareArxivId(decodeSafely(m[1]!)) : null;
  }
  const m = ARXIV_PATH.exec(pathname);
  if (!m) return null;
  const rest = decodeSafely(m[1]!);
  const direct = parseBareArxivId(rest);
  if (direct || !pathname.startsWith('/html/')) return direct;
  // /html/<id>v1/ may be followed by a file inside the paper (#S1 is dropped above; /html/<id>/x1.png here).
  return parseBareArxivId(rest.replace(/\/[^/]*$/, ''));
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The bare arXiv id of a canonical id, or null for other schemes. */
export function arxivIdOf(id: PaperId): string | null {
  return id.startsWith('arxiv:') ? id.slice('arxiv:'.length) : null;
}

/** Standard links for an arXiv paper: abstract, PDF, HTML and its Hugging Face page. */
export function arxivLinks(arxivId: string): Required<PaperLinks> {
  return {
    abs: `https://arxiv.org/abs/${arxivId}`,
    pdf: `https://arxiv.org/pdf/${arxivId}`,
    html: `https://arxiv.org/html/${arxivId}`,
    huggingface: `https://huggingface.co/papers/${arxivId}`,
  };
}

/** True when the string is a canonical id (`arxiv:…`, `acl:…`, `doi:…`, …) exactly as Shelfmark writes it. */
export function isCanonicalId(id: string): boolean {
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH) return false;
  return parsePaperId(id) === id;
}

// ——— Every scheme ———

export type IdScheme = 'arxiv' | 'acl' | 'doi' | 'openreview' | 'pubmed' | 'cvf' | 's2' | 'dblp' | 'scholar';

/** Which id wins when a card shows several: smaller first. Site-native ids come last. */
const SCHEME_RANK: Record<IdScheme, number> = { arxiv: 0, acl: 1, doi: 2, openreview: 3, pubmed: 4, cvf: 4, s2: 5, dblp: 5, scholar: 5 };

/** No id Shelfmark stores is longer (a DOI can be long, but not this long): the message protocol's limit. */
export const MAX_ID_LENGTH = LIMITS.id;
/** A card names itself a few times at most; more is a page gone wrong. */
export const MAX_ALIASES = 16;

/** The scheme of a canonical id, or null. */
export function schemeOf(id: PaperId): IdScheme | null {
  const scheme = /^([a-z][a-z0-9]*):/.exec(id)?.[1];
  return scheme !== undefined && scheme in SCHEME_RANK ? (scheme as IdScheme) : null;
}

/**
 * DOIs: `10.<registrant>/<suffix>` (Crossref's advice: 10.\d{4,9}/ then any printable characters).
 * Whitespace, quotes and angle brackets end one in running text; they are never part of one here.
 */
const DOI = /^10\.\d{4,9}\/[^\s"<>\u0000-\u001f\u007f]+$/;
const DOI_PREFIX = /^(?:doi:\s*|info:doi\/|(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\/)/i;
/** The ACL Anthology's DOIs (Crossref, registrant 10.18653): `10.18653/v1/2021.naacl-main.208`. */
const ACL_DOI = /^10\.18653\/v1\/(.+)$/i;
/** `2024.acl-long.1`, `2022.in2writing-1.1`: year, volume, paper number. */
const ACL_NEW = /^(\d{4})\.([a-z\d]+(?:-[a-z\d]+)*)\.(\d{1,4})$/i;
/** `N04-1001`, `W19-4201`: venue letter, two-digit year, four digits. */
const ACL_OLD = /^([a-z])(\d{2})-(\d{4})$/i;
const ACL_HOSTS = /^(?:www\.)?aclanthology\.org$/i;
/** The Anthology's home before 2020: https://www.aclweb.org/anthology/P19-1001/ */
const ACLWEB_HOSTS = /^(?:www\.)?aclweb\.org$/i;
/** OpenReview note ids: letters, digits, `-` and `_` (`SyBPtQfAZ`, `H1S8UE-Rb`). */
const OPENREVIEW_ID = /^[A-Za-z0-9_-]{5,40}$/;
const OPENREVIEW_HOSTS = /^(?:www\.)?openreview\.net$/i;
/** A dblp key: a type, then path segments (`conf/esem/CalefatoQLK23`, `journals/corr/abs-2303-14702`). */
const DBLP_KEY = /^[a-z]+(?:\/[A-Za-z0-9][\w.+-]*){1,4}$/;
/** Scholar's cluster ids in `data-cid`: twelve URL-safe base64 characters, give or take. */
const SCHOLAR_CID = /^[A-Za-z0-9_-]{8,24}$/;
/** A CVF file stem, ending in its conference and year: `…_ICCV_2015`, `…_CVPRW_2019`, `…_2013_CVPR`. */
const CVF_STEM = /^[A-Za-z0-9][\w.+-]*_(?:[A-Z]{2,8}_\d{4}|\d{4}_[A-Z]{2,8})$/;
const CVF_HOSTS = /^(?:openaccess\.thecvf\.com|(?:www\.)?cv-foundation\.org)$/i;
/** A CVF paper's page or PDF, in every layout (`/content_iccv_2015/html/…`, `/content/CVPR2024W/ABAW/papers/…`). */
const CVF_PATH = /^\/(?:openaccess\/)?content[^/]*\/(?:[^/]+\/){0,3}(?:html|papers)\/([^/]+)_paper\.(?:html|pdf)$/;
/** Publisher pages that carry a paper's DOI in their path, after one of these. */
const PUBLISHER_DOI_PATHS: readonly [RegExp, RegExp][] = [
  // Atypon's platform (ACM, Wiley, SAGE, Taylor & Francis, ACS, Science, PNAS, SIAM, …): /doi/[abs|full|pdf|epdf|…/]10.…
  [/./, /^\/doi\/(?:(?:abs|full|pdf|epdf|pdfdirect|fullHtml|book|reader|chapter)\/)?(10\.\d{4,9}\/.+)$/],
  // Springer: /article/10.1007/…, /chapter/10.1007/…, /content/pdf/10.1007/….pdf
  [/^link\.springer\.com$/i, /^\/(?:article|chapter|book|referenceworkentry|protocol|content\/pdf)\/(10\.\d{4,9}\/.+?)(?:\.pdf)?$/],
  // APS and IOP: /prl/abstract/10.1103/…, /article/10.1088/…
  [/^journals\.aps\.org$/i, /^\/[a-z]+\/(?:abstract|pdf)\/(10\.\d{4,9}\/.+)$/],
  [/^iopscience\.iop\.org$/i, /^\/article\/(10\.\d{4,9}\/.+?)(?:\/pdf)?$/],
];
/** Nature's article pages are named by the DOI's suffix (registrant 10.1038). */
const NATURE = [/^(?:www\.)?nature\.com$/i, /^\/articles\/([a-z0-9][\w.-]*)$/i] as const;
/**
 * bioRxiv and medRxiv name a preprint's pages by its DOI (registrant 10.1101), version and view:
 * /content/10.1101/2020.03.05.979302v2.full.pdf is `doi:10.1101/2020.03.05.979302`.
 */
const RXIV = [/^(?:www\.)?(?:bio|med)rxiv\.org$/i, /^\/content\/(10\.1101\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,8})(?:v\d{1,3})?(?:\.(?:full|abstract|article-info|article-metrics|supplementary-material)(?:\.pdf|-text)?)?\/?$/i] as const;
/** PubMed ids (PMIDs): 1 to 8 digits, no leading zero. */
const PMID = /^[1-9]\d{0,8}$/;
/** PubMed's article pages, new and old: pubmed.ncbi.nlm.nih.gov/<pmid>/, www.ncbi.nlm.nih.gov/pubmed/<pmid>. */
const PUBMED = [/^(?:pubmed\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov)$/i, /^(?:\/pubmed)?\/([1-9]\d{0,8})\/?$/] as const;
/** Semantic Scholar's paper ids: 40 hexadecimal digits (`/paper/<title-slug>/<id>` or `/paper/<id>`). */
const S2_ID = /^[0-9a-f]{40}$/;
const S2_HOSTS = /^(?:www\.|api\.)?semanticscholar\.org$/i;

/**
 * The canonical id of any form a user or a page shows: a canonical id itself, an arXiv id or URL
 * (see parseArxivId), an ACL Anthology id or URL, a DOI (bare, `doi:`, resolver URL, or a publisher
 * URL that carries it: dl.acm.org/doi/…, link.springer.com/article/…), an OpenReview forum URL, a
 * CVF paper URL. Null for anything else: nothing is guessed, and text that merely contains an id
 * ("see doi:10.1/x") is not one.
 *
 * An OpenReview `pdf?id=` link is not read as an id: PDF links on a forum point at other notes and
 * revisions as well, while `forum?id=` names the paper the page is about.
 */
export function parsePaperId(input: string): PaperId | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  // Room for a resolver or publisher prefix around the longest id.
  if (text === '' || text.length > MAX_ID_LENGTH + 100) return null;

  const scheme = /^([a-z][a-z0-9]*):(?!\/\/)\s*(.*)$/i.exec(text);
  if (scheme) {
    const [, name, rest] = scheme as unknown as [string, string, string];
    switch (name.toLowerCase()) {
      case 'arxiv':
        return parseArxivId(text)?.id ?? null;
      case 'doi':
        return doiId(rest);
      case 'acl':
        return name === 'acl' ? aclId(rest) : null;
      case 'openreview':
        return name === 'openreview' && OPENREVIEW_ID.test(rest) ? `openreview:${rest}` : null;
      case 'cvf':
        return name === 'cvf' && CVF_STEM.test(rest) ? `cvf:${rest}` : null;
      case 'dblp':
        return name === 'dblp' && DBLP_KEY.test(rest) ? `dblp:${rest}` : null;
      case 'scholar':
        return name === 'scholar' && SCHOLAR_CID.test(rest) ? `scholar:${rest}` : null;
      case 'pubmed':
      case 'pmid':
        return PMID.test(rest) ? `pubmed:${rest}` : null;
      case 's2':
        return name === 's2' && S2_ID.test(rest) ? `s2:${rest}` : null;
      case 'info':
        return doiId(text);
      default:
        return null;
    }
  }
  if (/^10\./.test(text)) return doiId(text);
  if (!/^https?:\/\//i.test(text)) {
    // Bare ids first: `math.GT/0309136` looks like a host and a path, but is an arXiv id.
    const bare = parseArxivId(text)?.id ?? aclId(text);
    if (bare) return bare;
  }

  const url = httpUrl(text);
  if (!url) return null;
  const host = url.hostname;
  const path = url.pathname;
  if (/^(?:dx\.|www\.)?doi\.org$/i.test(host)) return doiId(safeDecode(path.slice(1)));
  if (ACL_HOSTS.test(host)) return aclPath(path);
  if (ACLWEB_HOSTS.test(host)) return path.startsWith('/anthology/') ? aclPath(path.slice('/anthology'.length)) : null;
  if (OPENREVIEW_HOSTS.test(host)) return openreviewForum(url);
  if (RXIV[0].test(host)) {
    const doi = RXIV[1].exec(path)?.[1];
    return doi ? doiId(doi) : null;
  }
  if (PUBMED[0].test(host)) {
    const pmid = PUBMED[1].exec(path)?.[1];
    return pmid ? `pubmed:${pmid}` : null;
  }
  if (S2_HOSTS.test(host)) return semanticScholar(path);
  if (CVF_HOSTS.test(host)) {
    const stem = CVF_PATH.exec(path)?.[1];
    return stem && CVF_STEM.test(stem) ? `cvf:${stem}` : null;
  }
  const arxiv = parseArxivId(url.href);
  if (arxiv) return arxiv.id;
  if (NATURE[0].test(host)) {
    const suffix = NATURE[1].exec(path)?.[1];
    return suffix ? doiId(`10.1038/${suffix}`) : null;
  }
  for (const [hosts, pattern] of PUBLISHER_DOI_PATHS) {
    if (!hosts.test(host)) continue;
    const doi = pattern.exec(safeDecode(path))?.[1];
    if (doi) return doiId(doi);
  }
  return null;
}

/** An http(s) URL, also when written without its scheme (`aclanthology.org/N04-1001/`); else null. */
function httpUrl(text: string): URL | null {
  const withScheme = /^https?:\/\//i.test(text) ? text : /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\//i.test(text) ? `https://${text}` : null;
  if (!withScheme) return null;
  try {
    const url = new URL(withScheme);
    // No credentials: https://user@evil.example/… is not the host it seems to name.
    return url.username || url.password ? null : url;
  } catch {
    return null;
  }
}

/** `doi:<doi>` for a DOI in any written form; arXiv's and the Anthology's DOIs give their own schemes. */
function doiId(text: string): PaperId | null {
  let doi = safeDecode(text.trim().replace(DOI_PREFIX, '')).toLowerCase();
  // Trailing punctuation is the sentence's, not the DOI's; a closing bracket is kept when the DOI opened it.
  for (;;) {
    const trimmed = doi.replace(/[.,;:'"!?]+$/, '');
    const closer = /[)\]}]$/.exec(trimmed)?.[0];
    const opener = closer ? { ')': '(', ']': '[', '}': '{' }[closer]! : '';
    const unbalanced = closer && count(trimmed, opener) < count(trimmed, closer);
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === doi) break;
    doi = next;
  }
  if (!DOI.test(doi) || doi.length > MAX_ID_LENGTH - 4) return null;
  const arxiv = /^10\.48550\/arxiv\.(.+)$/.exec(doi);
  if (arxiv) return parseArxivId(`arXiv:${arxiv[1]}`)?.id ?? null;
  const acl = ACL_DOI.exec(doi);
  if (acl) return aclId(acl[1]!);
  return `doi:${doi}`;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** `acl:<id>`: new-style ids lower-case (`2024.acl-long.1`), old-style with their capital (`N04-1001`). */
function aclId(text: string): PaperId | null {
  const id = text.trim();
  const modern = ACL_NEW.exec(id);
  if (modern) return Number(modern[1]) >= 1950 ? `acl:${id.toLowerCase()}` : null;
  const old = ACL_OLD.exec(id);
  return old ? `acl:${old[1]!.toUpperCase()}${old[2]}-${old[3]}` : null;
}

/** An Anthology page or file: /2024.acl-long.1/, /N04-1001.pdf, /2021.acl-long.1v2.pdf (a revision), /P19-1001.bib. */
function aclPath(path: string): PaperId | null {
  const m = /^\/([^/]+?)(?:v\d{1,2})?(?:\.(?:pdf|bib|xml|endf))?\/?$/.exec(path);
  return m ? aclId(m[1]!) : null;
}

/**
 * A Semantic Scholar page: `/paper/<slug>/<id>` or `/paper/<id>` is `s2:<id>`; `/arxiv/<id>` is that
 * arXiv paper. The API's forms (`/graph/v1/paper/arXiv:…`) are not links a page shows.
 */
function semanticScholar(path: string): PaperId | null {
  const paper = /^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/i.exec(path)?.[1];
  if (paper) return `s2:${paper.toLowerCase()}`;
  const arxiv = /^\/arxiv\/([^/]+(?:\/\d{7})?)\/?$/.exec(path)?.[1];
  return arxiv ? (parseArxivId(arxiv)?.id ?? null) : null;
}

/** `openreview:<id>` for a forum link of the paper itself (`forum?id=X`, or `&noteId=X` naming the same note). */
function openreviewForum(url: URL): PaperId | null {
  if (!/^\/forum\/?$/.test(url.pathname)) return null;
  const id = url.searchParams.get('id');
  const noteId = url.searchParams.get('noteId');
  if (!id || !OPENREVIEW_ID.test(id) || (noteId !== null && noteId !== id)) return null;
  return `openreview:${id}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A paper's id and its other ids. */
export interface PaperIdentity {
  id: PaperId;
  aliases: PaperId[];
}

/**
 * One paper's identity from every id its card shows (links, keys, data attributes; nulls and
 * forms that are not ids are skipped): the first in the order arXiv, ACL, DOI, OpenReview, CVF,
 * dblp/Scholar is its id, the rest its aliases (in the order shown). Null when none is an id.
 */
export function identify(candidates: Iterable<string | null | undefined>): PaperIdentity | null {
  const ids: PaperId[] = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const id = parsePaperId(candidate);
    if (id && !ids.includes(id)) ids.push(id);
    if (ids.length > MAX_ALIASES) break;
  }
  if (ids.length === 0) return null;
  const ranked = ids.map((id, index) => ({ id, index, rank: SCHEME_RANK[schemeOf(id)!] }));
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { id: ranked[0]!.id, aliases: ranked.slice(1).map((entry) => entry.id) };
}

/**
 * Orders the ids of one paper for naming its record: by scheme (the `identify` order), then as
 * strings. A total order, so every device names a paper known by the same ids the same way
 * (sync's merge is then the same whatever order copies meet in).
 */
export function compareIds(a: PaperId, b: PaperId): number {
  const rank = (id: PaperId) => SCHEME_RANK[schemeOf(id) ?? 'scholar'];
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The stored name of a paper known by `ids`: the first in compareIds order is its id, the next
 * MAX_ALIASES its aliases, in that order. A function of the set alone: naming a union of names is
 * naming the union of their ids, so names merge commutatively and associatively.
 */
export function namePaper(ids: Iterable<PaperId>): PaperIdentity {
  const sorted = [...new Set(ids)].sort(compareIds);
  return { id: sorted[0]!, aliases: sorted.slice(1, 1 + MAX_ALIASES) };
}

/** The DOI of a `doi:` id, or of an arXiv id (every arXiv paper has one; not every Anthology paper does). */
export function doiOf(id: PaperId): string | null {
  const scheme = schemeOf(id);
  const value = id.slice(id.indexOf(':') + 1);
  if (scheme === 'doi') return value;
  if (scheme === 'arxiv') return `10.48550/arXiv.${value}`;
  return null;
}

/** The standard pages of a paper, from its id alone (what the popup opens when no card gave links). */
export function paperLinks(id: PaperId): PaperLinks {
  const value = id.slice(id.indexOf(':') + 1);
  switch (schemeOf(id)) {
    case 'arxiv':
      return arxivLinks(value);
    case 'acl':
      return { abs: `https://aclanthology.org/${value}/`, pdf: `https://aclanthology.org/${value}.pdf` };
    case 'doi':
      return { abs: `https://doi.org/${value}` };
    case 'openreview':
      return { abs: `https://openreview.net/forum?id=${value}`, pdf: `https://openreview.net/pdf?id=${value}` };
    case 'dblp':
      return { abs: `https://dblp.org/rec/${value}.html` };
    case 'pubmed':
      return { abs: `https://pubmed.ncbi.nlm.nih.gov/${value}/` };
    case 's2':
      return { abs: `https://www.semanticscholar.org/paper/${value}` };
    case 'scholar': {
      const cluster = scholarCluster(value);
      return cluster ? { abs: `https://scholar.google.com/scholar?cluster=${cluster}` } : {};
    }
    case 'cvf':
    case null:
      // A CVF stem lacks the folder of its page (the conference, a workshop's name).
      return {};
  }
}

/**
 * The cluster number of a Scholar `data-cid` (what `/scholar?cluster=` and `?cites=` take): the cid
 * is URL-safe base64 of the number's 8 bytes, least significant first (`cXeT3ShOpHEJ` is
 * 8188755959889491825), and a ninth byte. Undefined for a cid that does not decode.
 */
export function scholarCluster(cid: string): string | undefined {
  let bytes: string;
  try {
    bytes = atob(cid.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(cid.length / 4) * 4, '='));
  } catch {
    return undefined;
  }
  if (bytes.length < 8) return undefined;
  let cluster = 0n;
  for (let i = 7; i >= 0; i--) cluster = (cluster << 8n) | BigInt(bytes.charCodeAt(i));
  return cluster.toString();
}

/** How an id reads to a person: "arXiv:2504.06261", "ACL 2024.acl-long.1", "DOI 10.1145/…". */
export function idLabel(id: PaperId): string {
  const value = id.slice(id.indexOf(':') + 1);
  switch (schemeOf(id)) {
    case 'arxiv':
      return `arXiv:${value}`;
    case 'acl':
      return `ACL ${value}`;
    case 'doi':
      return `DOI ${value}`;
    case 'openreview':
      return `OpenReview ${value}`;
    case 'cvf':
      return `CVF ${value}`;
    case 'dblp':
      return `dblp ${value}`;
    case 'scholar':
      return `Scholar ${value}`;
    case 'pubmed':
      return `PMID ${value}`;
    case 's2':
      return `Semantic Scholar ${value.slice(0, 10)}…`;
    case null:
      return id;
  }
}

/** The first `shown` authors and how many more: "Ada Lovelace, Alan Turing +3". */
export function formatAuthors(authors: readonly string[], shown: number): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} +${authors.length - shown}`;
}

/** Collapses runs of whitespace in page text and trims it. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
