import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, launch, noteEditor, pressed, readSharedPage, type Browser } from './harness';
import { startFaultProxy, type FaultProxy } from '../servers/fault-proxy';
import { startServer, type DavServer } from '../servers/webdav-servers';
import { act, configureSync, killAt, papers, read, remove, syncNow, userState, type SyncTarget } from './sync-helpers';

/*
 * Sync between two Chromium profiles with the test build of the extension, through one real WebDAV
 * server (nginx with dav-ext, started for this file) behind the fault-injecting proxy. The test
 * build grants optional hosts up front: the options page's set-up runs the same code as for a user
 * who allowed the host.
 */

const HF_URL = 'https://huggingface.co/papers?date=2024-08-01';
const HF_PAGE = readSharedPage('hf_daily_2024-08-01.html');
const LLAMA = 'arxiv:2407.21783';
const TORA = 'arxiv:2407.21705';
const MOMA = 'arxiv:2407.21770';

let server: DavServer;
let proxy: FaultProxy;
let folders = 0;

beforeAll(async () => {
  server = await startServer('nginx');
  proxy = await startFaultProxy(server.url);
}, 30_000);
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

const network = (url: string) => url.startsWith(proxy.url);
const newFolder = (): SyncTarget => ({ url: `${proxy.url}e2e-${++folders}/Shelfmark/`, username: server.username, password: server.password });

/** Two profiles of the test build (A serves the Hugging Face listing) for the tests of one describe block. */
function useTwoProfiles(): { a: Browser; b: Browser } {
  const profiles = {} as { a: Browser; b: Browser };
  beforeAll(async () => {
    [profiles.a, profiles.b] = await Promise.all([launch({ build: 'test', network, pages: { [HF_URL]: HF_PAGE } }), launch({ build: 'test', network })]);
  });
  afterAll(async () => {
    await profiles.a?.close();
    await profiles.b?.close();
  });
  return profiles;
}

describe('sync between two profiles', () => {
  const profiles = useTwoProfiles();

  it('set up on the options page; a star, read, queue move and note on A appear on B', async () => {
    const { a, b } = profiles;
    const target = newFolder();
    for (const [browser, name] of [[a, 'Laptop'], [b, 'Desktop']] as const) {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByLabel('Folder address').fill(target.url);
      await options.getByLabel('User name').fill(target.username);
      await options.getByLabel('App password').fill(target.password);
      await options.getByLabel('This device’s name').fill(name);
      await options.getByRole('button', { name: 'Turn on sync' }).click();
      await expect.poll(() => options.getByText(/^Last synced just now\./).count(), { timeout: 20_000 }).toBe(1);
      await options.close();
    }

    const page = await a.open(HF_URL, 13);
    await control(page, LLAMA, 'Star').click();
    await control(page, TORA, 'Mark read').click();
    await control(page, LLAMA, 'Add to queue').click();
    await control(page, MOMA, 'Add to queue').click();
    await control(page, LLAMA, 'Note').click();
    await noteEditor(page, LLAMA).fill('Section 4 first.');
    await page.locator('h1').first().click();
    await expect.poll(() => pressed(page, MOMA, 'Add to queue')).toBe('true');
    // The queue move, in A's popup: MoMa to the top.
    const popup = await a.openPopup();
    await expect.poll(() => popup.locator('[data-paper-id]').count()).toBe(2);
    await popup.locator(`[data-paper-id="${MOMA}"]`).focus();
    await popup.keyboard.press('t');
    await expect.poll(async () => (await papers(a))[MOMA]?.queuePos! < (await papers(a))[LLAMA]?.queuePos!).toBe(true);
    await expect.poll(async () => (await papers(a))[LLAMA]?.note).toBe('Section 4 first.');

    await syncNow(a);
    await syncNow(b);
    const onB = await userState(b);
    expect(onB).toEqual(await userState(a));
    expect(onB[LLAMA]).toMatchObject({ starred: true, note: 'Section 4 first.' });
    expect(onB[TORA]).toMatchObject({ read: true });
    expect(onB[MOMA]!.queuePos!).toBeLessThan(onB[LLAMA]!.queuePos!);

    // B's options page lists both devices; B's popup says when it synced.
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await expect.poll(() => options.locator('.sync-devices li').allTextContents()).toEqual([expect.stringMatching(/^Desktopthis device/), expect.stringMatching(/^Laptopchanges sent /)]);
    const popupB = await b.openPopup();
    await expect.poll(() => popupB.locator('.sync-note').textContent()).toMatch(/^Synced just now\./);
  });
});

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const paperId = (n: number) => `arxiv:2405.${String(n).padStart(5, '0')}`;

