import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, launch, noteEditor, pressed, readSharedPage, type Browser } from './harness';
import { startFaultProxy, type FaultProxy } from '../servers/fault-proxy';
import { startServer, type DavServer } from '../servers/webdav-servers';
import { act, configureSync, conflicts, killAt, papers, remove, status, syncNow, tombstones, userState, worker, type SyncTarget } from './sync-helpers';

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

async function twoProfiles(): Promise<[Browser, Browser]> {
  return Promise.all([launch({ build: 'test', network, pages: { [HF_URL]: HF_PAGE } }), launch({ build: 'test', network })]);
}

describe('sync between two profiles', () => {
  let a: Browser;
  let b: Browser;
  beforeAll(async () => {
    [a, b] = await twoProfiles();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('set up on the options page; a star, read, queue move and note on A appear on B', async () => {
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
