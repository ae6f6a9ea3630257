import { startGenericScript } from '@/lib/content/generic-script';

// The generic adapter's script (lib/sites/generic.ts): in no manifest entry and with no host of its
// own. The background runs it once in a tab ("Show Shelfmark on this page", through activeTab) or
// registers it for a site the user enabled (lib/background/site-access.ts).
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    startGenericScript(ctx);
  },
});
