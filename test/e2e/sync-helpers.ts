import type { Page, Worker } from 'playwright-core';
import type { Browser } from './harness';

/**
 * Helpers of the sync end-to-end tests: they drive the test build's controls in the service worker
 * (lib/background/test-hooks.ts) and read its database as the extension sees it.
 */

/** The service worker's test controls (only in the test build). */
interface Controls {
  db: {
    papers: { toArray(): Promise<StoredPaper[]>; count(): Promise<number> };
    tombstones: { toArray(): Promise<{ id: string; deleted: { at: number; by: string } }[]> };
    conflicts: { toArray(): Promise<{ paperId: string; text: string }[]> };
    outbox: { count(): Promise<number> };
    syncState: { get(key: string): Promise<Record<string, unknown> | undefined> };
  };
  applyAction(db: unknown, target: unknown, action: unknown, options?: unknown): Promise<unknown>;
  removePapers(db: unknown, ids: string[], options?: unknown): Promise<string[]>;
  run(reason: string): Promise<{ lastSyncAt?: number; error?: string; failures?: number }>;
  pauseAt?: string;
  paused?: string;
}
declare const shelfmarkTest: Controls;
declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> } } };

export interface StoredPaper {
  id: string;
  title: string;
  starredAt?: number;
  readAt?: number;
  queuePos?: number;
  note: string;
  changedAt: Record<string, number>;
}

export interface SyncTarget {
  url: string;
  username: string;
  password: string;
}

/** The worker, waiting for it if it was stopped (any message or alarm starts it again). */
export async function worker(browser: Browser): Promise<Worker> {
  const live = browser.context.serviceWorkers().find((candidate) => candidate.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  if (live) return live;
  const waiting = browser.context.waitForEvent('serviceworker', { timeout: 15_000 });
  // Wake it: an extension page sending a message starts the worker.
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const started = await waiting;
  await page.close();
  return started;
}

/** Turns sync on by its settings (the options page's form is tested once, in sync.test.ts). */
export async function configureSync(browser: Browser, target: SyncTarget, deviceName: string, e2e: { periodMs?: number; clockOffsetMs?: number } = {}): Promise<void> {
  await (await worker(browser)).evaluate(
    ([settings, test]) => chrome.storage.local.set({ e2e: test, sync: settings }),
    [{ enabled: true, ...target, deviceName }, e2e] as const,
  );
}

export async function setTestSettings(browser: Browser, e2e: { periodMs?: number; clockOffsetMs?: number }): Promise<void> {
  await (await worker(browser)).evaluate((test) => chrome.storage.local.set({ e2e: test }), e2e);
}

/** Runs one sync cycle now, as "Sync now" does, and answers the status after it. */
export async function syncNow(browser: Browser): Promise<{ lastSyncAt?: number; error?: string; failures?: number }> {
  return (await worker(browser)).evaluate(() => shelfmarkTest.run('now'));
}

/** Every stored paper, by id. */
export async function papers(browser: Browser): Promise<Record<string, StoredPaper>> {
  const list = await (await worker(browser)).evaluate(() => shelfmarkTest.db.papers.toArray());
  return Object.fromEntries(list.map((paper) => [paper.id, paper]));
}

/** What the user sees of each paper: what two synced devices must agree on. */
export async function userState(browser: Browser): Promise<Record<string, { starred: boolean; read: boolean; queuePos?: number; note: string }>> {
  const stored = await papers(browser);
  return Object.fromEntries(
    Object.values(stored)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((paper) => [paper.id, { starred: paper.starredAt !== undefined, read: paper.readAt !== undefined, queuePos: paper.queuePos, note: paper.note }]),
  );
}

export async function tombstones(browser: Browser): Promise<string[]> {
  return (await (await worker(browser)).evaluate(() => shelfmarkTest.db.tombstones.toArray())).map((row) => row.id).sort();
}

export async function conflicts(browser: Browser): Promise<{ paperId: string; text: string }[]> {
  return (await worker(browser)).evaluate(() => shelfmarkTest.db.conflicts.toArray());
}

export async function status(browser: Browser): Promise<Record<string, unknown>> {
  return (await (await worker(browser)).evaluate(() => shelfmarkTest.db.syncState.get('status'))) ?? {};
}

/** Applies user actions through the library's own operations in the worker (the write path of every message). */
export async function act(browser: Browser, actions: { id: string; title?: string; action: unknown; now?: number }[]): Promise<void> {
  await (await worker(browser)).evaluate(async (list) => {
    for (const { id, title, action, now } of list) {
      await shelfmarkTest.applyAction(shelfmarkTest.db, title ? { id, title } : id, action, now === undefined ? {} : { now });
    }
  }, actions);
}

export async function remove(browser: Browser, ids: string[]): Promise<void> {
  await (await worker(browser)).evaluate((list) => shelfmarkTest.removePapers(shelfmarkTest.db, list), ids);
}

/**
 * Starts a sync cycle that stops for good at `point` (after a batch upload, or after downloads
 * before they are applied), then kills the service worker there, as the browser may at any moment.
 */
export async function killAt(browser: Browser, point: 'afterUpload' | 'beforeApply', page: Page): Promise<void> {
  const sw = await worker(browser);
  await sw.evaluate((where) => {
    shelfmarkTest.pauseAt = where;
    void shelfmarkTest.run('now');
  }, point);
  const deadline = Date.now() + 20_000;
  while ((await sw.evaluate(() => shelfmarkTest.paused)) !== point) {
    if (Date.now() > deadline) throw new Error(`the sync cycle never reached ${point}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stopWorker(browser, page);
}

/** Stops the extension's service worker (DevTools protocol), as Chrome does to an idle or busy worker. */
export async function stopWorker(browser: Browser, page: Page): Promise<void> {
  const session = await browser.context.newCDPSession(page);
  const closed = new Promise<void>((resolve) => browser.context.serviceWorkers()[0]?.once('close', () => resolve()));
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!target) throw new Error('no service worker to stop');
  await session.send('Target.closeTarget', { targetId: target.targetId });
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await session.detach();
}
