import type { ShelfmarkDB } from '../store/db';
import { applyAction, type PaperState, type PaperTarget, type SeenAt, type UserAction } from '../store/library';
import { LIMITS } from '../limits';
import { sendRequest } from '../messaging';
import type { PaperId } from '../paper';
import { forgetQueueHead } from './queue-head';

/**
 * For extension pages (popup, options): they write to the database directly, through the same
 * operations as the background, then tell the background which papers changed so it can update
 * the open tabs and the toolbar badge. The write has landed before the notice is sent; a lost
 * notice (background restarting) only delays what other tabs show, it loses nothing.
 */
export async function actOnPaper(db: ShelfmarkDB, target: PaperTarget, action: UserAction, seen?: SeenAt): Promise<PaperState | null> {
  const state = await applyAction(db, target, action, seen ? { seen } : {});
  if (state) await notifyChanged([typeof target === 'string' ? target : target.id]);
  return state;
}

/**
 * Tells the background these papers changed in the database. Never throws. The popup's kept queue
 * rows are forgotten: the next popup does not open on rows this change made out of date.
 */
export async function notifyChanged(ids: readonly PaperId[]): Promise<void> {
  if (ids.length === 0) return;
  forgetQueueHead();
  try {
    await sendRequest({ type: 'changed', ids: [...ids] });
  } catch (error) {
    console.warn('[Shelfmark] could not tell open tabs about a change', error);
  }
}

/** Tells the background about many changed papers (an import, a restore), in requests the protocol accepts. */
export async function notifyChangedInBatches(
  ids: readonly PaperId[],
  notify: (ids: readonly PaperId[]) => Promise<void> = notifyChanged,
): Promise<void> {
  for (let start = 0; start < ids.length; start += LIMITS.idsPerRequest) {
    await notify(ids.slice(start, start + LIMITS.idsPerRequest));
  }
}
