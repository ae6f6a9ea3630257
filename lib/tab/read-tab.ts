import type { Browser } from 'wxt/browser';
import { declaredPaper, type DeclaredPaper } from '../sites/declared';
import { readPageMeta, type PageMeta } from './page-meta';

export type Tab = Browser.tabs.Tab;

/**
 * The active tab of the window the caller is in (the popup's, or the one a command was pressed in).
 * Its URL is visible to Shelfmark only while `activeTab` grants it (the popup opened, the command
 * pressed, the menu used) or on its own sites.
 */
export async function activeTab(): Promise<Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/**
 * The paper the tab shows, or null. The page's meta tags are read by a script run once in its top
 * frame; where no script may run (a PDF viewer, a browser page) the tab's address and title are
 * all there is, which is enough for an arXiv PDF.
 */
export async function readTabPaper(tab: Tab): Promise<DeclaredPaper | null> {
  if (tab.id === undefined || !tab.url || !/^https?:/i.test(tab.url)) return null;
  let meta: PageMeta = { url: tab.url, title: tab.title ?? '', tags: [] };
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: readPageMeta });
    const read = injection?.result as PageMeta | undefined;
    if (read && typeof read.url === 'string' && Array.isArray(read.tags)) meta = { ...read, title: read.title || meta.title };
  } catch {
    // No script here (a PDF, a store page, access withdrawn): the address still names an arXiv paper.
  }
  return declaredPaper(meta);
}
