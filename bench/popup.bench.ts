// @vitest-environment node
import { afterAll, beforeAll, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PaperRecord } from '@/lib/store/db';
import { paperWords, queryTokens } from '@/lib/store/search';
import { launch, type Browser } from '../test/e2e/harness';
import { median, report, type Sample } from './stats';

/*
 * The popup with 1k, 10k and 50k papers stored, in real Chromium with the built extension
 * (npm run bench builds it first). The database is seeded in the extension's own origin with raw
 * IndexedDB writes of records shaped as the library writes them (search words included); then:
 * - first rows: a fresh popup page loads, from navigation start to the first rows of the queue
 *   (the popup's `shelfmark:first-rows` performance mark, set after the rows are rendered);
 * - search: a word typed one key at a time, from the input event to its results in the DOM (the
 *   list's `data-results-for` attribute) and the next animation frame;
 * - jump: the All view's scrollbar dragged to the middle, until the rows there are read and drawn.
 * Each figure is a median over runs; ratios compare with the 1k library.
 */

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** Share of the library in each view, roughly as a heavy user's: a long queue and history. */
const SHARE = { queue: 0.2, starred: 0.1, read: 0.3, notes: 0.05 };
/** Words typed, one key at a time: common and rare prefixes, a note word, an author, two words. */
const TYPED = ['transformer', 'diffusion mod', 'zebrafish', 'émile', 'graph neural'];

const VOCABULARY = (
  'learning model models language large vision transformer transformers diffusion graph neural network networks ' +
  'reinforcement policy agent agents reasoning retrieval augmented generation video image images audio speech ' +
  'multimodal efficient scaling sparse mixture experts attention memory context long benchmark evaluation dataset ' +
  'robust robustness adversarial privacy federated optimization gradient stochastic convergence theory bounds ' +
  'generalization representation contrastive self supervised semi unsupervised fine tuning instruction alignment ' +
  'preference feedback human reward safety interpretability mechanistic circuits probing embeddings tokens ' +
  'tokenizer decoding sampling inference quantization pruning distillation compression hardware accelerator ' +
  'kernel compiler systems distributed training parallel pipeline cluster protein molecule chemistry physics ' +
  'climate weather forecasting time series anomaly detection segmentation tracking pose depth 3d gaussian ' +
  'splatting radiance fields nerf rendering editing control planning navigation robot manipulation humanoid ' +
  'world simulation game code program synthesis math theorem proving verification agentic tool use web'
).split(/\s+/);
const FIRST = ['Ada', 'Émile', 'Zoë', 'Wei', 'Ana', 'José', 'Li', 'Noam', 'Priya', 'Søren', 'Yuki', 'Omar', 'Chloé', 'Ivan'];
const LAST = ['Lovelace', 'Borel', 'Zhang', 'García', 'Müller', 'Shazeer', 'Kumar', 'Kierkegaard', 'Tanaka', 'Haddad', 'Dubois', 'Petrov'];

/** A deterministic generator: the same library on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRecords(from: number, to: number): PaperRecord[] {
  const rand = random(from + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const records: PaperRecord[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = from; i < to; i++) {
    const words = Array.from({ length: 5 + Math.floor(rand() * 8) }, () => pick(VOCABULARY));
    const title = words.map((word, j) => (j === 0 ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');
    const authors = Array.from({ length: 1 + Math.floor(rand() * 7) }, () => `${pick(FIRST)} ${pick(LAST)}`);
    const at = start + i * 60_000;
    const note = rand() < SHARE.notes ? `Check ${pick(VOCABULARY)} against ${pick(VOCABULARY)}; zebrafish data in §${1 + (i % 9)}.` : '';
    const arxiv = `${String(15 + Math.floor(i / 90_000)).padStart(2, '0')}${String(1 + (Math.floor(i / 7_500) % 12)).padStart(2, '0')}.${String(i % 90_000).padStart(5, '0')}`;
    const record: PaperRecord = {
      id: `arxiv:${arxiv}`,
      title,
      authors,
      links: { abs: `https://arxiv.org/abs/${arxiv}`, pdf: `https://arxiv.org/pdf/${arxiv}`, huggingface: `https://huggingface.co/papers/${arxiv}` },
      seen: { site: 'huggingface', url: 'https://huggingface.co/papers', at },
      note,
      createdAt: at,
      updatedAt: at,
      changedAt: { meta: at },
      words: [],
    };
    const r = rand();
    if (r < SHARE.queue) {
      record.queuePos = i + 1;
      record.queuedAt = at;
    } else if (r < SHARE.queue + SHARE.read) {
      record.readAt = at + 1_000;
    }
    if (rand() < SHARE.starred) record.starredAt = at + 2_000;
    if (note) record.noteUpdatedAt = at + 3_000;
    record.words = paperWords(record);
    records.push(record);
  }
  return records;
}

/** Writes records straight into the extension's database, in the popup page's origin. */
async function seed(page: Page, records: PaperRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 5_000) {
    await page.evaluate(async (chunk) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('shelfmark');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('papers', 'readwrite');
        const store = transaction.objectStore('papers');
        for (const record of chunk) store.put(record);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    }, records.slice(i, i + 5_000));
  }
}

