/**
 * A quick look at a link's address before it is parsed: only an address that matches this can name
 * a paper (lib/paper.ts parsePaperId decides). Data only: the router (lib/content/router.ts) uses it
 * to tell whether a page links any paper before anything else of Shelfmark is evaluated there.
 */
export const MAY_NAME_PAPER = /arxiv|alphaxiv|ar5iv|doi|10\.\d|openreview|aclanthology|aclweb|huggingface\.co\/papers\/|semanticscholar|rxiv\.org|pubmed|ncbi|thecvf|cv-foundation|springer|nature\.com|aps\.org|iop\.org/i;

/** True when some link of `doc` may name a paper. */
export function linksMayNamePaper(doc: Document): boolean {
  for (const link of Array.from(doc.links)) if (MAY_NAME_PAPER.test((link as HTMLAnchorElement).href ?? '')) return true;
  return false;
}
