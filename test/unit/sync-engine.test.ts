// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { applyAction, dismissKeptNote, removePapers, setNote, setQueued, setRead, setStarred, setTagged } from '@/lib/store/library';
import { libraryTags, renameTag } from '@/lib/store/tags';
import { tagNames } from '@/lib/tags';
import { moveToTop } from '@/lib/store/queue';
import { readClock } from '@/lib/store/clock';
import { allowRemovals, keepPapers, syncOnce, type SyncHooks } from '@/lib/sync/engine';
import { loadRemoteState, loadStatus } from '@/lib/sync/state';
import { WebDavClient } from '@/lib/sync/webdav';
import { SyncError } from '@/lib/sync/errors';
import { freshDatabase, paperRef } from '../db-helpers';
import { startFaultProxy, type FaultProxy } from '../servers/fault-proxy';
import { startServer, type DavServer } from '../servers/webdav-servers';

/*
 * The sync engine (lib/sync/engine.ts) between devices, each a fake-indexeddb database, through
 * the webdav-server package (in process) behind the fault-injecting proxy.
 */

let server: DavServer;
let proxy: FaultProxy;
let folders = 0;

beforeAll(async () => {
  server = await startServer('webdav-server');
  proxy = await startFaultProxy(server.url);
}, 30_000);
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

const noWait = { sleep: async () => {} };

interface Device {
  db: ShelfmarkDB;
  dav: WebDavClient;
  sync(hooks?: SyncHooks): ReturnType<typeof syncOnce>;
}

/** A new sync folder, and devices on it. */
function folder() {
  const url = `${proxy.url}sync-${++folders}/`;
  proxy.clear();
  const device = (name: string): Device => {
    const db = freshDatabase();
    const dav = new WebDavClient({ url, username: server.username, password: server.password });
    return { db, dav, sync: (hooks) => syncOnce(db, dav, { deviceName: name, retry: noWait, hooks }) };
  };
  return { url, device, reader: new WebDavClient({ url, username: server.username, password: server.password }) };
}

/** What the user sees of each paper: the state compared between devices. */
async function userState(db: ShelfmarkDB) {
  const papers = await db.papers.orderBy('id').toArray();
  return Object.fromEntries(
    papers.map((p: PaperRecord) => [p.id, { starred: p.starredAt !== undefined, read: p.readAt !== undefined, queuePos: p.queuePos, note: p.note, title: p.title }]),
  );
}

const id = (n: number) => paperRef(n).id;

/** Devices A and B on a new folder, both holding paper 1 starred on A at time 1,000. */
async function twoDevices(): Promise<{ a: Device; b: Device; reader: WebDavClient }> {
  const { device, reader } = folder();
  const a = device('A');
  const b = device('B');
  await setStarred(a.db, paperRef(1), true, { now: 1_000 });
  await a.sync();
  await b.sync();
  return { a, b, reader };
}

/** The notes kept on a paper from sync conflicts (not dismissed). */
async function kept(db: ShelfmarkDB, n: number): Promise<string[]> {
  return ((await db.papers.get(id(n)))?.keptNotes ?? []).filter((note) => !note.dismissed).map((note) => note.text);
}

