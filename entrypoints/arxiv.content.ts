import { startContentScript } from '@/lib/content';
import { arxivCards } from '@/lib/sites/arxiv';
import { SITE_PAGES } from '@/lib/sites/pages';

// The content script of one site: declared for its pages that may hold papers (lib/sites/pages.ts),
// it bundles that site's adapter only. The router injects the same file where a single-page app
// reaches such a page in-page (lib/background/page-scripts.ts).
export default defineContentScript({
  matches: [...SITE_PAGES.arxiv.papers],
  // From the start of parsing: the first screen's cards get their controls as they arrive, before
  // they are first painted, so nothing on the page jumps (see Annotator.start).
  runAt: 'document_start',
  // WXT would post the extension id to the page when the script starts (issue 9).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx, [arxivCards]);
  },
});
