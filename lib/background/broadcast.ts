import { unreadQueued } from '../store/queue';
import type { ShelfmarkDB } from '../store/db';
import type { PaperState } from '../store/library';
import type { StatesMessage } from '../messaging';
import type { PaperId } from '../paper';

/**
 * Background only: after a change, tell every open tab (their content scripts update the cards
 * of those papers) and refresh the toolbar badge with the queue length.
 */
export async function announceChange(db: ShelfmarkDB, states: Record<PaperId, PaperState>): Promise<void> {
  await Promise.all([broadcastStates(states), refreshBadge(db)]);
}

export async function broadcastStates(states: Record<PaperId, PaperState>): Promise<void> {
  const message: StatesMessage = { type: 'shelfmark:states', states };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : // Tabs without a Shelfmark content script have no receiver; that is expected, not an error.
          browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}

/** Amber, not the icon's indigo, so the count stands apart from the icon under it (assets/icon.svg). */
export const BADGE_COLOR = '#b45309';

/** The badge: how many papers of the queue are unread (lib/store/queue.ts's unreadQueued). */
export async function refreshBadge(db: ShelfmarkDB): Promise<void> {
  const queued = await unreadQueued(db);
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: queued > 0 ? String(queued) : '' });
  await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await action.setBadgeTextColor?.({ color: '#ffffff' });
}