/** `count` generated edits on overlapping papers: stars, reads, queue, notes, removals and edits after removals. */
function generatedEdits(seed: number, device: string, count: number, start: number, library: number) {
  const next = random(seed);
  const edits: { kind: 'act'; id: string; action: unknown; now: number }[] = [];
  const removals: { index: number; id: string }[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(next() * library);
    const now = start + i * 20;
    const roll = next();
    if (roll < 0.03) {
      removals.push({ index: edits.length, id: paperId(n) });
      continue;
    }
    const action =
      roll < 0.3 ? { kind: 'star', value: next() < 0.6 }
      : roll < 0.5 ? { kind: 'read', value: next() < 0.5 }
      : roll < 0.7 ? { kind: 'queue', value: next() < 0.6 }
      : { kind: 'note', text: `${device}'s note ${i} on paper ${n}` };
    edits.push({ kind: 'act', id: paperId(n), action, now });
  }
  return { edits, removals };
}

describe('sync after both profiles were offline', () => {
  const profiles = useTwoProfiles();

  it('500 edits each on overlapping papers, removals and edits after them: equal after two cycles, overwritten notes kept, no paper gone without a tombstone', async () => {
    const { a, b } = profiles;
    const target = newFolder();
    await configureSync(a, target, 'A');
    await configureSync(b, target, 'B');
    const t0 = Date.now() - 60 * 60_000;
    // A shared library of 150 papers, starred on A.
    await act(a, Array.from({ length: 150 }, (_, i) => ({ id: paperId(i + 1), title: `Generated paper ${i + 1}`, action: { kind: 'star', value: true }, now: t0 + i })));
    await syncNow(a);
    await syncNow(b);
    expect(Object.keys(await userState(b))).toHaveLength(150);

    await a.context.setOffline(true);
    await b.context.setOffline(true);
    expect((await syncNow(a)).error).toMatch(/^Could not reach the server/);

    for (const [browser, name, seed, offset] of [[a, 'A', 11, 0], [b, 'B', 22, 10]] as const) {
      const { edits, removals } = generatedEdits(seed, name, 500, t0 + 10_000 + offset, 180);
      // Papers 151–180 are new: acting on them by their card creates them.
      const withTitles = edits.map((edit) => ({ ...edit, title: `Generated paper ${edit.id.slice(-3)}` }));
      let done = 0;
      for (const removal of removals) {
        await act(browser, withTitles.slice(done, removal.index));
        await remove(browser, [removal.id]);
        done = removal.index;
      }
      await act(browser, withTitles.slice(done));
    }
    const before = { a: await userState(a), b: await userState(b) };

    await a.context.setOffline(false);
    await b.context.setOffline(false);
    for (let round = 0; round < 2; round++) {
      for (const browser of [a, b]) expect((await syncNow(browser)).error).toBeUndefined();
    }
    const after = await userState(a);
    expect(await userState(b)).toEqual(after);

    // Every note a profile had that is not the final one (on a paper still in the library) is kept on
    // that paper, on both profiles, as a conflict copy.
    const keptOn = async (browser: Browser) =>
      new Set((await read(browser)).papers.flatMap((paper) => (paper.keptNotes ?? []).map((note) => `${paper.id}\n${note.text}`)));
    const kept = { a: await keptOn(a), b: await keptOn(b) };
    expect(kept.b).toEqual(kept.a);
    for (const mine of [before.a, before.b]) {
      const overwritten = Object.entries(mine).filter(([id, state]) => state.note !== '' && after[id] && after[id]!.note !== state.note);
      expect(overwritten.length).toBeGreaterThan(0);
      for (const [id, state] of overwritten) expect(kept.a, `${id}: ${state.note}`).toContain(`${id}\n${state.note}`);
    }
    // No paper gone without a tombstone, on either profile.
    const gone = [...new Set([...Object.keys(before.a), ...Object.keys(before.b)])].filter((id) => !after[id]).sort();
    expect(gone.length).toBeGreaterThan(0);
    for (const browser of [a, b]) expect((await read(browser)).tombstones.map((row) => row.id)).toEqual(expect.arrayContaining(gone));
    expect((await read(a)).status.error).toBeUndefined();
  });
});

