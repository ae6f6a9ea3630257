import type { Page } from 'playwright-core';
import type { Browser } from './harness';

/**
 * Helpers of the sync end-to-end tests. They talk to the test build's controls
 * (lib/background/test-hooks.ts) by messages from an extension page of the profile: a message also
 * starts the worker again after a test killed it.
 */

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

export interface StoredPaper {
  id: string;
  title: string;
  starredAt?: number;
  readAt?: number;
  queuePos?: number;
  note: string;
  changedAt: Record<string, number>;
  keptNotes?: { text: string; dismissed?: true }[];
}

export interface Stored {
  papers: StoredPaper[];
  tombstones: { id: string; deleted: { at: number; by: string } }[];
  outbox: number;
  status: { lastSyncAt?: number; error?: string; failures?: number };
}

export interface SyncTarget {
  url: string;
  username: string;
  password: string;
}

export interface Action {
  id: string;
  /** Given for a paper acted on from its card (creating it); otherwise the stored paper by id. */
  title?: string;
  action: unknown;
  now?: number;
}

const pages = new WeakMap<Browser, Page>();

/** An extension page of the profile, kept open to send the controls' messages. */
export async function controlPage(browser: Browser): Promise<Page> {
  let page = pages.get(browser);
  if (!page || page.isClosed()) {
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    pages.set(browser, page);
  }
  return page;
}

/** Sends one of the test build's control messages (lib/background/test-hooks.ts) and answers its reply. */
export async function control<T>(browser: Browser, request: Record<string, unknown>): Promise<T> {
  const answer = await (await controlPage(browser)).evaluate((message) => chrome.runtime.sendMessage(message), { type: 'shelfmark-test', ...request });
  if (answer && typeof answer === 'object' && 'error' in answer && Object.keys(answer).length === 1) throw new Error(String(answer.error));
  return answer as T;
}

/** Turns sync on by its settings (the options page's form is tested once, in sync.test.ts). */
export async function configureSync(browser: Browser, target: SyncTarget, deviceName: string, e2e: { periodMs?: number; clockOffsetMs?: number } = {}): Promise<void> {
  await (await controlPage(browser)).evaluate(
    ([settings, test]) => chrome.storage.local.set({ e2e: test, sync: settings }),
    [{ enabled: true, ...target, deviceName }, e2e] as const,
  );
}

/** Runs one sync cycle now, as "Sync now" does, and answers the status after it. */
export function syncNow(browser: Browser): Promise<Stored['status']> {
  return control(browser, { op: 'run' });
}

export function read(browser: Browser): Promise<Stored> {
  return control(browser, { op: 'read' });
}

/** Counts and status only: cheap enough to poll while a large library syncs. */
export function summary(browser: Browser): Promise<{ papers: number; outbox: number; status: Stored['status'] }> {
  return control(browser, { op: 'summary' });
}

/** Every stored paper, by id. */
export async function papers(browser: Browser): Promise<Record<string, StoredPaper>> {
  return Object.fromEntries((await read(browser)).papers.map((paper) => [paper.id, paper]));
}

/** What the user sees of each paper: what two synced devices must agree on. */
export async function userState(browser: Browser): Promise<Record<string, { starred: boolean; read: boolean; queuePos?: number; note: string }>> {
  const stored = (await read(browser)).papers.sort((a, b) => (a.id < b.id ? -1 : 1));
  return Object.fromEntries(
    stored.map((paper) => [paper.id, { starred: paper.starredAt !== undefined, read: paper.readAt !== undefined, queuePos: paper.queuePos, note: paper.note }]),
  );
}

/** Applies user actions through the library's own operations in the worker (the write path of every message). */
export async function act(browser: Browser, actions: Action[]): Promise<void> {
  for (let start = 0; start < actions.length; start += 200) {
    const batch = actions.slice(start, start + 200).map(({ id, title, action, now }) => ({ target: title ? { id, title } : id, action, now }));
    await control(browser, { op: 'act', actions: batch });
  }
}

export async function remove(browser: Browser, ids: string[]): Promise<void> {
  await control(browser, { op: 'remove', ids });
}

/**
 * Starts a sync cycle that stops for good at `point` (after a batch upload, or after downloads
 * before they are applied), then kills the service worker there, as the browser may at any moment.
 */
export async function killAt(browser: Browser, point: 'afterUpload' | 'beforeApply'): Promise<void> {
  await control(browser, { op: 'pause', at: point });
  const deadline = Date.now() + 20_000;
  while ((await control(browser, { op: 'paused' })) !== point) {
    if (Date.now() > deadline) throw new Error(`the sync cycle never reached ${point}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stopWorker(browser);
}

/** Stops the extension's service worker (DevTools protocol), as Chrome may stop a worker at any moment. */
export async function stopWorker(browser: Browser): Promise<void> {
  const session = await browser.context.newCDPSession(await controlPage(browser));
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (!target) throw new Error('no service worker to stop');
    await session.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await session.detach();
  }
}
