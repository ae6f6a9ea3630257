import { announceChange, refreshBadge } from '@/lib/background/broadcast';
import { getDatabase } from '@/lib/store/db';
import { getStates } from '@/lib/store/library';
import { handleInstalled } from '@/lib/background/first-run';
import { handleMessage } from '@/lib/background/handle-message';
import { startSyncRuntime } from '@/lib/background/sync-runtime';
import { testSetup } from '@/lib/background/test-hooks';
import { isStatesMessage } from '@/lib/messaging';
import { LIMITS } from '@/lib/limits';

/** False only in the benchmark's build without sync (wxt.config.ts). */
declare const __SHELFMARK_SYNC__: boolean;
const SYNC_BUILD = typeof __SHELFMARK_SYNC__ === 'undefined' || __SHELFMARK_SYNC__;

export default defineBackground(() => {
  const db = getDatabase();
  const test = testSetup(db, () => sync!);
  const sync = !SYNC_BUILD ? undefined : startSyncRuntime(db, {
    // What a pull changed: open tabs and the badge hear of it like any change (in batches the protocol allows).
    async onChanged(ids) {
      for (let start = 0; start < ids.length; start += LIMITS.idsPerRequest) {
        await announceChange(db, await getStates(db, ids.slice(start, start + LIMITS.idsPerRequest)));
      }
    },
    hooks: test?.hooks,
    periodMs: test?.periodMs,
  });

  // Registered synchronously so that a message that wakes the service worker is not missed.
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (isStatesMessage(message)) return undefined; // our own broadcast, meant for tabs
    if (test?.owns(message)) return undefined; // the test build's controls answer those
    const onChange = (states: Parameters<typeof announceChange>[1]) => {
      sync?.edited(); // a local change: pushed a few seconds later, when sync is on
      return announceChange(db, states);
    };
    void handleMessage(db, message, onChange, sync).then(sendResponse);
    return true; // answer asynchronously
  });

  browser.runtime.onInstalled.addListener((details) => void handleInstalled(db, details));
  browser.runtime.onStartup.addListener(() => void refreshBadge(db));
});
