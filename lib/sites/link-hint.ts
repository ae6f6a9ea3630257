/** What a link's address holds when it may name a paper (lib/paper.ts parsePaperId decides). */
const WORDS = ['arxiv', 'alphaxiv', 'ar5iv', 'doi', 'openreview', 'aclanthology', 'aclweb', 'semanticscholar', 'rxiv.org', 'pubmed', 'ncbi', 'thecvf', 'cv-foundation', 'springer', 'nature.com', 'aps.org', 'iop.org'];

/**
 * A quick look at a link's address before it is parsed: only an address that matches this can name
 * a paper. Data only: the router (lib/content/router.ts) uses it to tell whether a page links any
 * paper before anything else of Shelfmark is evaluated there; the generic adapter, before parsing.
 */
export const MAY_NAME_PAPER = new RegExp([...WORDS.map((word) => word.replaceAll('.', '\\.')), '10\\.\\d', 'huggingface\\.co/papers/'].join('|'), 'i');

/**
 * The links worth that look, found by the browser's own selector matching on the written address
 * (a relative `/papers/…` too): resolving every link's address costs a model page of 41 links 1.2 ms.
 */
const CANDIDATES = [...WORDS, '10.', '/papers/'].map((word) => `a[href*="${word}" i]`).join(',');

/** True when some link of `doc` may name a paper. */
export function linksMayNamePaper(doc: Document): boolean {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(CANDIDATES)) if (MAY_NAME_PAPER.test(link.href)) return true;
  return false;
}
