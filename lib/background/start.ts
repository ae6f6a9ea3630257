import { LIMITS, STATE_RATE } from '../limits';
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
import { startSyncRuntime } from './sync-runtime';
import { testSetup } from './test-hooks';
import { recordHistory } from './history-recorder';
import { actOnLink, createLinkMenu, QUEUE_COMMAND, queueTabPaper, type LinkClick } from './quick-actions';
import { activeTab, type Tab } from '../tab/read-tab';
import { getStates } from '../store/library';

/** False only in the benchmark's build without sync (wxt.config.ts). */
declare const __SHELFMARK_SYNC__: boolean;
const SYNC_BUILD = typeof __SHELFMARK_SYNC__ === 'undefined' || __SHELFMARK_SYNC__;

/**
 * The background: owns the database, answers every message, paces each tab's state requests, keeps
 * weekly snapshots, and runs sync while it is on.
 */
export function startBackground(): void {
  const db = getDatabase();
  const onChange = (states: Parameters<typeof announceChange>[1]) => {
    sync?.edited(); // a local change: pushed a few seconds later, when sync is on
    return announceChange(db, states);
  };
  const quick = {
    command: (tab: Tab | undefined) => queueTabPaper(db, tab, onChange),
    link: (click: LinkClick, tab: Tab | undefined) => actOnLink(db, click, tab, onChange),
  };
  const test = testSetup(db, () => sync!, quick);
  const sync = !SYNC_BUILD
    ? undefined
    : startSyncRuntime(db, {
        // What a pull changed: open tabs and the badge hear of it like any change (in batches the protocol allows).
        async onChanged(ids) {
          for (let start = 0; start < ids.length; start += LIMITS.idsPerRequest) {
            await announceChange(db, await getStates(db, ids.slice(start, start + LIMITS.idsPerRequest)));
          }
        },
        hooks: test?.hooks,
        periodMs: test?.periodMs,
      });
  const limiter = new RateLimiter(STATE_RATE.burst, STATE_RATE.perSecond);
  const extensionUrl = browser.runtime.getURL('/');
  let measured = 0;

  // Registered synchronously so that a message that wakes the service worker is not missed.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (isStatesMessage(message)) return undefined; // our own broadcast, meant for tabs
    if (test?.owns(message)) return undefined; // the test build's controls answer those
    if (isPageRequest(message)) {
      // About the sender's own page: the router's request for the content script, the read papers' styles.
      void handlePageRequest(message, sender).then(sendResponse);
      return true;
    }
    const source = messageSource(sender, extensionUrl);
    const started = performance.now();
    void handleMessage(db, message, onChange, {
      source,
      pace: (tabId, ids) => limiter.take(tabId, ids),
      sync,
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
  recordHistory(db);

  // The command and the link menu: the tab is the one the user acted in (activeTab grants it for the moment).
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === QUEUE_COMMAND) void (async () => quick.command(tab ?? (await activeTab())))();
  });
  browser.contextMenus.onClicked.addListener((click, tab) => void quick.link(click, tab));

  browser.runtime.onInstalled.addListener((details) => {
    void handleInstalled(db, details);
    void createLinkMenu().catch((error: unknown) => console.error('[Shelfmark] could not create the link menu', error));
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge(db));
}

function requestType(message: unknown): string {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type.slice(0, 20) : 'unknown';
}
