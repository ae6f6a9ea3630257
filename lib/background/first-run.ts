import type { ShelfmarkDB } from '../store/db';
import { refreshBadge } from './broadcast';

/** The first-run page (entrypoints/welcome), also linked from the options page. */
export const WELCOME_PATH = '/welcome.html';

/**
 * runtime.onInstalled: a new install opens the first-run page once; an update of Shelfmark or of
 * the browser does not (the user has seen it). Either way the badge is redrawn: it starts blank.
 * The page is opened before the badge is drawn, so a drawn badge tells that the handler is done.
 */
export async function handleInstalled(db: ShelfmarkDB, details: { reason: string }): Promise<void> {
  if (details.reason === 'install') {
    try {
      await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
    } catch (error) {
      console.error('[Shelfmark] could not open the first-run page', error);
    }
  }
  await refreshBadge(db);
}
