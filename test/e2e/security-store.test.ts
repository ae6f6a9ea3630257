import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPS } from '../../lib/limits';
import { control, launch, readSharedPage, type Browser } from './harness';

/*
 * Security of the background and the store (issue 9: audit rows 4, 5 and 7, and row 13 that held),
 * in Chromium with the built extension and the real pages served at their real URLs. Each attack
 * goes through the route an attacker has:
 * - the page's own scripts (the site's, or a third party's on it) can rewrite the DOM: invent cards,
 *   change titles and links. They cannot send Shelfmark's runtime messages. Reproduced with
 *   page.evaluate, then the user's click with trusted input at the control (control(), Playwright's
 *   mouse).
 * - a content script that misbehaves (a bug; one day a compromised one) could send the background
 *   anything. No test can run code in the content script's world, so crafted messages are sent from
 *   an extension page (chrome.runtime.sendMessage in options.html), which reaches the same handler;
 *   the checks that depend on the sender being a tab (where a paper was seen, pacing, who may
 *   announce changes) are pinned by test/unit/messages.test.ts.
 * - a file the user imports, through the options page.
 */

const HF_PAPER_URL = 'https://huggingface.co/papers/2509.24002';
const HF_PAPER = 'arxiv:2509.24002';
const HF_DAILY_URL = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = 'arxiv:2407.21783';
const TORA = 'arxiv:2407.21705';
const ARXIV_URL = 'https://arxiv.org/list/cs.CL/recent';
const ARXIV_FIRST = 'arxiv:2607.22529';

interface StoredRecord {
  id: string;
  title: string;
  authors: string[];
  authorCount?: number;
  abstract?: string;
  links: Record<string, string>;
  seen?: { site: string; url: string; at: number };
  starredAt?: number;
  note: string;
  words: string[];
}

