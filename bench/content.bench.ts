// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { it } from 'vitest';
import { launch, waitForCards } from '../test/e2e/harness';
import { syntheticHfListing } from '../test/e2e/synthetic-listing';
import { report, type Sample } from './stats';

/*
 * What Shelfmark costs a page: a synthetic 2,000-card listing, in Debian's Chromium, with the
 * built extension (npm run bench builds it first). The content script puts its own spans in the
 * page's performance timeline ('shelfmark:scan', 'shelfmark:states'); they are read from there.
 * Then the ways of mounting the controls are compared on the same page, each timed with the
 * style and layout it causes.
 */

const CARDS = 2_000;
const LISTING_URL = 'https://huggingface.co/papers?date=2024-01-01';
/** The same listing where no adapter applies: a clean page for the mounting comparison. */
const PLAIN_URL = 'https://huggingface.co/models?listing=synthetic';
const PAGE_LOADS = 12;
const MOUNT_RUNS = 15;

const cssFile = (name: string) => readFileSync(resolve(__dirname, '../lib/content/css', name), 'utf8');
/** The shadow stylesheet as the build inlines it (its @import resolved). */
const CONTROLS_CSS = cssFile('controls.css').replace('@import "./buttons.css";', cssFile('buttons.css'));

it('annotating a 2,000-card listing, in Chromium with the built extension', async () => {
  const html = syntheticHfListing(CARDS);
  const browser = await launch({ pages: { [LISTING_URL]: html, [PLAIN_URL]: html } });
  try {
    const scansTotal: number[] = [];
    const scanLargest: number[] = [];
    const scanCount: number[] = [];
    const states: number[] = [];
    for (let run = 0; run < PAGE_LOADS; run++) {
      const page = await browser.context.newPage();
      await page.goto(LISTING_URL);
      await waitForCards(page, CARDS);
      await page.waitForFunction(() => performance.getEntriesByName('shelfmark:states').length > 0, null, { timeout: 30_000 });
      const spans = await page.evaluate(() => ({
        scans: performance.getEntriesByName('shelfmark:scan').map((entry) => entry.duration),
        states: performance.getEntriesByName('shelfmark:states').map((entry) => entry.duration),
      }));
      scansTotal.push(spans.scans.reduce((sum, duration) => sum + duration, 0));
      scanLargest.push(Math.max(...spans.scans));
      scanCount.push(spans.scans.length);
      states.push(spans.states.reduce((sum, duration) => sum + duration, 0));
      await page.close();
    }
    report(`Content script on a ${CARDS.toLocaleString('en')}-card listing (built extension, Chromium, ${PAGE_LOADS} page loads)`, [
      { name: 'mounting, all scans together', runs: scansTotal, note: `scans per load: ${[...new Set(scanCount)].join('/')}, one per frame while parsing` },
      { name: 'largest single scan', runs: scanLargest, note: 'the longest Shelfmark holds one frame' },
      { name: 'states: one message, then applied', runs: states, note: 'includes the round trip to the background' },
    ]);

    const page = await browser.context.newPage();
    await page.goto(PLAIN_URL);
    const results = await page.evaluate(compareMounting, { css: CONTROLS_CSS, runs: MOUNT_RUNS });
    const samples: Sample[] = Object.entries(results).map(([name, runs]) => ({ name, runs, note: NOTES[name] }));
    report(`Mounting controls on ${CARDS.toLocaleString('en')} cards: DOM work plus the style and layout it causes (Chromium)`, samples);
    await page.close();
  } finally {
    await browser.close();
  }
});

const NOTES: Record<string, string> = {
  'shadow root, <style> per card': 'what Shelfmark does: template clone, open shadow root',
  'shadow root, one adopted sheet': 'constructable stylesheet shared by every root (no Firefox content-script support)',
  'light DOM, page stylesheet': 'prefixed classes, styles not isolated from the page',
  'empty element per card': 'the floor: what any in-flow insertion costs the page',
};

/**
 * Runs in the page: mounts 2,000 control bars each way (a copy of lib/content/controls.ts's DOM),
 * forces style and layout, removes them; the ways are interleaved, run after run.
 */
function compareMounting({ css, runs }: { css: string; runs: number }): Record<string, number[]> {
  const svgNs = 'http://www.w3.org/2000/svg';
  const bar = (classPrefix: string) => {
    const element = document.createElement('div');
    element.className = `${classPrefix}bar`;
    element.setAttribute('role', 'group');
    for (const label of ['Star', 'Mark read', 'Add to queue', 'Note']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `${classPrefix}toggle`;
      button.setAttribute('aria-label', label);
      button.setAttribute('aria-pressed', 'false');
      const svg = document.createElementNS(svgNs, 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      const path = document.createElementNS(svgNs, 'path');
      path.setAttribute('d', 'M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.85L12 16.9l-5.25 2.75 1-5.85L3.5 9.7l5.9-.9z');
      svg.append(path);
      button.append(svg);
      element.append(button);
    }
    return element;
  };
  const withStyle = document.createElement('template');
  const style = document.createElement('style');
  style.textContent = css;
  withStyle.content.append(style, bar(''));
  const bare = document.createElement('template');
  bare.content.append(bar(''));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const light = document.createElement('template');
  light.content.append(bar('sm-'));
  const pageStyle = document.createElement('style');
  // The same rules, scoped by prefixed classes under the host instead of a shadow root.
  pageStyle.textContent = css.replace(/:host/g, 'sm-bench').replace(/\.(bar|toggle)\b/g, 'sm-bench .sm-$1');
  document.head.append(pageStyle);

  const hosts: Element[] = [];
  const place = (card: Element, host: Element) => {
    card.querySelector('h3')!.after(host);
    hosts.push(host);
  };
  const ways: Record<string, (card: Element) => void> = {
    'shadow root, <style> per card': (card) => {
      const host = document.createElement('sm-bench');
      host.attachShadow({ mode: 'open' }).append(withStyle.content.cloneNode(true));
      place(card, host);
    },
    'shadow root, one adopted sheet': (card) => {
      const host = document.createElement('sm-bench');
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(bare.content.cloneNode(true));
      place(card, host);
    },
    'light DOM, page stylesheet': (card) => {
      const host = document.createElement('sm-bench');
      host.append(light.content.cloneNode(true));
      place(card, host);
    },
    'empty element per card': (card) => place(card, document.createElement('sm-bench')),
  };
  const cards = [...document.querySelectorAll('article')];
  const results: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
  for (let run = -2; run < runs; run++) {
    for (const [name, mount] of Object.entries(ways)) {
      void document.body.offsetHeight;
      const start = performance.now();
      for (const card of cards) mount(card);
      void document.body.offsetHeight; // style and layout, as the next frame would do them
      const elapsed = performance.now() - start;
      if (run >= 0) results[name]!.push(elapsed); // two warm-up rounds
      for (const host of hosts.splice(0)) host.remove();
    }
  }
  return results;
}
