import { startContentScript } from '@/lib/content';
import { openreviewCards } from '@/lib/sites/openreview';

// The content script of one site: declared for its pages that may hold papers (lib/sites/pages.ts:
// wxt.config.ts gives them to the manifest, so that the script does not carry them),
// it bundles that site's adapter only. The router injects the same file where OpenReview, which
// renders in the page, reaches such a page in-page (lib/background/page-scripts.ts).
export default defineContentScript({
  // From the start of parsing: the first screen's cards get their controls as they arrive (the
  // adapter offers a card once the parser is done with it: lib/sites/read.ts isParsed).
  runAt: 'document_start',
  // WXT would post the extension id to the page when the script starts (issue 9).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx, [openreviewCards], {
      // A single-page app (its `spa` pages, lib/sites/pages.ts): its address changes without a load.
      navigatesInPage: true,
    });
  },
});