describe('sync between devices', () => {
  it('a star, read, queue move and note on A appear on B; the folder holds one writer’s files per device', async () => {
    const { device, reader } = folder();
    const a = device('Laptop');
    const b = device('Desktop');
    for (let n = 1; n <= 3; n++) await setQueued(a.db, paperRef(n), true);
    await a.sync();
    await b.sync();
    expect(await userState(b.db)).toEqual(await userState(a.db));

    await setStarred(a.db, id(1), true);
    await setRead(a.db, id(2), true);
    await moveToTop(a.db, id(3));
    await setNote(a.db, id(1), 'Read section 4 first');
    expect(await a.db.outbox.count()).toBeGreaterThan(0);
    const pushed = await a.sync();
    expect(await a.db.outbox.count()).toBe(0);
    expect(pushed.pushed).toBe(3);
    const pulled = await b.sync();
    expect(pulled.changed.sort()).toEqual([id(1), id(2), id(3)]);
    expect(await userState(b.db)).toEqual(await userState(a.db));
    expect((await b.db.papers.get(id(1)))!.note).toBe('Read section 4 first');

    const { deviceId: aId } = await a.db.transaction('rw', a.db.syncState, () => readClock(a.db));
    expect((await reader.list(`devices/${aId}`)).map((entry) => entry.path).sort()).toEqual([`devices/${aId}/device.json`, `devices/${aId}/log`, `devices/${aId}/snap`]);
    expect((await reader.list(`devices/${aId}/log`)).map((entry) => entry.path)).toEqual([`devices/${aId}/log/2.json`]);
    const status = await loadStatus(b.db);
    expect(status.devices?.map((d) => [d.name, d.self])).toEqual([['Desktop', true], ['Laptop', false]]);
    expect(status.lastSyncAt).toBeGreaterThan(0);

    // Nothing new: a cycle changes and uploads nothing.
    const before = proxy.requests.length;
    expect(await b.sync()).toMatchObject({ changed: [], pushed: 0 });
    expect(proxy.requests.slice(before).filter((request) => request.method === 'PUT')).toEqual([]);
  });

  it('concurrent edits converge; a local note replaced by a newer one is kept as a conflict copy', async () => {
    const { a, b } = await twoDevices();
    // Both edit offline: A stars 2 and writes a note on 1; B writes a later note on 1 and unstars 1.
    await setNote(a.db, id(1), 'A’s thoughts', { now: 2_000 });
    await setStarred(a.db, paperRef(2), true, { now: 2_100 });
    await setNote(b.db, id(1), 'B’s later thoughts', { now: 3_000 });
    await setStarred(b.db, id(1), false, { now: 3_100 });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await userState(a.db)).toEqual(await userState(b.db));
    expect((await a.db.papers.get(id(1)))).toMatchObject({ note: 'B’s later thoughts' });
    expect((await a.db.papers.get(id(1)))!.starredAt).toBeUndefined();
    // A's note lost to a note written without seeing it: kept on the paper, on both devices, with who wrote it when.
    expect((await a.db.papers.get(id(1)))!.keptNotes).toEqual([{ text: 'A’s thoughts', written: { at: 2_000, by: expect.any(String) } }]);
    expect(await kept(b.db, 1)).toEqual(['A’s thoughts']);

    // Dismissed on B, it stays dismissed everywhere.
    await dismissKeptNote(b.db, id(1), (await b.db.papers.get(id(1)))!.keptNotes![0]!.written);
    await b.sync();
    await a.sync();
    expect(await kept(a.db, 1)).toEqual([]);
    expect((await a.db.papers.get(id(1)))!.keptNotes).toEqual([{ text: '', written: { at: 2_000, by: expect.any(String) }, dismissed: true }]);
  });

  it('tags merge one by one: a tag added on A and another taken off on B both hold everywhere; a rename travels', async () => {
    const { a, b } = await twoDevices();
    await setTagged(a.db, id(1), 'LLM', true, { now: 2_000 });
    await setTagged(a.db, id(1), 'agents', true, { now: 2_001 });
    await a.sync();
    await b.sync();
    // Offline: A adds "RL", B takes "agents" off.
    await setTagged(a.db, id(1), 'RL', true, { now: 3_000 });
    await setTagged(b.db, id(1), 'agents', false, { now: 3_100 });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) expect(tagNames((await device.db.papers.get(id(1)))!)).toEqual(['LLM', 'RL']);
    expect(await a.db.outbox.count()).toBe(0);
    // A rename on B reaches A, and A's tag search finds it under its new name.
    await renameTag(b.db, 'llm', 'Language models', { now: 4_000 });
    await b.sync();
    await a.sync();
    expect(await libraryTags(a.db)).toEqual([
      { key: 'language models', name: 'Language models', count: 1 },
      { key: 'rl', name: 'RL', count: 1 },
    ]);
  });

  it('a note pushed, then overwritten elsewhere by someone who never saw it, is kept too', async () => {
    const { a, b } = await twoDevices();
    await setNote(a.db, id(1), 'pushed by A', { now: 2_000 });
    await a.sync(); // pushed: no longer "changed since the last sync" on A
    await setNote(b.db, id(1), 'written by B without seeing A’s', { now: 3_000 });
    await b.sync();
    await a.sync();
    expect((await a.db.papers.get(id(1)))!.note).toBe('written by B without seeing A’s');
    expect(await kept(a.db, 1)).toEqual(['pushed by A']);
    // B now saw A's note: B's next edit replaces it knowingly, no conflict copy.
    await setNote(a.db, id(1), 'A again, after reading B', { now: 4_000 });
    await a.sync();
    await b.sync();
    expect(await kept(b.db, 1)).toEqual(['pushed by A']);
    expect((await b.db.papers.get(id(1)))!.note).toBe('A again, after reading B');
  });

  it('a device whose clock is 10 minutes behind: its later edit wins on both', async () => {
    const { device } = folder();
    const a = device('A');
    const b = device('B');
    const t = 1_700_000_000_000;
    await setNote(a.db, paperRef(1), 'A at t', { now: t });
    await a.sync();
    await b.sync();
    // B edits after seeing A's note, though its clock says ten minutes earlier.
    await setNote(b.db, id(1), 'B after A, clock behind', { now: t + 5_000 - 600_000 });
    expect((await b.db.papers.get(id(1)))!.changedAt.note).toBeGreaterThan(t);
    await b.sync();
    await a.sync();
    expect((await a.db.papers.get(id(1)))!.note).toBe('B after A, clock behind');
    expect((await b.db.papers.get(id(1)))!.note).toBe('B after A, clock behind');
    expect(await kept(a.db, 1)).toEqual([]); // B had seen A's note: no conflict
  });

  it('removals travel as tombstones; an edit made after a removal brings the paper back', async () => {
    const { device } = folder();
    const a = device('A');
    const b = device('B');
    for (let n = 1; n <= 20; n++) await setStarred(a.db, paperRef(n), true, { now: 1_000 + n });
    await a.sync();
    await b.sync();
    await removePapers(a.db, [id(1), id(2)], { now: 5_000 });
    await setNote(b.db, id(2), 'B wrote this after A removed it', { now: 6_000 });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await b.db.papers.get(id(1))).toBeUndefined();
    expect((await b.db.tombstones.get(id(1)))!.deleted.at).toBe(5_000);
    // Paper 2 is back on both, with only the change made after its removal.
    for (const db of [a.db, b.db]) {
      expect(await db.papers.get(id(2))).toMatchObject({ note: 'B wrote this after A removed it' });
      expect((await db.papers.get(id(2)))!.starredAt).toBeUndefined();
    }
    expect(await userState(a.db)).toEqual(await userState(b.db));
    expect(Object.keys(await userState(a.db))).toHaveLength(19);
  });

  it('a pull that would remove more than 20% of the library stops and asks; the user decides', async () => {
    const { device } = folder();
    const a = device('A');
    const b = device('B');
    for (let n = 1; n <= 20; n++) await setStarred(a.db, paperRef(n), true);
    await a.sync();
    await b.sync();
    await removePapers(a.db, [1, 2, 3, 4, 5, 6].map(id));
    await a.sync();
    const stopped = await b.sync();
    expect(stopped.removalsWaiting).toBe(true);
    expect(await b.db.papers.count()).toBe(20); // nothing removed
    const { removals } = await loadStatus(b.db);
    expect(removals).toMatchObject({ deviceName: 'A', library: 20 });
    expect(removals!.ids.sort()).toEqual([1, 2, 3, 4, 5, 6].map(id).sort());

    // Keep two of them (a change now, after the removal), allow the rest.
    await keepPapers(b.db, [id(1), id(2)]);
    await allowRemovals(b.db, b.dav.target, removals!.deviceId, removals!.head);
    expect((await b.sync()).removalsWaiting).toBe(false);
    expect(await b.db.papers.count()).toBe(16);
    await a.sync();
    expect(await userState(a.db)).toEqual(await userState(b.db));
    expect((await a.db.papers.get(id(1)))!.starredAt).toBeDefined();
  });
});

