import { STATE_RATE } from '../limits';
import { isStatesMessage } from '../messaging';
import { getDatabase } from '../store/db';
import { getSnapshots } from '../store/snapshots';
import { announceChange, refreshBadge } from './broadcast';
import { handleInstalled } from './first-run';
import { handleMessage } from './handle-message';
import { handlePageRequest, isPageRequest } from './page-scripts';
import { RateLimiter } from './rate-limit';
import { messageSource } from './sender';
import { keepWeeklySnapshots } from './snapshot-alarm';

/** The background: owns the database, answers every message, paces each tab's state requests, keeps weekly snapshots. */
export function startBackground(): void {
  const db = getDatabase();
  const limiter = new RateLimiter(STATE_RATE.burst, STATE_RATE.perSecond);
  const extensionUrl = browser.runtime.getURL('/');
  let measured = 0;

  // Registered synchronously so that a message that wakes the service worker is not missed.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (isStatesMessage(message)) return undefined; // our own broadcast, meant for tabs
    if (isPageRequest(message)) {
      // About the sender's own page: the router's request for the content script, the read papers' styles.
      void handlePageRequest(message, sender).then(sendResponse);
      return true;
    }
    const source = messageSource(sender, extensionUrl);
    const started = performance.now();
    void handleMessage(db, message, (states) => announceChange(db, states), {
      source,
      pace: (tabId, ids) => limiter.take(tabId, ids),
    }).then((response) => {
      sendResponse(response);
      // For the benchmark (bench/background.bench.ts): what one message costs here, pacing included.
      if (++measured % 1_000 === 0) performance.clearMeasures('shelfmark:message');
      performance.measure('shelfmark:message', { start: started, detail: { type: requestType(message), ok: response.ok } });
    });
    return true; // answer asynchronously
  });
  browser.tabs.onRemoved.addListener((tabId) => limiter.forget(tabId));

  keepWeeklySnapshots(db, getSnapshots());

  browser.runtime.onInstalled.addListener((details) => void handleInstalled(db, details));
  browser.runtime.onStartup.addListener(() => void refreshBadge(db));
}

function requestType(message: unknown): string {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type.slice(0, 20) : 'unknown';
}
