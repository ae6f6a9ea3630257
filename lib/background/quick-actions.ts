import type { ShelfmarkDB } from '../store/db';
import { applyAction, type PaperState, type UserAction } from '../store/library';
import { boundPaperRef, siteOf } from '../bounds';
import { idLabel, parsePaperId, type PaperId, type PaperRef } from '../paper';
import { linkTitle } from '../sites/generic';
import { readLinkText } from '../tab/page-meta';
import { readTabPaper, type Tab } from '../tab/read-tab';
import { plainError } from '../errors';
import { BADGE_COLOR } from './broadcast';
import { t } from '../i18n';

/**
 * Acting on a paper without opening the popup: the keyboard command that queues the active tab's
 * paper, and the context menu on a link to a paper (Add to queue, Star). The toolbar badge of that
 * tab answers for a moment: ✓ done, ? no paper there, ! not saved. Nothing is fetched: the title
 * is the page's, or the link's text, or (when neither says) the paper's id.
 */

export const QUEUE_COMMAND = 'queue-current-tab';

export const LINK_MENU = { queue: 'shelfmark-link-queue', star: 'shelfmark-link-star' } as const;

/**
 * Links the menu is offered on: the hosts and paths of every link form the identity rules read
 * (lib/paper.ts parsePaperId). The handler reads the id; a link among these that names no paper
 * (a listing, a search) answers "?" on the badge.
 */
export const PAPER_LINK_PATTERNS = [
  ...['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'ar5iv.labs.arxiv.org', 'ar5iv.org', 'alphaxiv.org', 'www.alphaxiv.org'].map((host) => `*://${host}/*`),
  '*://huggingface.co/papers/*',
  '*://doi.org/*',
  '*://dx.doi.org/*',
  '*://www.doi.org/*',
  '*://aclanthology.org/*',
  '*://www.aclweb.org/anthology/*',
  '*://aclweb.org/anthology/*',
  '*://openreview.net/forum*',
  '*://openaccess.thecvf.com/content*',
  '*://*.cv-foundation.org/openaccess/*',
  '*://www.biorxiv.org/content/*',
  '*://biorxiv.org/content/*',
  '*://www.medrxiv.org/content/*',
  '*://medrxiv.org/content/*',
  '*://pubmed.ncbi.nlm.nih.gov/*',
  '*://www.ncbi.nlm.nih.gov/pubmed/*',
  '*://www.semanticscholar.org/paper/*',
  '*://www.semanticscholar.org/arxiv/*',
  // Publishers that carry the DOI in the path (Atypon's /doi/…, Springer, APS, IOP, Nature).
  '*://*/doi/*',
  '*://link.springer.com/*',
  '*://journals.aps.org/*',
  '*://iopscience.iop.org/article/*',
  '*://www.nature.com/articles/*',
];

/** What the user is told on the badge, and why, for the tests. */
export type QuickOutcome = { ok: true; id: PaperId; state: PaperState } | { ok: false; reason: 'no-paper' | 'failed'; error?: string };

type OnChange = (states: Record<PaperId, PaperState>) => Promise<void> | void;

/** The command: the active tab's paper goes to the end of the queue (already queued, it stays where it is). */
export async function queueTabPaper(db: ShelfmarkDB, tab: Tab | undefined, onChange: OnChange): Promise<QuickOutcome> {
  const declared = tab ? await readTabPaper(tab).catch(() => null) : null;
  if (!declared) return answer(tab?.id, { ok: false, reason: 'no-paper' });
  const { paper, titled } = declared;
  return answer(tab?.id, await act(db, paper, titled, { kind: 'queue', value: true }, onChange));
}

/** The parts of the menu's click details used here (contextMenus.OnClickData). */
export interface LinkClick {
  menuItemId: string | number;
  linkUrl?: string;
  /** Firefox tells the link's text; Chromium does not (it is read from the page). */
  linkText?: string;
  frameId?: number;
}

/** The context menu on a link: Add to queue or Star the paper it names. */
export async function actOnLink(db: ShelfmarkDB, click: LinkClick, tab: Tab | undefined, onChange: OnChange): Promise<QuickOutcome> {
  const action: UserAction | null =
    click.menuItemId === LINK_MENU.queue ? { kind: 'queue', value: true } : click.menuItemId === LINK_MENU.star ? { kind: 'star', value: true } : null;
  const id = click.linkUrl ? parsePaperId(click.linkUrl) : null;
  if (!action || !id || !click.linkUrl) return answer(tab?.id, { ok: false, reason: 'no-paper' });
  const text = linkTitle(click.linkText ?? (await linkTextInPage(tab, click)));
  const ref = boundPaperRef({ id, title: text ?? idLabel(id), links: { abs: click.linkUrl } }, siteOf(tab?.url));
  return answer(tab?.id, await act(db, ref, text !== undefined, action, onChange));
}

/** Creates the link menu's items (on install and update: Chromium keeps them between runs). */
export async function createLinkMenu(): Promise<void> {
  const menus = browser.contextMenus;
  await menus.removeAll();
  const common = { contexts: ['link'] as ['link'], targetUrlPatterns: PAPER_LINK_PATTERNS };
  menus.create({ id: LINK_MENU.queue, title: t('menuQueue'), ...common });
  menus.create({ id: LINK_MENU.star, title: t('menuStar'), ...common });
}

/** A stored paper keeps its title unless the page gave one of its own. */
async function act(db: ShelfmarkDB, ref: PaperRef, titled: boolean, action: UserAction, onChange: OnChange): Promise<QuickOutcome> {
  try {
    const stored = await db.papers.get(ref.id);
    const state = (await applyAction(db, stored && !titled ? ref.id : ref, action))!;
    try {
      await onChange({ [ref.id]: state });
    } catch (error) {
      console.warn('[Shelfmark] could not tell open tabs about a change', error);
    }
    return { ok: true, id: ref.id, state };
  } catch (error) {
    console.error('[Shelfmark] quick action failed', error);
    return { ok: false, reason: 'failed', error: plainError(error).error };
  }
}

async function linkTextInPage(tab: Tab | undefined, click: LinkClick): Promise<string | undefined> {
  if (tab?.id === undefined || !click.linkUrl) return undefined;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [click.frameId ?? 0] },
      func: readLinkText,
      args: [click.linkUrl],
    });
    return typeof injection?.result === 'string' ? injection.result : undefined;
  } catch {
    return undefined; // a page no script may run in: the id names the paper
  }
}

const BADGE_MS = 3_000;
const BADGES = {
  done: { text: '✓', color: '#15803d' },
  'no-paper': { text: '?', color: '#6b7280' },
  failed: { text: '!', color: '#b91c1c' },
} as const;

/** Shows the outcome on the tab's badge for a moment, then the queue's count again. */
async function answer(tabId: number | undefined, outcome: QuickOutcome): Promise<QuickOutcome> {
  if (tabId === undefined) return outcome;
  const badge = BADGES[outcome.ok ? 'done' : outcome.reason];
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeText({ tabId, text: badge.text });
    await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    setTimeout(() => {
      // null: the tab shows the badge of every tab again (the queue's length).
      void action.setBadgeText({ tabId, text: null as unknown as string }).catch(() => undefined);
      void action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }).catch(() => undefined);
    }, BADGE_MS);
  } catch {
    // The tab closed meanwhile: nobody to tell.
  }
  return outcome;
}
