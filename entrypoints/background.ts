import { announceChange, refreshBadge } from '@/lib/background/broadcast';
import { getDatabase } from '@/lib/store/db';
import { handleMessage } from '@/lib/background/handle-message';
import { handlePageRequest, isPageRequest } from '@/lib/background/page-scripts';
import { isStatesMessage } from '@/lib/messaging';

export default defineBackground(() => {
  const db = getDatabase();

  // Registered synchronously so that a message that wakes the service worker is not missed.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (isStatesMessage(message)) return undefined; // our own broadcast, meant for tabs
    if (isPageRequest(message)) {
      void handlePageRequest(message, sender).then(sendResponse);
      return true;
    }
    void handleMessage(db, message, (states) => announceChange(db, states)).then(sendResponse);
    return true; // answer asynchronously
  });

  browser.runtime.onInstalled.addListener(() => void refreshBadge(db));
  browser.runtime.onStartup.addListener(() => void refreshBadge(db));
});
