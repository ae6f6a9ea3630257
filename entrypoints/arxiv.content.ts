import { startContentScript } from '@/lib/content';
import { arxivCards } from '@/lib/sites/arxiv';

// The content script of one site: declared for its pages that may hold papers (lib/sites/pages.ts:
// wxt.config.ts gives them to the manifest, so that the script does not carry them),
// it bundles that site's adapter only. The router injects the same file where a single-page app
// reaches such a page in-page (lib/background/page-scripts.ts).
export default defineContentScript({
  // From the start of parsing: the first screen's cards get their controls as they arrive, before
  // they are first painted, so nothing on the page jumps (see Annotator.start).
  runAt: 'document_start',
  // WXT would post the extension id to the page when the script starts (issue 9).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx, [arxivCards]);
  },
});
