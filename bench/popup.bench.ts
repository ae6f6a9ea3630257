// @vitest-environment node
import { afterAll, beforeAll, it } from 'vitest';
import type { Page } from 'playwright-core';
import { queryTokens } from '@/lib/store/search';
import { launch, type Browser } from '../test/e2e/harness';
import { makeRecords, seed, SHARE } from './popup-library';
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
/** Words typed, one key at a time: common and rare prefixes, a note word, an author, two words. */
const TYPED = ['transformer', 'diffusion mod', 'zebrafish', 'émile', 'graph neural'];


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