describe('sync of a paper known by several ids', () => {
  const ARXIV = 'arxiv:2303.14702';
  const DOI = 'doi:10.1145/3544548.3581127';
  const card = (cardId: string, aliases: string[] = []) => ({ id: cardId, title: 'A Lot of Talk and a Badge', ...(aliases.length ? { aliases } : {}) });
  /** Devices A and B on a new folder, both holding the paper starred on B under its DOI alone, at 1,000. */
  async function starredByDoiOnB(): Promise<{ a: Device; b: Device }> {
    const { device } = folder();
    const a = device('A');
    const b = device('B');
    await setStarred(b.db, card(DOI), true, { now: 1_000 });
    await b.sync();
    await a.sync();
    return { a, b };
  }
  /** Every paper with its ids, besides what the user sees. */
  const named = async (db: ShelfmarkDB) => (await db.papers.orderBy('id').toArray()).map((p) => [p.id, p.aliases]);

  it('two records a card joins on A become one on B too, and stay one on both', async () => {
    const { device } = folder();
    const a = device('A');
    const b = device('B');
    await setStarred(a.db, card(DOI), true, { now: 1_000 });
    await setNote(b.db, card(ARXIV), 'B’s note on the preprint', { now: 1_100 });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await a.db.papers.count()).toBe(2);

    // A dblp entry on A shows both ids: one paper.
    await setRead(a.db, card(ARXIV, [DOI]), true, { now: 2_000 });
    expect(await named(a.db)).toEqual([[ARXIV, [DOI]]]);
    await a.sync();
    const pulled = await b.sync();
    expect(pulled.changed.sort()).toEqual([ARXIV, DOI].sort());
    expect(await named(b.db)).toEqual([[ARXIV, [DOI]]]);
    expect(await userState(b.db)).toEqual({ [ARXIV]: { starred: true, read: true, queuePos: undefined, note: 'B’s note on the preprint', title: 'A Lot of Talk and a Badge' } });
    await a.sync();
    expect(await userState(a.db)).toEqual(await userState(b.db));
    // Nothing left to tell: the folded records' changes went up under the paper's id.
    expect(await a.db.outbox.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('a change made under an alias on a device that had not learnt it lands on the paper everywhere', async () => {
    const { a, b } = await starredByDoiOnB();
    // A learns that the DOI is the arXiv paper's; B, offline, writes a note under the DOI.
    await setQueued(a.db, card(ARXIV, [DOI]), true, { now: 2_000 });
    await setNote(b.db, card(DOI), 'Under its DOI', { now: 3_000 });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const db of [a.db, b.db]) {
      expect(await named(db)).toEqual([[ARXIV, [DOI]]]);
      expect(await db.papers.get(ARXIV)).toMatchObject({ starredAt: 1_000, queuedAt: 2_000, note: 'Under its DOI' });
    }
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('a removal under one id reaches the copy known by another; a later card under an alias brings it back whole', async () => {
    const { a, b } = await starredByDoiOnB();
    await setStarred(a.db, card(ARXIV, [DOI]), true, { now: 2_000 });
    await removePapers(a.db, [ARXIV], { now: 3_000 });
    await a.sync();
    await b.sync();
    expect(await b.db.papers.count()).toBe(0);
    expect(await b.db.tombstones.get(ARXIV)).toMatchObject({ deleted: { at: 3_000 }, paper: { aliases: [DOI] } });

    // Read later on a card showing the DOI alone: back under all its ids; the star the removal cleared stays cleared.
    await setRead(b.db, card(DOI), true, { now: 4_000 });
    expect(await named(b.db)).toEqual([[ARXIV, [DOI]]]);
    await b.sync();
    await a.sync();
    for (const db of [a.db, b.db]) {
      expect(await named(db)).toEqual([[ARXIV, [DOI]]]);
      const paper = (await db.papers.get(ARXIV))!;
      expect([paper.readAt, paper.starredAt]).toEqual([4_000, undefined]);
    }
  });
});

describe('sync survives crashes and server faults', () => {
  const crash = () => {
    throw new Error('service worker killed');
  };

  it('killed between the batch upload and the device file: no duplicate, no missing change', async () => {
    const { device, reader } = folder();
    const a = device('A');
    const b = device('B');
    await setStarred(a.db, paperRef(1), true);
    await a.sync();
    await setNote(a.db, id(1), 'first');
    await expect(a.sync({ afterUpload: async () => crash() })).rejects.toThrow('killed');
    expect((await loadRemoteState(a.db, a.dav.target)).pending?.seq).toBe(2);
    await b.sync(); // B sees only what the device file names
    expect((await b.db.papers.get(id(1)))!.note).toBe('');
    await setNote(a.db, id(1), 'second');
    await a.sync();
    await b.sync();
    expect((await b.db.papers.get(id(1)))!.note).toBe('second');
    const { deviceId } = await a.db.transaction('rw', a.db.syncState, () => readClock(a.db));
    // The batch was written again under the same number: one file, one change.
    expect((await reader.list(`devices/${deviceId}/log`)).map((entry) => entry.path)).toEqual([`devices/${deviceId}/log/2.json`]);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await kept(b.db, 1)).toEqual([]);
  });

  it('killed between download and apply: nothing applied, then everything once', async () => {
    const { device } = folder();
    const a = device('A');
    const b = device('B');
    for (let n = 1; n <= 3; n++) await setQueued(a.db, paperRef(n), true);
    await a.sync();
    await expect(b.sync({ beforeApply: async () => crash() })).rejects.toThrow('killed');
    expect(await b.db.papers.count()).toBe(0);
    expect((await loadRemoteState(b.db, b.dav.target)).cursors).toEqual({});
    await b.sync();
    expect(await userState(b.db)).toEqual(await userState(a.db));
  });

  it.each([
    ['a 500 on a download', { method: 'GET', path: /log\/2\.json$/, fault: { kind: 'status', status: 500 } as const }],
    ['a download cut off', { method: 'GET', path: /log\/2\.json$/, fault: { kind: 'truncate-response' } as const }],
    ['a refused connection', { method: 'GET', path: /device\.json$/, fault: { kind: 'refuse' } as const }],
  ])('%s is retried within the cycle', async (_name, rule) => {
    const { a, b } = await twoDevices();
    await setNote(a.db, id(1), 'after the fault');
    await a.sync();
    proxy.add({ ...rule, times: 2 });
    await b.sync();
    expect((await b.db.papers.get(id(1)))!.note).toBe('after the fault');
  });

  it.each([
    ['401', 401, 'auth'],
    ['404', 404, 'not-found'],
    ['500 (every try)', 500, 'server'],
    ['507', 507, 'full'],
  ])('a %s leaves the local database unchanged, and the next cycle succeeds', async (_name, status, kind) => {
    const { a, b } = await twoDevices();
    await setNote(a.db, id(1), 'pending');
    await setStarred(b.db, id(1), false);
    await a.sync();
    const before = { papers: await b.db.papers.toArray(), outbox: await b.db.outbox.toArray(), remote: await loadRemoteState(b.db, b.dav.target) };
    proxy.add({ path: /log\/2\.json$/, fault: { kind: 'status', status }, times: Infinity });
    const error = await b.sync().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind });
    expect({ papers: await b.db.papers.toArray(), outbox: await b.db.outbox.toArray(), remote: await loadRemoteState(b.db, b.dav.target) }).toEqual(before);
    proxy.clear();
    await b.sync();
    await a.sync();
    expect(await userState(b.db)).toEqual(await userState(a.db));
    expect((await b.db.papers.get(id(1)))).toMatchObject({ note: 'pending' });
  });

  it('a damaged batch is refused whole, nothing of it applied', async () => {
    const { device, reader } = folder();
    const a = device('A');
    const b = device('B');
    await setStarred(a.db, paperRef(1), true);
    await setStarred(a.db, paperRef(2), true);
    await a.sync();
    await b.sync();
    await setNote(a.db, id(1), 'fine');
    await setNote(a.db, id(2), 'fine too');
    await a.sync();
    const { deviceId } = await a.db.transaction('rw', a.db.syncState, () => readClock(a.db));
    const path = `devices/${deviceId}/log/2.json`;
    const original = await reader.get(path);
    const batch = JSON.parse(new TextDecoder().decode(original));
    batch.entries[1].paper.changedAt.note = -1; // one bad paper
    // Padded to the recorded size: it is the content that is refused, not the length.
    await reader.put(path, new TextEncoder().encode(JSON.stringify(batch).padEnd(original.length, ' ')));
    const error = await b.sync().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect((error as Error).message).toMatch(/^Batch 2 from “A” in the sync folder is not valid \(entries\.1\.paper\.changedAt\.note: .*\); nothing of it was applied\.$/);
    expect((await b.db.papers.toArray()).map((paper) => paper.note)).toEqual(['', '']);
  });

  it('an emptied folder is a new target: pushed again in full, nothing removed here', async () => {
    const { device, reader } = folder();
    const a = device('A');
    for (let n = 1; n <= 3; n++) await setStarred(a.db, paperRef(n), true);
    await a.sync();
    const { deviceId } = await a.db.transaction('rw', a.db.syncState, () => readClock(a.db));
    for (const file of await reader.list(`devices/${deviceId}/snap`)) await reader.delete(file.path);
    await reader.delete(`devices/${deviceId}/device.json`);
    await proxyDeleteFolder(reader, `devices/${deviceId}`);
    await a.sync();
    expect(await a.db.papers.count()).toBe(3);
    const c = device('C');
    await c.sync();
    expect(await userState(c.db)).toEqual(await userState(a.db));
  });

  it('compacts its batches into a snapshot; a fresh device reads the library in a few requests', async () => {
    const { device } = folder();
    const a = device('A');
    await applyAction(a.db, paperRef(1), { kind: 'star', value: true });
    await a.sync();
    for (let n = 0; n < 70; n++) {
      await setNote(a.db, id(1), `note ${n}`);
      await a.sync();
    }
    const state = await loadRemoteState(a.db, a.dav.target);
    expect(state.snapshot!.seq).toBeGreaterThan(1);
    expect(state.logs.length).toBeLessThan(64);
    const c = device('C');
    const sent = proxy.requests.length;
    await c.sync();
    expect((await c.db.papers.get(id(1)))!.note).toBe('note 69');
    expect(proxy.requests.length - sent).toBeLessThan(25);
  }, 60_000);
});

async function proxyDeleteFolder(dav: WebDavClient, path: string): Promise<void> {
  // A folder is deleted like a file, with its slash.
  await dav.delete(`${path}/`);
}
