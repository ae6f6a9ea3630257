import { startContentScript } from '@/lib/content';
import { cvfCards } from '@/lib/sites/cvf';

// The content script of one site: declared for its pages that may hold papers (lib/sites/pages.ts:
// wxt.config.ts gives them to the manifest, so that the script does not carry them),
// it bundles that site's adapter only.
export default defineContentScript({
  // From the start of parsing: the first screen's cards get their controls as they arrive (the
  // adapter offers a card once the parser is done with it: lib/sites/read.ts isParsed).
  runAt: 'document_start',
  // WXT would post the extension id to the page when the script starts (issue 9).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx, [cvfCards]);
  },
});
