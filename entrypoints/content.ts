import { startContentScript } from '@/lib/content';
import { PAPER_PAGES } from '@/lib/sites/pages';

export default defineContentScript({
  // Only the pages that may hold papers (lib/sites/pages.ts): the others of the same hosts evaluate
  // nothing of Shelfmark, or the small router where a single-page app can reach these in-page.
  matches: [...PAPER_PAGES],
  // From the start of parsing: controls are mounted as the first screen's cards arrive, before they
  // are first painted, so nothing on the page jumps (see Annotator.start).
  runAt: 'document_start',
  // WXT would post the extension id to the page when the script starts (issue 9).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx);
  },
});
