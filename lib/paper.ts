/**
 * Paper identity: one paper is one record, whichever site it was seen on.
 *
 * Canonical ids carry a scheme:
 * - `arxiv:2504.06261`   arXiv new-style id (YYMM.NNNN before 2015, YYMM.NNNNN since), no version.
 * - `arxiv:hep-th/9901001`  old-style id: archive lower-cased, subject class dropped
 *   (`math.GT/0309136` → `arxiv:math/0309136`). Never split on the letter `v`: `solv-int` is an archive.
 * - Hugging Face `/papers/<id>` pages are keyed by the arXiv id, so they share the arXiv record.
 * - Later sites add `doi:` (lower-cased), `openreview:` (case kept), `acl:`; document each here.
 *
 * The version a page showed (`v3`) is kept as a field of the reference, never in the id.
 */

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
  links?: PaperLinks;
}

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

/** True when the string is a canonical id this version of Shelfmark knows how to produce. */
export function isCanonicalId(id: string): boolean {
  const arxiv = arxivIdOf(id);
  if (arxiv === null) return false;
  const parsed = parseBareArxivId(arxiv);
  return parsed !== null && parsed.arxivId === arxiv && parsed.version === undefined;
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