describe('sync: clocks, crashes and faults', () => {
  const profiles = useTwoProfiles();

  it('B’s clock is 10 minutes behind: B’s later edit wins on both', async () => {
    const { a, b } = profiles;
    const target = newFolder();
    await configureSync(a, target, 'A');
    await configureSync(b, target, 'B', { clockOffsetMs: -10 * 60_000 });
    await act(a, [{ id: LLAMA, title: 'The Llama 3 Herd of Models', action: { kind: 'note', text: 'A wrote this first' } }]);
    await syncNow(a);
    await syncNow(b);
    expect((await papers(b))[LLAMA]!.note).toBe('A wrote this first');
    // B, whose clock says ten minutes earlier, edits after seeing A's note.
    await act(b, [{ id: LLAMA, action: { kind: 'note', text: 'B wrote this later' } }]);
    await syncNow(b);
    await syncNow(a);
    expect((await papers(a))[LLAMA]!.note).toBe('B wrote this later');
    expect((await papers(b))[LLAMA]!.note).toBe('B wrote this later');
    expect((await papers(a))[LLAMA]!.keptNotes).toBeUndefined();
    await configureSync(b, target, 'B', { clockOffsetMs: 0 });
  });

  it('the worker killed between a batch upload and the device file, and between download and apply: no duplicate, no missing change', async () => {
    const { a, b } = profiles;
    const target = newFolder();
    await configureSync(a, target, 'A');
    await configureSync(b, target, 'B');
    await syncNow(a);
    await syncNow(b);

    await act(a, [{ id: TORA, title: 'ToRA', action: { kind: 'queue', value: true } }]);
    await killAt(a, 'afterUpload');
    await syncNow(b);
    expect((await papers(b))[TORA]).toBeUndefined(); // the device file never named the batch
    await act(a, [{ id: MOMA, title: 'MoMa', action: { kind: 'star', value: true } }]);
    await syncNow(a); // a fresh worker: the batch is written again, with the later change
    await killAt(b, 'beforeApply');
    expect((await papers(b))[TORA]).toBeUndefined(); // downloaded, never applied
    await syncNow(b);
    const onB = await papers(b);
    expect(onB[TORA]?.queuePos).toBeDefined();
    expect(onB[MOMA]?.starredAt).toBeDefined();
    expect(await userState(b)).toEqual(await userState(a));
    // One batch per push in A's folder: the batch interrupted was rewritten, not doubled.
    const logs = proxy.requests.filter((request) => request.method === 'PUT' && /\/log\/\d+\.json$/.test(request.path) && request.path.startsWith(new URL(target.url).pathname));
    expect(new Set(logs.map((request) => request.path)).size).toBe(1);
    expect((await read(a)).outbox).toBe(0);
  });

  it.each([
    ['401', { kind: 'status', status: 401 } as const, /refused the user name or password/],
    ['500', { kind: 'status', status: 500 } as const, /had a problem \(500\)/],
    ['507', { kind: 'status', status: 507 } as const, /no room left/],
    ['a cut-off download', { kind: 'truncate-response' } as const, /did not arrive whole/],
    ['a refused connection', { kind: 'refuse' } as const, /Could not reach the server/],
  ])('%s leaves the local database unchanged and is retried with backoff', async (name, fault, message) => {
    const { a, b } = profiles;
    const target = newFolder();
    await configureSync(a, target, 'A');
    await configureSync(b, target, 'B');
    await syncNow(a);
    await syncNow(b);
    await act(a, [{ id: LLAMA, title: 'The Llama 3 Herd of Models', action: { kind: 'note', text: `Written before ${name}` } }]);
    await syncNow(a);
    const before = await papers(b);
    const path = new URL(target.url).pathname;
    proxy.add({ method: 'GET', path: new RegExp(`^${path}devices/[a-z0-9]+/(log|snap)/`), fault, times: Infinity });
    const sent = proxy.requests.length;
    const failed = await syncNow(b);
    expect(failed.error).toMatch(message);
    expect(failed.failures).toBe(1);
    expect(await papers(b)).toEqual(before);
    const attempts = proxy.requests.slice(sent).filter((request) => request.fault).length;
    // Passing faults are tried again within the cycle, four times with growing waits (Chromium itself may
    // retry a reset connection once more); the others wait for the next cycle.
    if (fault.kind === 'status' && fault.status !== 500) expect(attempts).toBe(1);
    else expect(attempts).toBeGreaterThanOrEqual(4);
    proxy.clear();
    const recovered = await syncNow(b);
    expect(recovered.error).toBeUndefined();
    expect(recovered.failures).toBe(0);
    expect((await papers(b))[LLAMA]?.note).toBe(`Written before ${name}`);
  });
});

describe('sync off', () => {
  it('makes no network request while a listing is annotated and acted on, the popup used and a file exported', async () => {
    // The shipped build, sync never turned on.
    const browser = await launch({ pages: { [HF_URL]: HF_PAGE } });
    try {
      const outgoing: string[] = [];
      browser.context.on('request', (request) => {
        const url = request.url();
        const fromExtension = request.serviceWorker() !== null || request.frame()?.url().startsWith('chrome-extension://');
        if (fromExtension && !/^(chrome-extension|blob|data):/.test(url)) outgoing.push(url);
      });
      const page = await browser.open(HF_URL, 13);
      await control(page, LLAMA, 'Star').click();
      await control(page, TORA, 'Add to queue').click();
      await expect.poll(() => pressed(page, TORA, 'Add to queue')).toBe('true');
      const popup = await browser.openPopup();
      await expect.poll(() => popup.locator('[data-paper-id]').count()).toBe(1);
      await popup.keyboard.press('s');
      await popup.getByRole('button', { name: 'Export' }).click();
      const form = popup.getByRole('form', { name: 'Export papers' });
      await form.getByLabel('Format').selectOption('bibtex');
      const [file] = await Promise.all([popup.waitForEvent('download'), form.getByRole('button', { name: 'Download' }).click()]);
      expect(file.suggestedFilename()).toMatch(/\.bib$/);
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await expect.poll(() => options.getByRole('button', { name: 'Turn on sync' }).count()).toBe(1);
      await page.waitForTimeout(4_000); // past the delay of a sync after an edit
      expect(outgoing).toEqual([]);
      expect(await popup.locator('.sync-note').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