async function openPopup(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** From navigation start to the first queue rows of a fresh popup page. */
async function firstRows(browser: Browser): Promise<number> {
  const page = await openPopup(browser);
  await page.waitForSelector('#paper-list li[data-paper-id]');
  const mark = await page.waitForFunction(() => performance.getEntriesByName('shelfmark:first-rows')[0]?.startTime);
  const ms = (await mark.jsonValue()) as number;
  // The counts per view come after the first rows; wait for them, so that this page's reads do
  // not run into the next page's (a real popup is opened once, not twelve times in a row).
  await page.waitForFunction(() => /\d/.test(document.querySelector('[role="tab"] .tab-count')?.textContent ?? ''));
  await page.close();
  return ms;
}

/** Types `text` one key at a time; the latency of each key, from input event to its results drawn. */
async function typeAndTime(page: Page, text: string): Promise<number[]> {
  // A key that does not change the query (a space) asks nothing: it is left out.
  const steps = [...text]
    .map((_, i) => ({ value: text.slice(0, i + 1), expect: queryTokens(text.slice(0, i + 1)).join(' ') }))
    .filter((step, i, all) => i === 0 || step.expect !== all[i - 1]!.expect);
  return page.evaluate(async (keys) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const area = () => document.querySelector<HTMLElement>('.list-area')!;
    const times: number[] = [];
    for (const key of keys) {
      const start = performance.now();
      input.value = key.value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise<void>((resolve) => {
        const check = () => {
          if (area().dataset.resultsFor === key.expect) {
            requestAnimationFrame(() => resolve());
            return true;
          }
          return false;
        };
        if (check()) return;
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
      });
      times.push(performance.now() - start);
    }
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return times;
  }, steps);
}

/** The All view's scrollbar dragged to the middle: until the rows there are read and drawn. */
async function jumpToMiddle(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.list-scroll')!;
    scroller.scrollTop = 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const start = performance.now();
    scroller.scrollTop = scroller.scrollHeight / 2;
    await new Promise<void>((resolve) => {
      const done = () => {
        const rows = document.querySelectorAll('#paper-list li');
        const middle = [...rows].some((row) => Number(row.getAttribute('data-index')) > 100);
        return middle && document.querySelectorAll('#paper-list li.placeholder').length === 0;
      };
      const tick = () => (done() ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    return performance.now() - start;
  });
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Runs `fn` `warmup` times, then `times` times, keeping the figure each run reports (in-page timing). */
async function collect(fn: () => Promise<number>, times: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < times; i++) runs.push(await fn());
  return runs;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it('popup: first rows, search as you type, scrolling, with 1k, 10k and 50k papers', async () => {
  const firstRowSamples: Sample[] = [];
  const searchSamples: Sample[] = [];
  const shortSamples: Sample[] = [];
  const jumpSamples: Sample[] = [];
  const environment = await (await browser.background()).evaluate(() => navigator.userAgent);

  // The popup opens the database once, which creates it at the extension's schema version.
  const setup = await openPopup(browser);
  await setup.waitForSelector('.empty');
  let stored = 0;
  for (const size of SIZES) {
    await seed(setup, makeRecords(stored, size));
    stored = size;
    const label = `${size / 1000}k papers`;
    const queued = Math.round(size * SHARE.queue);

    progress(`${label}: stored`);
    firstRowSamples.push({ name: label, runs: await collect(() => firstRows(browser), 12, 2), note: `~${queued.toLocaleString('en')} queued; fresh page load` });

    progress(`${label}: first rows measured`);
    const popup = await openPopup(browser);
    await popup.waitForSelector('#paper-list li[data-paper-id]');
    const queueKeys: number[] = [];
    const allKeys: number[] = [];
    const firstKeys: number[] = [];
    const laterKeys: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const [view, keys] of [['Queue', queueKeys], ['All', allKeys]] as const) {
        await popup.getByRole('tab', { name: new RegExp(`^${view}`) }).click();
        await popup.waitForSelector('#paper-list li[data-paper-id]');
        for (const text of TYPED) {
          progress(`${label}: typing "${text}" in ${view}`);
          const times = await typeAndTime(popup, text);
          keys.push(...times);
          firstKeys.push(times[0]!);
          laterKeys.push(...times.slice(1));
        }
      }
    }
    searchSamples.push({ name: `${label}, Queue`, runs: queueKeys, note: `${queueKeys.length} keys` });
    searchSamples.push({ name: `${label}, All`, runs: allKeys, note: `${allKeys.length} keys` });
    shortSamples.push({ name: `${label}, first key`, runs: firstKeys, note: 'one letter: waits 200 ms for a next key, then the widest prefix' });
    shortSamples.push({ name: `${label}, later keys`, runs: laterKeys, note: 'two letters and more' });

    await popup.getByRole('tab', { name: /^All/ }).click();
    await popup.waitForSelector('#paper-list li[data-paper-id]');
    progress(`${label}: jumps`);
    jumpSamples.push({ name: label, runs: await collect(() => jumpToMiddle(popup), 8, 1), note: `row ~${(size / 2).toLocaleString('en')} of All` });
    await popup.close();
  }
  await setup.close();

  console.log(`\nEnvironment: built extension in ${environment}, popup page at 400×600, headless (new) Chromium`);
  report('Popup: fresh load to first queue rows (ms since navigation start)', firstRowSamples);
  report('Popup: search latency per key typed (input event to results drawn)', searchSamples);
  report('Popup: search latency, first key of a word and the keys after it (Queue and All)', shortSamples);
  report('Popup: All view, scrollbar to the middle until rows are drawn', jumpSamples);
  const slowest = Math.max(...searchSamples.map((sample) => median(sample.runs)));
  console.log(`Slowest median search latency: ${slowest.toFixed(1)} ms`);
});
