import type { ShelfmarkDB } from '../store/db';
import { applyAction, removePapers, type PaperTarget, type UserAction } from '../store/library';
import { setClockOffsetForTests } from '../store/clock';
import { applyImport, parseBackup } from '../export/backup-import';
import type { SyncHooks } from '../sync/engine';
import type { SyncRuntime } from './sync-runtime';
import type { LinkClick, QuickOutcome } from './quick-actions';
import type { Tab } from '../tab/read-tab';

/**
 * The test build only (`SHELFMARK_E2E=1 npm run build`; the shipped build compiles this away):
 * controls for the end-to-end tests, as messages `{ type: 'shelfmark-test', op, … }` from an
 * extension page (a message also wakes a worker the test killed). They make edits through the
 * library's own operations (hundreds quickly), read the database, run a sync cycle, and pause a
 * cycle for good at a point inside it so that the test can kill the worker exactly there. A clock
 * offset (a device whose clock is behind) and a short sync period come from storage.local (`e2e`),
 * so they survive a killed worker.
 */

declare const __SHELFMARK_E2E__: boolean;
export const TEST_BUILD: boolean = typeof __SHELFMARK_E2E__ !== 'undefined' && __SHELFMARK_E2E__;

type PausePoint = 'afterUpload' | 'beforeApply';

export type TestRequest =
  | { type: 'shelfmark-test'; op: 'act'; actions: { target: PaperTarget; action: UserAction; now?: number }[] }
  | { type: 'shelfmark-test'; op: 'remove'; ids: string[]; now?: number }
  | { type: 'shelfmark-test'; op: 'run' }
  | { type: 'shelfmark-test'; op: 'pause'; at: PausePoint }
  | { type: 'shelfmark-test'; op: 'paused' }
  | { type: 'shelfmark-test'; op: 'read' }
  | { type: 'shelfmark-test'; op: 'summary' }
  | { type: 'shelfmark-test'; op: 'import'; backup: string }
  /** The link menu's handler, as a click on the menu item in the tab at `tabUrl` calls it. */
  | { type: 'shelfmark-test'; op: 'link'; click: LinkClick; tabUrl: string }
  /** The queue command's handler, for the tab at `tabUrl`. */
  | { type: 'shelfmark-test'; op: 'command'; tabUrl: string };

/** The handlers of the command and the link menu (lib/background/quick-actions.ts), bound to the database. */
export interface QuickHandlers {
  command(tab: Tab | undefined): Promise<QuickOutcome>;
  link(click: LinkClick, tab: Tab | undefined): Promise<QuickOutcome>;
}

export interface TestSetup {
  hooks: SyncHooks;
  periodMs(): Promise<number>;
  /** True for the test controls' messages (the background's own handler leaves them alone). */
  owns(message: unknown): boolean;
}

export function testSetup(db: ShelfmarkDB, runtime: () => SyncRuntime, quick: QuickHandlers): TestSetup | undefined {
  if (!TEST_BUILD) return undefined;
  let pauseAt: PausePoint | undefined;
  let paused: PausePoint | undefined;
  const pause = (point: PausePoint) => async () => {
    if (pauseAt !== point) return;
    paused = point;
    await new Promise(() => {}); // never resumes: the test kills the worker here
  };
  const owns = (message: unknown): message is TestRequest => (message as { type?: unknown } | null)?.type === 'shelfmark-test';

  async function answer(request: TestRequest): Promise<unknown> {
    switch (request.op) {
      case 'act':
        for (const { target, action, now } of request.actions) await applyAction(db, target, action, now === undefined ? {} : { now });
        return null;
      case 'remove':
        return removePapers(db, request.ids, request.now === undefined ? {} : { now: request.now });
      case 'run':
        return runtime().run('now');
      case 'pause':
        pauseAt = request.at;
        void runtime().run('now');
        return null;
      case 'paused':
        return paused ?? null;
      case 'import': {
        // A whole library at once, through the JSON backup import (the benchmark's 10,000 papers).
        const read = parseBackup(request.backup);
        if (!read.ok) throw new Error(read.error);
        return (await applyImport(db, read.backup)).added.length;
      }
      case 'link':
        return quick.link(request.click, await tabAt(request.tabUrl));
      case 'command':
        return quick.command(await tabAt(request.tabUrl));
      case 'summary':
        return { papers: await db.papers.count(), outbox: await db.outbox.count(), status: (await db.syncState.get('status')) ?? {} };
      case 'read':
        return {
          papers: await db.papers.toArray(),
          tombstones: await db.tombstones.toArray(),
          outbox: await db.outbox.count(),
          status: (await db.syncState.get('status')) ?? {},
        };
    }
  }

  const tabAt = async (url: string) => (await browser.tabs.query({})).find((tab) => tab.url === url);

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!owns(message)) return undefined;
    void answer(message).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
    return true;
  });
  const settings = async () => ((await browser.storage.local.get('e2e')).e2e ?? {}) as { periodMs?: number; clockOffsetMs?: number };
  const applyOffset = async () => setClockOffsetForTests((await settings()).clockOffsetMs ?? 0);
  void applyOffset();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'e2e' in changes) void applyOffset();
  });
  return {
    hooks: { afterUpload: pause('afterUpload'), beforeApply: pause('beforeApply') },
    periodMs: async () => (await settings()).periodMs ?? 60_000,
    owns,
  };
}
