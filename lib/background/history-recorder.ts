import type { ShelfmarkDB } from '../store/db';
import { recordOpened } from '../store/history';
import { loadSettings } from '../settings';
import { parsePaperId, type PaperId } from '../paper';
import { readTabPaper, type Tab } from '../tab/read-tab';
import { enabledSites } from '../tab/site-access';
import { siteOf } from '../bounds';

/**
 * Records the papers the user opens (lib/store/history.ts) while the setting is on: a tab that
 * shows a paper's page by its address (an arXiv abstract, PDF or HTML page, a Hugging Face paper,
 * an Anthology paper, an OpenReview forum, a CVF paper: lib/paper.ts parsePaperId), or a page of a
 * site the user enabled that declares its paper (citation_* or Dublin Core tags). The browser
 * tells Shelfmark a tab's address only on the hosts it may read, so no other page is seen.
 */
export function recordHistory(db: ShelfmarkDB): void {
  /** The paper each tab showed last: a reload or an in-page change of the same paper is one opening. */
  const shown = new Map<number, PaperId>();
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' && change.url === undefined) return;
    void noteOpened(db, tab, shown).catch((error: unknown) => console.warn('[Shelfmark] could not record a paper opened', error));
  });
  browser.tabs.onRemoved.addListener((tabId) => shown.delete(tabId));
}

async function noteOpened(db: ShelfmarkDB, tab: Tab, shown: Map<number, PaperId>): Promise<void> {
  if (tab.id === undefined || !tab.url) return;
  // A paper's page by its address, or a page of a site the user enabled that declares its paper in its meta tags.
  const byAddress = isPaperPage(tab.url);
  if (!byAddress && !(await enabledSites()).includes(siteOf(tab.url) ?? '')) {
    shown.delete(tab.id);
    return;
  }
  if ((await loadSettings()).history === false) return;
  const declared = await readTabPaper(tab);
  if (!declared || (!byAddress && !declared.titled) || shown.get(tab.id) === declared.paper.id) return;
  shown.set(tab.id, declared.paper.id);
  await recordOpened(db, declared.paper, tab.url.replace(/#.*$/, ''), { titled: declared.titled });
}

/** A page of one paper, by its address alone (a listing or a search is not). */
export function isPaperPage(url: string): boolean {
  return parsePaperId(url) !== null;
}
