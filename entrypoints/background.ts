import { announceChange, refreshBadge } from '@/lib/background/broadcast';
import { getDatabase } from '@/lib/store/db';
import { handleInstalled } from '@/lib/background/first-run';
import { handleMessage } from '@/lib/background/handle-message';
import { isStatesMessage } from '@/lib/messaging';

export default defineBackground(() => {
  const db = getDatabase();

  // Registered synchronously so that a message that wakes the service worker is not missed.
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (isStatesMessage(message)) return undefined; // our own broadcast, meant for tabs
    void handleMessage(db, message, (states) => announceChange(db, states)).then(sendResponse);
    return true; // answer asynchronously
  });

  browser.runtime.onInstalled.addListener((details) => void handleInstalled(db, details));
  browser.runtime.onStartup.addListener(() => void refreshBadge(db));
});