/** Every stored paper, read from IndexedDB in the background service worker, as the extension sees it. */
async function records(browser: Browser): Promise<Record<string, StoredRecord>> {
  const worker = await browser.background();
  const list = await worker.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const open = indexedDB.open('shelfmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('papers')) return resolve([]);
          const all = db.transaction('papers').objectStore('papers').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as StoredRecord[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
  return Object.fromEntries(list.map((record) => [record.id, record]));
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Sends `message` to the background from an extension page (see the routes above) and returns the answer. */
async function sendFromExtension(page: Page, message: unknown): Promise<{ ok: boolean; code?: string; error?: string; data?: unknown }> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; code?: string; error?: string }>;
}

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

describe('security of the store, in Chromium', () => {
  let browser: Browser;
  let options: Page;

  beforeAll(async () => {
    browser = await launch({
      pages: {
        [HF_PAPER_URL]: readSharedPage('hf_paper_2509.24002_bs4-prettified.html'),
        [HF_DAILY_URL]: readSharedPage('hf_daily_2024-08-01.html'),
        [ARXIV_URL]: readSharedPage('arxiv_list_cs.CL_recent_2026-07.html'),
      },
    });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('row 4: a page’s off-site links never become the paper’s links; where it was seen is the tab', async () => {
    const page = await browser.open(HF_PAPER_URL, 1);
    // The page points the paper's arXiv links elsewhere (the adapter reads them by `arxiv.org/abs/`).
    await page.evaluate(() => {
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href*="arxiv.org/abs/"]')) link.href = 'https://arxiv.org.evil.example/abs/2509.24002';
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href*="arxiv.org/pdf/"]')) link.href = 'https://evil.example/?arxiv.org/pdf/2509.24002';
    });
    await control(page, HF_PAPER, 'Star').click();
    await expect.poll(async () => (await records(browser))[HF_PAPER]?.starredAt).toBeDefined();
    const stored = (await records(browser))[HF_PAPER]!;
    for (const url of Object.values(stored.links)) expect(new URL(url).hostname).toMatch(/^(arxiv\.org|huggingface\.co)$/);
    expect(stored.seen).toMatchObject({ site: 'huggingface', url: HF_PAPER_URL });

    // The popup opens the paper's real abstract.
    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: /Starred/ }).click();
    const row = popup.locator(`#paper-list li[data-paper-id="${HF_PAPER}"]`);
    await expect.poll(() => row.getByRole('link', { name: 'arXiv abstract' }).getAttribute('href')).toBe('https://arxiv.org/abs/2509.24002');
    await popup.close();
    await page.close();
  });

  it('row 4: a message’s claims of where it was seen and of off-site links are not stored', async () => {
    const answer = await sendFromExtension(options, {
      type: 'act',
      paper: {
        id: 'arxiv:2401.00007',
        title: 'Claims',
        links: { abs: 'https://evil.example/abs/2401.00007', pdf: 'https://arxiv.org/pdf/2401.00007v2' },
      },
      action: { kind: 'star', value: true },
      seen: { site: 'arxiv', url: 'https://evil.example/phishing' },
    });
    expect(answer).toMatchObject({ ok: true });
    const stored = (await records(browser))['arxiv:2401.00007']!;
    expect(stored.links).toEqual({ pdf: 'https://arxiv.org/pdf/2401.00007v2' });
    expect(stored.seen).toBeUndefined(); // an extension page is no page the paper was seen on
  });

  it('row 5: a card at the size limits is saved when clicked, clipped to a small record; the page keeps working', async () => {
    const page = await browser.open(ARXIV_URL);
    await expect.poll(() => page.locator('[data-shelfmark-id]').count()).toBeGreaterThan(10);
    const invented = 'arxiv:2607.22999';
    await page.evaluate(() => {
      const huge = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');
      const list = document.querySelector('dl#articles')!;
      const dt = document.createElement('dt');
      dt.innerHTML = `<a href="/abs/2607.22999" title="Abstract" id="2607.22999">arXiv:2607.22999</a>
        [<a href="/pdf/2607.22999" title="Download PDF">pdf</a>, <a href="https://evil.example/html/2607.22999v1" title="View HTML">html</a>]`;
      const dd = document.createElement('dd');
      const meta = document.createElement('div');
      meta.className = 'meta';
      const title = document.createElement('div');
      title.className = 'list-title mathjax';
      title.textContent = huge(150_000, 'Title'); // about 1.5 MB of text
      const authors = document.createElement('div');
      authors.className = 'list-authors';
      for (let i = 0; i < 5_000; i++) {
        const author = document.createElement('a');
        author.textContent = `Author ${i} ${'x'.repeat(300)}`;
        authors.append(author, ', ');
      }
      const abstract = document.createElement('p');
      abstract.className = 'mathjax';
      abstract.textContent = huge(200_000, 'abstract');
      meta.append(title, authors, abstract);
      dd.append(meta);
      list.prepend(dt, dd);
    });
    await control(page, invented, 'Star').click();
    await expect.poll(async () => (await records(browser))[invented]?.starredAt).toBeDefined();
    const stored = (await records(browser))[invented]!;
    expect(stored.title).toHaveLength(CAPS.title);
    expect(stored.authors).toHaveLength(CAPS.authors);
    expect(stored.authorCount).toBe(5_000);
    expect(stored.words.length).toBeLessThanOrEqual(CAPS.words);
    expect(stored.links.html).toBeUndefined();
    expect(new TextEncoder().encode(JSON.stringify(stored)).length).toBeLessThan(100 * 1024);

    // Every other card still works.
    await control(page, ARXIV_FIRST, 'Add to queue').click();
    await expect.poll(async () => (await records(browser))[ARXIV_FIRST]?.title).toBe(
      'Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills',
    );
    await page.close();
  });

  it('row 5: a message far over the limits is refused and stores nothing; one over the caps is clipped, not refused', async () => {
    const id = 'arxiv:2401.00008';
    const far = await sendFromExtension(options, {
      type: 'act',
      paper: { id, title: 'x'.repeat(3_000_000), authors: Array.from({ length: 500_003 }, (_, i) => `A${i}`) },
      action: { kind: 'star', value: true },
    });
    expect(far).toMatchObject({ ok: false, code: 'invalid', error: expect.stringMatching(/^Invalid message: the message is larger than any Shelfmark sends/) });
    expect((await records(browser))[id]).toBeUndefined();

    const over = await sendFromExtension(options, {
      type: 'act',
      paper: { id, title: 't'.repeat(50_000), authors: Array.from({ length: 2_000 }, (_, i) => `Author ${i}`), abstract: 'a'.repeat(60_000) },
      action: { kind: 'star', value: true },
    });
    expect(over).toMatchObject({ ok: true, data: { starred: true } });
    const stored = (await records(browser))[id]!;
    expect([stored.title.length, stored.authors.length, stored.authorCount, stored.abstract?.length]).toEqual([CAPS.title, CAPS.authors, 2_000, CAPS.abstract]);
  });

  it('row 7: bidi controls and zero-width characters in a title are stored, shown and listed clean', async () => {
    const page = await browser.open(HF_DAILY_URL, 13);
    await page.evaluate(() => {
      const title = document.querySelector('h3 a[href="/papers/2407.21705"]')!;
      title.textContent = 'Tora\u202E:gnp.exe\u202C Trajectory\u200B-oriented \u2066Diffusion\u2069 Transformer\uFEFF';
    });
    await control(page, TORA, 'Star').click();
    await expect.poll(async () => (await records(browser))[TORA]?.title).toBe('Tora:gnp.exe Trajectory-oriented Diffusion Transformer');
    expect((await records(browser))[TORA]!.authors.some((name) => INVISIBLE.test(name))).toBe(false);

    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: /Starred/ }).click();
    const title = popup.locator(`#paper-list li[data-paper-id="${TORA}"] .paper-title`);
    await expect.poll(() => title.textContent()).toBe('Tora:gnp.exe Trajectory-oriented Diffusion Transformer');
    await popup.close();
    await options.reload();
    const row = options.locator(`.library-row[data-paper-id="${TORA}"] .library-title`);
    await expect.poll(() => row.textContent()).toBe('Tora:gnp.exe Trajectory-oriented Diffusion Transformer');
    await page.close();
  });

  it('row 13 (held): markup in a title reaches the popup and the options page as text', async () => {
    const page = await browser.open(HF_DAILY_URL, 13);
    const payload = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script> Llama';
    await page.evaluate((text) => {
      document.querySelector('h3 a[href="/papers/2407.21783"]')!.textContent = text;
    }, payload);
    await control(page, LLAMA, 'Star').click();
    await expect.poll(async () => (await records(browser))[LLAMA]?.title).toBe(payload);

    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: /Starred/ }).click();
    const title = popup.locator(`#paper-list li[data-paper-id="${LLAMA}"] .paper-title`);
    await expect.poll(() => title.textContent()).toBe(payload);
    expect(await popup.locator('#paper-list img, #paper-list script').count()).toBe(0);
    await options.reload();
    const row = options.locator(`.library-row[data-paper-id="${LLAMA}"] .library-title`);
    await expect.poll(() => row.textContent()).toBe(payload);
    expect(await options.locator('.library-row img, .library-row script').count()).toBe(0);
    expect([await popup.title(), await options.title()]).not.toContain('pwned');
    await popup.close();
    await page.close();
  });

  it('row 13 (held): crafted ids and message shapes are refused and store nothing', async () => {
    const before = Object.keys(await records(browser)).sort();
    const crafted = [
      { type: 'getStates', ids: ['arxiv:2401.00001"]'] },
      { type: 'getStates', ids: ['__proto__'] },
      { type: 'getStates', ids: ['arxiv:2401.00001v2'] },
      { type: 'getStates', ids: [`arxiv:${'1'.repeat(300)}`] },
      { type: 'getStates', ids: Array.from({ length: 501 }, () => LLAMA) },
      { type: 'act', paper: { id: 'arxiv:../../etc/passwd', title: 'x' }, action: { kind: 'star', value: true } },
      { type: 'act', paper: { id: 'arxiv:2401.00009', title: '\u202E\u200B' }, action: { kind: 'star', value: true } },
      { type: 'act', paper: { id: 'arxiv:2401.00009', title: 'x', links: { abs: 'javascript:alert(1)' } }, action: { kind: 'star', value: true } },
      { type: 'act', paper: { id: 'arxiv:2401.00009', title: 'x' }, action: { kind: 'star' } },
      { type: 'deleteEverything' },
    ];
    for (const message of crafted) expect(await sendFromExtension(options, message), JSON.stringify(message).slice(0, 80)).toMatchObject({ ok: false, code: 'invalid' });
    expect(Object.keys(await records(browser)).sort()).toEqual(before);
  });

  it('row 13 (held): a hostile backup is refused; an imported paper is bounded like a card', async () => {
    await options.reload();
    const fileInput = options.getByLabel(/^Backup file/);
    await fileInput.setInputFiles({
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"shelfmark-backup","version":1,"exportedAt":"2024-08-05T12:00:00Z","papers":[{"__proto__":{"polluted":true}}]}'),
    });
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/^This file contains the key "__proto__"/);

    const paper = {
      id: 'arxiv:2401.00010',
      title: 'Imported \u202Eevil\u202C title',
      authors: ['Eve\u200B'],
      links: { abs: 'https://evil.example/abs/2401.00010', huggingface: 'https://huggingface.co/papers/2401.00010' },
      note: 'kept \u202Eexactly\u202C',
      createdAt: 1,
      updatedAt: 1,
      changedAt: { meta: 1 },
    };
    await fileInput.setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'shelfmark-backup', version: 1, exportedAt: '2024-08-05T12:00:00Z', papers: [paper] })),
    });
    const confirm = options.getByRole('group', { name: 'Import backup.json' });
    await confirm.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => options.locator('.import-done').textContent()).toMatch(/^Imported backup\.json: 1 new paper/);
    expect((await records(browser))['arxiv:2401.00010']).toMatchObject({
      title: 'Imported evil title',
      authors: ['Eve'],
      links: { huggingface: 'https://huggingface.co/papers/2401.00010' },
      note: 'kept \u202Eexactly\u202C',
    });
    expect(await options.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
  });
});
