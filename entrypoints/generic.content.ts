import { startContentScript } from '@/lib/content';
import { genericCards } from '@/lib/sites/generic';

// The generic adapter's script (lib/sites/generic.ts): in no manifest entry and with no host of its
// own. It is run once in a tab ("Show Shelfmark on this page", through activeTab) or registered for
// a site the user enabled (lib/tab/site-access.ts); it starts once however often it is run.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // WXT would post the extension id to the page when the script starts (issue 9).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Any site: it may be a single-page app.
    startContentScript(ctx, [genericCards], { navigatesInPage: true });
  },
});
