import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../lib/store/db';
import { control, launch, pressed, readSharedPage, type Browser } from './harness';

/*
 * Snapshots in Chromium with the built extension: the weekly one taken by the background's alarm,
 * restored from the options page (with its confirmation), and the one kept before a schema upgrade.
 */

const DAILY_URL = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = 'arxiv:2407.21783';
const TORA = 'arxiv:2407.21705';

declare const chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } };

async function openOptions(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

/** Fires the background's snapshot alarm now, as Chrome does once a day. */
async function fireSnapshotAlarm(browser: Browser): Promise<void> {
  const worker = await browser.background();
  await worker.evaluate(() => chrome.alarms.create('shelfmark-weekly-snapshot', { when: Date.now() }));
}

describe('snapshots', () => {
  it('the weekly snapshot is restored from the options page, after a confirmation, and the restore can be undone', async () => {
    const browser = await launch({ pages: { [DAILY_URL]: readSharedPage('hf_daily_2024-08-01.html') } });
    try {
      const listing = await browser.open(DAILY_URL, 13);
      await control(listing, LLAMA, 'Star').click();
      await control(listing, LLAMA, 'Add to queue').click();
      await control(listing, TORA, 'Mark read').click();
      await expect.poll(() => pressed(listing, TORA, 'Mark read')).toBe('true');

      const options = await openOptions(browser);
      await fireSnapshotAlarm(browser);
      const rows = options.locator('.snapshot-row');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
      expect(await rows.first().locator('.snapshot-meta').textContent()).toBe('Weekly · 2 papers');

      // A slip: the star and the queue are gone, another paper starred.
      await control(listing, LLAMA, 'Star').click();
      await control(listing, LLAMA, 'Add to queue').click();
      await control(listing, TORA, 'Star').click();
      await expect.poll(() => pressed(listing, TORA, 'Star')).toBe('true');

      // Restore: a confirmation first, with the focus on Cancel; Escape leaves everything as it is.
      await rows.first().getByRole('button', { name: /^Restore the snapshot of .* \(Weekly, 2 papers\)$/ }).click();
      const confirm = options.getByRole('group', { name: /^Replace your library \(2 papers now\) with this snapshot/ });
      await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
      await options.keyboard.press('Escape');
      await expect.poll(() => confirm.count()).toBe(0);
      expect(await pressed(listing, LLAMA, 'Star')).toBe('false');

      await rows.first().getByRole('button', { name: /^Restore the snapshot/ }).click();
      await confirm.getByRole('button', { name: 'Replace my library' }).click();
      await expect.poll(() => options.getByRole('status').filter({ hasText: 'Restored' }).textContent()).toMatch(
        /^Restored the snapshot of .*: 2 papers\. Your library as it was is kept as “Before a restore”, /,
      );
      // The listing that was open all along shows the restored states.
      await expect.poll(() => pressed(listing, LLAMA, 'Star')).toBe('true');
      await expect.poll(() => pressed(listing, LLAMA, 'Add to queue')).toBe('true');
      await expect.poll(() => pressed(listing, TORA, 'Star')).toBe('false');
      expect(await pressed(listing, TORA, 'Mark read')).toBe('true');

      // Nothing was lost: the library as it was before the restore is a snapshot, and restores too.
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.first().locator('.snapshot-meta').textContent()).toBe('Before a restore · 2 papers');
      await rows.first().getByRole('button', { name: /^Restore the snapshot/ }).click();
      await options.getByRole('button', { name: 'Replace my library' }).click();
      await expect.poll(() => pressed(listing, TORA, 'Star')).toBe('true');
      await expect.poll(() => pressed(listing, LLAMA, 'Star')).toBe('false');
    } finally {
      await browser.close();
    }
  });

  it('a library of an earlier schema version is kept as a snapshot before it is upgraded', async () => {
    const browser = await launch();
    try {
      // Written from a page of the extension that opens no database (the icon), with the background
      // stopped: an open options page or a running background would open it again, at the current
      // version, as soon as it is deleted. The background starts again on the options page's first
      // message, as after an update: it finds the old version and keeps a snapshot before upgrading.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/icons/16.png`);
      const session = await browser.context.newCDPSession(options);
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      const v1 = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/db/v1.json'), 'utf8')) as { papers: unknown[] };
      const stores = SCHEMA_VERSIONS[0]!.stores.papers!;
      // The database as version 1 of Shelfmark left it (Dexie keeps version n as IndexedDB version n × 10).
      // The background may still open it between the deletion and this open: then both are done again.
      await options.evaluate(
        async ({ papers, stores }) => {
          for (let attempt = 1; ; attempt++) {
            await new Promise<void>((done, fail) => {
              const request = indexedDB.deleteDatabase('shelfmark');
              request.onsuccess = () => done();
              request.onerror = () => fail(request.error);
            });
            const opened = await new Promise<boolean>((done, fail) => {
              const request = indexedDB.open('shelfmark', 10);
              request.onupgradeneeded = () => {
                const [key, ...indexes] = stores.split(',').map((part) => part.trim());
                const store = request.result.createObjectStore('papers', { keyPath: key });
                for (const index of indexes) {
                  const multi = index.startsWith('*');
                  const name = index.replace(/^\*/, '');
                  store.createIndex(name, name, { multiEntry: multi });
                }
                for (const paper of papers) store.put(paper);
              };
              request.onsuccess = () => {
                request.result.close();
                done(true);
              };
              request.onerror = () => (request.error?.name === 'VersionError' && attempt < 20 ? done(false) : fail(request.error));
            });
            if (opened) return;
          }
        },
        { papers: v1.papers, stores },
      );
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const rows = options.locator('.snapshot-row');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().locator('.snapshot-meta').textContent()).toBe(`Before an upgrade · ${v1.papers.length} papers`);
      // The upgraded library is listed, its hostile title cleaned.
      await expect.poll(() => options.locator('.library-row').count()).toBe(v1.papers.length);
      expect(await options.locator('.library-row[data-paper-id="arxiv:2402.01234"] .library-title').textContent()).toBe(
        'Invoice gnp.exe and zerowidth tricks',
      );
      expect(await options.locator('.storage-status').textContent()).toMatch(/^Storage: /);
    } finally {
      await browser.close();
    }
  });
});
