import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '../../lib/export/backup';
import { control, launch, readSharedPage, type Browser } from './harness';

const DAILY_URL = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = 'arxiv:2407.21783';
const TORA = 'arxiv:2407.21705';
const NERF = 'arxiv:2404.01300';
const pages = { [DAILY_URL]: readSharedPage('hf_daily_2024-08-01.html') };
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const SCREENSHOTS = process.env.SHELFMARK_SCREENSHOTS; // a folder to save screenshots in, when set

function openOptions(browser: Browser): Promise<Page> {
  return browser.context.newPage().then(async (page) => {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return page;
  });
}

async function content(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

/** Clicks `Download` in an export form and returns the file the browser saved. */
async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file;
}

async function press(page: Page, id: string, name: string) {
  const button = control(page, id, name);
  await button.click();
  await expect.poll(() => button.pressed()).toBe('true');
}

describe('export and import in the built extension', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'shelfmark-export-'));
  const backupPath = join(workDir, 'backup.json');
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('exports from the popup and from the options page, and copies one paper as BibTeX', async () => {
    const browser = await launch({ pages });
    try {
      const listing = await browser.open(DAILY_URL, 13);
      await press(listing, LLAMA, 'Star');
      await press(listing, LLAMA, 'Add to queue');
      await press(listing, TORA, 'Star');
      await press(listing, NERF, 'Mark read');

      // Popup: Export → starred papers as BibTeX.
      const popup = await browser.openPopup();
      await popup.getByRole('button', { name: 'Export' }).click();
      const form = popup.getByRole('form', { name: 'Export papers' });
      await expect.poll(() => form.getByLabel('Papers').locator('option[value="starred"]').textContent()).toBe('Starred papers (2)');
      await form.getByLabel('Papers').selectOption('starred');
      await form.getByLabel('Format').selectOption('bibtex');
      if (SCREENSHOTS) await popup.screenshot({ path: join(SCREENSHOTS, 'popup-export.png') });
      const bib = await download(popup, () => form.getByRole('button', { name: 'Download' }).click());
      expect(bib.suggestedFilename()).toMatch(new RegExp(`^shelfmark-starred-${DATE}\\.bib$`));
      const library = parseBibtex(await content(bib), { english: false });
      expect(library.errors).toEqual([]);
      // Most recently starred first. Keys are <first author><year><title word>; the first author is
      // whatever the adapter read off the card ("anon" when the card shows none).
      expect(library.entries.map((entry) => [entry.key, entry.fields.eprint, entry.fields.title, entry.fields.doi])).toEqual([
        [expect.stringMatching(/^[a-z]+2024tora$/), '2407.21705', 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation', '10.48550/arXiv.2407.21705'],
        [expect.stringMatching(/^[a-z]+2024llama$/), '2407.21783', 'The Llama 3 Herd of Models', '10.48550/arXiv.2407.21783'],
      ]);
      await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Saved shelfmark-starred-.*\.bib \(2 papers\)\.$/);
      // Keyboard: Escape closes the form and gives focus back to its button.
      await popup.keyboard.press('Escape');
      await expect.poll(() => form.count()).toBe(0);
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Export');

      // The popup opens the options page.
      const [options] = await Promise.all([
        browser.context.waitForEvent('page'),
        popup.getByRole('button', { name: 'Library', exact: true }).click(),
      ]);
      await options.waitForLoadState();
      expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);

      // Options page: the library, filtered; the filter is the "Current search".
      await expect.poll(() => options.locator('.library-row').count()).toBe(3);
      await options.getByRole('searchbox', { name: 'Filter the library' }).fill('llama herd');
      await expect.poll(() => options.locator('.library-count').textContent()).toBe('1 of 3 papers match');
      const exportForm = options.getByRole('form', { name: 'Export papers' });
      await exportForm.getByLabel('Papers').selectOption('search');
      await exportForm.getByLabel('Format').selectOption('markdown');
      const md = await download(options, () => exportForm.getByRole('button', { name: 'Download' }).click());
      expect(md.suggestedFilename()).toMatch(new RegExp(`^shelfmark-search-${DATE}\\.md$`));
      const markdown = await content(md);
      expect(markdown).toContain('## [The Llama 3 Herd of Models](https://arxiv.org/abs/2407.21783)\n');
      expect(markdown).toContain('- **State:** starred · unread · in reading queue\n');
      expect(markdown).not.toContain('2407.21705'); // Tora, filtered out

      // Copy one paper's BibTeX from its row.
      // (Chromium refuses a grant for the extension's origin alone; a grant for all origins reaches it.)
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const row = options.locator('.library-row', { hasText: 'The Llama 3 Herd of Models' });
      await row.getByRole('button', { name: 'Copy BibTeX' }).click();
      await expect.poll(() => options.locator('.library-status').textContent()).toBe('Copied the BibTeX entry.');
      const copied = await options.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^@misc\{[a-z]+2024llama,\n {2}title = \{\{The Llama 3 Herd of Models\}\},\n/);
      expect(copied.split('\n')[0]).toBe(`@misc{${library.entries[1]!.key},`); // the same key as in the exported file
      await row.getByRole('button', { name: 'Copy Markdown link' }).click();
      await expect.poll(() => options.evaluate(() => navigator.clipboard.readText())).toBe(
        '[The Llama 3 Herd of Models](https://arxiv.org/abs/2407.21783)',
      );

      // Everything as a JSON backup, and as CSV.
      await options.getByRole('searchbox', { name: 'Filter the library' }).fill('');
      await expect.poll(() => exportForm.getByLabel('Papers').locator('option[value="search"]').count()).toBe(0);
      await exportForm.getByLabel('Papers').selectOption('all');
      await exportForm.getByLabel('Format').selectOption('json');
      if (SCREENSHOTS) await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
      const json = await download(options, () => exportForm.getByRole('button', { name: 'Download' }).click());
      expect(json.suggestedFilename()).toMatch(new RegExp(`^shelfmark-all-${DATE}\\.json$`));
      await json.saveAs(backupPath);
      const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
      expect(backup).toMatchObject({ format: 'shelfmark-backup', version: BACKUP_VERSION });
      expect(Object.fromEntries(backup.papers.map((p: { id: string }) => [p.id, p]))).toMatchObject({
        [LLAMA]: { starredAt: expect.any(Number), queuePos: 1, changedAt: { star: expect.any(Number), queue: expect.any(Number) } },
        [TORA]: { starredAt: expect.any(Number) },
        [NERF]: { readAt: expect.any(Number) },
      });

      await exportForm.getByLabel('Format').selectOption('csv');
      const csv = await content(await download(options, () => exportForm.getByRole('button', { name: 'Download' }).click()));
      expect(csv.startsWith('\uFEFFid,arxiv_id,doi,other_ids,title,')).toBe(true);
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    } finally {
      await browser.close();
    }
  });

  it('imports a backup through the options page: refuses a hostile file, previews, and restores the state on a listing page', async () => {
    const browser = await launch({ pages });
    try {
      const listing = await browser.open(DAILY_URL, 13);
      await expect.poll(() => control(listing, LLAMA, 'Star').pressed()).toBe('false');
      const options = await openOptions(browser);
      const fileInput = options.getByLabel(/^Backup file/);

      // A hostile file: refused with a clear message, nothing changes.
      await fileInput.setInputFiles({
        name: 'evil.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"shelfmark-backup","version":1,"__proto__":{"polluted":true},"papers":[]}'),
      });
      await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/^This file contains the key "__proto__"/);

      // A backup with one broken paper: the preview says what and where.
      type StoredPaper = { id: string; changedAt: Record<string, number> };
      const good = JSON.parse(readFileSync(backupPath, 'utf8')) as { papers: StoredPaper[] };
      const withNote = {
        ...good,
        papers: [
          ...good.papers.map((p) =>
            p.id === LLAMA ? { ...p, note: 'Read §3: 50% & more', noteUpdatedAt: 1, changedAt: { ...p.changedAt, note: 1 } } : p,
          ),
          { ...good.papers[0], id: 'arxiv:2407.21783v2' },
        ],
      };
      await fileInput.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withNote)) });
      const confirm = options.getByRole('group', { name: 'Import backup.json' });
      await expect.poll(() => confirm.locator('.import-counts').innerText()).toMatch(/New\s+3\s+Updated\s+0\s+Unchanged\s+0\s+Rejected\s+1/);
      expect(await confirm.locator('.import-rejected li').allTextContents()).toEqual(['papers[3].id: not a canonical paper id']);
      expect(await options.locator('.library-row').count()).toBe(0); // the preview changed nothing
      if (SCREENSHOTS) await options.screenshot({ path: join(SCREENSHOTS, 'options-import-preview.png'), fullPage: true });

      await confirm.getByRole('button', { name: 'Import' }).click();
      await expect.poll(() => options.locator('.import-done').textContent()).toBe(
        'Imported backup.json: 3 new papers, 0 updated papers, 0 unchanged, 1 rejected.',
      );
      await expect.poll(() => options.locator('.library-row').count()).toBe(3);
      expect(await options.locator('.library-row', { hasText: 'The Llama 3 Herd of Models' }).locator('.library-note').textContent()).toBe(
        'Read §3: 50% & more',
      );

      // The listing page that was open all along shows the restored state, and keeps it after a reload.
      const expected = { [LLAMA]: ['Star', 'Add to queue'], [TORA]: ['Star'], [NERF]: ['Mark read'] };
      for (const [id, names] of Object.entries(expected)) {
        for (const name of names) await expect.poll(() => control(listing, id, name).pressed()).toBe('true');
      }
      await expect.poll(() => control(listing, NERF, 'Star').pressed()).toBe('false');
      await listing.reload();
      for (const [id, names] of Object.entries(expected)) {
        for (const name of names) await expect.poll(() => control(listing, id, name).pressed()).toBe('true');
      }
    } finally {
      await browser.close();
    }
  });
});
