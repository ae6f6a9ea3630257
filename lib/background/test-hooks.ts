import type { ShelfmarkDB } from '../store/db';
import { applyAction, removePapers } from '../store/library';
import { setClockOffsetForTests } from '../store/clock';
import type { SyncHooks } from '../sync/engine';
import type { SyncReason, SyncRuntime } from './sync-runtime';

/**
 * The test build only (`SHELFMARK_E2E=1 npm run build`; the shipped build compiles this away):
 * controls for the end-to-end tests on the service worker's global `shelfmarkTest`: the library
 * operations (to make hundreds of edits quickly through the real write path), pause points inside a
 * sync cycle (so a test can kill the worker exactly there), a clock offset (a device whose clock is
 * behind) and a short sync period. Offset and period persist in storage.local (`e2e`), so they
 * survive a killed worker.
 */

declare const __SHELFMARK_E2E__: boolean;
export const TEST_BUILD: boolean = typeof __SHELFMARK_E2E__ !== 'undefined' && __SHELFMARK_E2E__;

type PausePoint = 'afterUpload' | 'beforeApply';

export interface TestControls {
  db: ShelfmarkDB;
  applyAction: typeof applyAction;
  removePapers: typeof removePapers;
  run(reason: SyncReason): ReturnType<SyncRuntime['run']>;
  /** Where the next cycle stops for good (until the worker is killed). */
  pauseAt?: PausePoint;
  /** Where a cycle is stopped now. */
  paused?: PausePoint;
}

export interface TestSetup {
  hooks: SyncHooks;
  periodMs(): Promise<number>;
  attach(runtime: SyncRuntime): void;
}

export function testSetup(db: ShelfmarkDB): TestSetup | undefined {
  if (!TEST_BUILD) return undefined;
  let runtime: SyncRuntime | undefined;
  const controls: TestControls = { db, applyAction, removePapers, run: (reason) => runtime!.run(reason) };
  (globalThis as { shelfmarkTest?: TestControls }).shelfmarkTest = controls;
  const pause = (point: PausePoint) => async () => {
    if (controls.pauseAt !== point) return;
    controls.paused = point;
    await new Promise(() => {}); // never resumes: the test kills the worker here
  };
  const settings = async () => ((await browser.storage.local.get('e2e')).e2e ?? {}) as { periodMs?: number; clockOffsetMs?: number };
  const applyOffset = async () => setClockOffsetForTests((await settings()).clockOffsetMs ?? 0);
  void applyOffset();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'e2e' in changes) void applyOffset();
  });
  return {
    hooks: { afterUpload: pause('afterUpload'), beforeApply: pause('beforeApply') },
    periodMs: async () => (await settings()).periodMs ?? 60_000,
    attach(attached) {
      runtime = attached;
    },
  };
}
