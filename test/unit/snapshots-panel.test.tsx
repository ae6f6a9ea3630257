import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SnapshotsPanel } from '@/components/options/SnapshotsPanel';
import { setNote } from '@/lib/store/library';
import { listSnapshots, openSnapshots, snapshotLibrary, type SnapshotsDB } from '@/lib/store/snapshots';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { freshDatabase } from '../db-helpers';
import { LLAMA, MALDACENA, T0 } from './export-fixtures';

let root: HTMLElement | undefined;
const opened: SnapshotsDB[] = [];
afterEach(async () => {
  if (root) render(null, root);
  root?.remove();
  for (const snapshots of opened.splice(0)) await snapshots.delete();
});

async function until<T>(read: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const button = (name: RegExp) => [...root!.querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));

/** A library of `papers` with a weekly snapshot of it. */
async function libraryWithSnapshot(papers: PaperRecord[]) {
  const db = freshDatabase();
  const snapshots = openSnapshots(`panel-${Math.random()}`);
  opened.push(snapshots);
  await db.papers.bulkPut(papers);
  await snapshotLibrary(db, snapshots, 'weekly', T0);
  return { db, snapshots };
}

function mount(db: ShelfmarkDB, snapshots: SnapshotsDB, paperCount: number) {
  root = document.createElement('div');
  document.body.append(root);
  render(<SnapshotsPanel db={db} snapshots={snapshots} paperCount={paperCount} />, root);
}

describe('options page: snapshots', () => {
  it('lists snapshots and restores one after a confirmation, keeping the library as it was', async () => {
    const { db, snapshots } = await libraryWithSnapshot([LLAMA, MALDACENA]);
    await setNote(db, LLAMA.id, '', { now: T0 + 1 }); // the slip to undo
    mount(db, snapshots, 2);

    const restore = await until(() => button(/^Restore the snapshot of .* \(Weekly, 2 papers\)$/), 'the snapshot');
    expect(root!.querySelector('.snapshot-meta')?.textContent).toBe('Weekly · 2 papers');
    restore.click();
    const confirm = await until(() => root!.querySelector('.snapshot-confirm'), 'the confirmation');
    expect(confirm.textContent).toMatch(/^Replace your library \(2 papers now\) with this snapshot of .* \(2 papers\)\? Your library as it is now is kept as a snapshot first/);
    await until(() => document.activeElement?.textContent === 'Cancel', 'the focus on Cancel, the safe choice');
    expect((await db.papers.get(LLAMA.id))?.note).toBe(''); // nothing happens before confirming

    button(/^Replace my library$/)!.click();
    const done = await until(() => root!.querySelector('[role="status"].snapshot-done'), 'the result');
    expect(done.textContent).toMatch(/^Restored the snapshot of .*: 2 papers\. Your library as it was is kept as “Before a restore”/);
    expect((await db.papers.get(LLAMA.id))?.note).toBe(LLAMA.note);
    await until(() => root!.querySelectorAll('.snapshot-row').length === 2, 'the new snapshot in the list');
    expect(root!.querySelector('.snapshot-meta')?.textContent).toBe('Before a restore · 2 papers');
  });

  it('Escape and Cancel leave the library as it is, the focus back on Restore', async () => {
    const { db, snapshots } = await libraryWithSnapshot([LLAMA]);
    await setNote(db, LLAMA.id, 'newer', { now: T0 + 1 });
    mount(db, snapshots, 1);
    (await until(() => button(/^Restore the snapshot/), 'the snapshot')).click();
    const confirm = await until(() => root!.querySelector('.snapshot-confirm'), 'the confirmation');
    confirm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => !root!.querySelector('.snapshot-confirm'), 'the confirmation to close');
    expect(document.activeElement).toBe(button(/^Restore the snapshot/));

    button(/^Restore the snapshot/)!.click();
    (await until(() => button(/^Cancel$/), 'the confirmation')).click();
    await until(() => !root!.querySelector('.snapshot-confirm'), 'the confirmation to close');
    expect(document.activeElement).toBe(button(/^Restore the snapshot/));
    expect((await db.papers.get(LLAMA.id))?.note).toBe('newer');
    expect(await listSnapshots(snapshots)).toHaveLength(1);
  });

  it('says in plain words when the restore fails, and changes nothing', async () => {
    const { db, snapshots } = await libraryWithSnapshot([LLAMA]);
    vi.spyOn(db, 'transaction').mockRejectedValue(Object.assign(new Error('QuotaExceededError: raw'), { name: 'QuotaExceededError' }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    mount(db, snapshots, 1);
    (await until(() => button(/^Restore the snapshot/), 'the snapshot')).click();
    (await until(() => button(/^Replace my library$/), 'the confirmation')).click();
    const error = await until(() => root!.querySelector('[role="alert"]'), 'the error');
    expect(error.textContent).toBe(
      'Not restored (your library is unchanged): the storage your browser gives Shelfmark is full. Free some disk space (or clear other sites’ data), then try again; nothing already saved is lost.',
    );
    vi.restoreAllMocks();
    expect(await db.papers.toArray()).toEqual([LLAMA]);
  });
});
