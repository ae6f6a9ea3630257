// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { it } from 'vitest';
import { control, launch, readSharedPage, waitForCards, type Browser } from '../test/e2e/harness';
import { syntheticArxivListing, syntheticHfListing } from '../test/e2e/synthetic-listing';
import { median, report, type Sample } from './stats';

/*
 * What Shelfmark costs a page: synthetic 2,000-entry listings (arXiv /list/…?show=2000, and a
 * Hugging Face listing as long) in Debian's Chromium with the built extension (npm run bench builds it first).
 *
 * Figures are CPU time of the page's main thread (Chromium's ThreadTime metric, through the
 * DevTools protocol), where the content script, style and layout all run: it moves less than
 * wall-clock time when other work shares the machine. The content script's own spans in the page's
 * performance timeline are printed as wall time: 'shelfmark:scan' (mounting, before a frame is
 * painted: what holds the page up), 'shelfmark:build' (buttons built in idle slices),
 * 'shelfmark:states' (the one state message, round trip included).
 */

const CARDS = 2_000;
/** Each listing is also served at an address no adapter serves: the content script loads and does nothing. */
const LISTINGS = [
  { name: 'arXiv', url: 'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000', plain: 'https://arxiv.org/help/synthetic-listing', html: syntheticArxivListing(CARDS) },
  { name: 'Hugging Face', url: 'https://huggingface.co/papers?date=2024-01-01', plain: 'https://huggingface.co/models?listing=synthetic', html: syntheticHfListing(CARDS) },
];
const PAGE_LOADS = 8;
const MOUNT_RUNS = 12;

const cssFile = (name: string) => readFileSync(resolve(__dirname, '../lib/content/css', name), 'utf8');
/** The stylesheets as the build inlines them (the @import resolved). */
const CONTROLS_CSS = cssFile('controls.css').replace('@import "./buttons.css";', cssFile('buttons.css'));
const PAGE_CSS = cssFile('page.css');

async function cpuClock(page: Page): Promise<() => Promise<number>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'ThreadTime')!.value * 1000;
  };
}

/** Loads `url` in a new tab until the listing is annotated, its states shown and every card's buttons built. */
async function load(browser: Browser, url: string, annotated: boolean) {
  const page = await browser.context.newPage();
  const cpu = await cpuClock(page);
  const before = await cpu();
  await page.goto(url);
  if (annotated) {
    await waitForCards(page, CARDS);
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('shelfmark:states').length > 0 &&
        [...document.querySelectorAll('shelfmark-controls')].every((root) => root.shadowRoot !== null),
      null,
      { timeout: 60_000 },
    );
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const used = (await cpu()) - before;
  const spans = await page.evaluate(() => {
    const durations = (name: string) => performance.getEntriesByName(name).map((entry) => entry.duration);
    return { scans: durations('shelfmark:scan'), builds: durations('shelfmark:build'), states: durations('shelfmark:states') };
  });
  await page.close();
  return { used, ...spans };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

it('annotating a 2,000-entry listing, in Chromium with the built extension', async () => {
  const browser = await launch({ pages: Object.fromEntries(LISTINGS.flatMap((listing) => [[listing.url, listing.html], [listing.plain, listing.html]])) });
  try {
    for (const listing of LISTINGS) {
      const plain: number[] = [];
      const annotated: number[] = [];
      const spans = { scans: [] as number[], largestScan: [] as number[], builds: [] as number[], largestBuild: [] as number[], states: [] as number[] };
      const scanCounts = new Set<number>();
      for (let run = -1; run < PAGE_LOADS; run++) {
        const without = await load(browser, listing.plain, false);
        const withIt = await load(browser, listing.url, true);
        if (run < 0) continue; // warm-up
        plain.push(without.used);
        annotated.push(withIt.used);
        spans.scans.push(sum(withIt.scans));
        spans.largestScan.push(Math.max(...withIt.scans));
        spans.builds.push(sum(withIt.builds));
        spans.largestBuild.push(Math.max(0, ...withIt.builds));
        spans.states.push(withIt.states[0]!);
        scanCounts.add(withIt.scans.length);
      }
      const extra = annotated.map((used, i) => used - plain[i]!);
      report(`${listing.name}, ${CARDS.toLocaleString('en')} entries: main-thread CPU of a page load (built extension, ${PAGE_LOADS} loads each)`, [
        { name: 'page alone (no adapter at that address)', runs: plain },
        { name: 'page annotated, every button built', runs: annotated },
        { name: "Shelfmark's share (the difference)", runs: extra, note: 'mounting, building, state message, the style and layout they add' },
      ]);
      report(`${listing.name}: the content script's own spans (wall clock)`, [
        { name: 'mounting: all scans of a load', runs: spans.scans, note: `${[...scanCounts].join('/')} scans, one per frame while parsing; the first 60 cards built there` },
        { name: 'largest single scan', runs: spans.largestScan, note: 'the longest Shelfmark holds a frame' },
        { name: 'building the other buttons, idle slices', runs: spans.builds, note: 'in idle time, after the first paint' },
        { name: 'largest idle slice', runs: spans.largestBuild, note: 'sliced at 8 ms' },
        { name: 'states: one message, then applied', runs: spans.states, note: 'includes the round trip to the background' },
      ]);
      console.log(
        `${listing.name}, ${CARDS} entries: ${median(spans.scans).toFixed(1)} ms mounting before paint (median), ` +
          `${median(spans.builds).toFixed(1)} ms building in idle time, ${median(extra).toFixed(1)} ms main-thread CPU in all ` +
          `(the page itself: ${median(plain).toFixed(1)} ms).`,
      );
    }

    // The ways of mounting the controls, compared on an already laid-out page (the harder case:
    // cards a single-page app adds after load), each with the style and layout it forces.
    const page = await browser.context.newPage();
    await page.goto(LISTINGS[1]!.plain);
    await page.evaluate(installMountingWays, { controlsCss: CONTROLS_CSS, pageCss: PAGE_CSS });
    const cpu = await cpuClock(page);
    const names = await page.evaluate(() => (window as unknown as Bench).ways);
    const runs: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (let run = -2; run < MOUNT_RUNS; run++) {
      for (const name of names) {
        const before = await cpu();
        await page.evaluate((way) => (window as unknown as Bench).mount(way), name);
        const used = (await cpu()) - before;
        await page.evaluate(() => (window as unknown as Bench).clear());
        if (run >= 0) runs[name]!.push(used);
      }
    }
    const samples: Sample[] = names.map((name) => ({ name, runs: runs[name]!, note: NOTES[name] }));
    report(`Mounting on ${CARDS.toLocaleString('en')} cards of a laid-out page, each way: main-thread CPU with the style and layout it forces`, samples);
    await page.close();
  } finally {
    await browser.close();
  }
});

interface Bench {
  ways: string[];
  mount(way: string): void;
  clear(): void;
}

const NOTES: Record<string, string> = {
  'root only, buttons built later': 'what a scan does for cards past the first screens (content-visibility: auto root)',
  'shadow root + <style>, content-visibility': 'what every card has once built: template clone, open shadow root',
  'shadow root + <style>, all rendered': 'the same without content-visibility: auto',
  'shadow root + one adopted sheet': 'constructable stylesheet shared by all roots; Firefox content scripts cannot adopt one',
  'light DOM + page stylesheet': 'prefixed classes, no shadow root: page styles reach in',
  'plain <span> per card': 'the floor: any element inserted in each card costs the page this',
};

/**
 * Runs in the page: prepares each way of mounting 2,000 control bars (the DOM of
 * lib/content/controls.ts, its real stylesheets) so that each run is one call.
 */
function installMountingWays({ controlsCss, pageCss }: { controlsCss: string; pageCss: string }): void {
  const svgNs = 'http://www.w3.org/2000/svg';
  const bar = (prefix: string) => {
    const element = document.createElement('div');
    element.className = `${prefix}bar`;
    element.setAttribute('role', 'group');
    for (const label of ['Star', 'Mark read', 'Add to queue', 'Note']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `${prefix}toggle`;
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
    const status = document.createElement('span');
    status.className = `${prefix}status`;
    element.append(status);
    return element;
  };
  const template = (content: Node[]) => {
    const result = document.createElement('template');
    result.content.append(...content);
    return result;
  };
  const style = document.createElement('style');
  style.textContent = controlsCss;
  const withStyle = template([style, bar('')]);
  const bare = template([bar('')]);
  const light = template([bar('sm-')]);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(controlsCss);
  const pageStyle = document.createElement('style');
  pageStyle.textContent = [
    pageCss,
    'shelfmark-controls.eager { content-visibility: visible; }',
    // The controls' rules for the light-DOM way, scoped by prefixed classes instead of a shadow root.
    controlsCss.replace(/:host/g, 'shelfmark-controls.light').replace(/\.(bar|toggle|status)\b/g, 'shelfmark-controls.light .sm-$1'),
  ].join('\n');
  document.head.append(pageStyle);

  const roots: Element[] = [];
  const root = (card: Element, className: string) => {
    const element = document.createElement('shelfmark-controls');
    element.className = `shelfmark-root ${className}`;
    card.querySelector('h3')!.after(element);
    roots.push(element);
    return element;
  };
  const ways: Record<string, (card: Element) => void> = {
    'root only, buttons built later': (card) => void root(card, ''),
    'shadow root + <style>, content-visibility': (card) =>
      root(card, '').attachShadow({ mode: 'open' }).append(withStyle.content.cloneNode(true)),
    'shadow root + <style>, all rendered': (card) =>
      root(card, 'eager').attachShadow({ mode: 'open' }).append(withStyle.content.cloneNode(true)),
    'shadow root + one adopted sheet': (card) => {
      const shadow = root(card, '').attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(bare.content.cloneNode(true));
    },
    'light DOM + page stylesheet': (card) => root(card, 'light').append(light.content.cloneNode(true)),
    'plain <span> per card': (card) => {
      const span = document.createElement('span');
      card.querySelector('h3')!.after(span);
      roots.push(span);
    },
  };
  const cards = [...document.querySelectorAll('article')];
  const bench: Bench = {
    ways: Object.keys(ways),
    mount(way) {
      for (const card of cards) ways[way]!(card);
      void document.body.offsetHeight; // style and layout, as the next frame would do them
    },
    clear() {
      for (const element of roots.splice(0)) element.remove();
      void document.body.offsetHeight;
    },
  };
  (window as unknown as Bench & Window).ways = bench.ways;
  Object.assign(window, bench);
}

it('a change shows in another tab: the time from a click in one tab to the other tab showing it', async () => {
  const url = 'https://arxiv.org/list/cs.CL/recent';
  const browser = await launch({ pages: { [url]: readSharedPage('arxiv_list_cs.CL_recent_2026-07.html') } });
  try {
    const first = await browser.open(url, 50);
    const second = await browser.open(url, 50);
    const id = 'arxiv:2607.22529';
    const runs: number[] = [];
    for (let run = -1; run < 12; run++) {
      const star = control(first, id, 'Star');
      const next = (await star.pressed()) === 'true' ? 'false' : 'true';
      // The other tab notes when its button changes; both clocks are the machine's (Date.now).
      const seen = second.evaluate(
        ({ target, value }) =>
          new Promise<number>((resolve) => {
            const button = document.querySelector(`[data-shelfmark-id="${target}"]`)!.shadowRoot!.querySelector('button[aria-label="Star"]')!;
            new MutationObserver((_, observer) => {
              if (button.getAttribute('aria-pressed') !== value) return;
              observer.disconnect();
              resolve(Date.now());
            }).observe(button, { attributes: true });
          }),
        { target: id, value: next },
      );
      const clicked = await first.evaluate((target) => {
        const button = document.querySelector(`[data-shelfmark-id="${target}"]`)!.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Star"]')!;
        const at = Date.now();
        button.click();
        return at;
      }, id);
      const shown = await seen;
      if (run >= 0) runs.push(shown - clicked);
    }
    report('Live across tabs: a star clicked in one tab, shown in the other (arXiv listing, wall clock)', [
      { name: 'click to the other tab showing it', runs, note: 'act message, Dexie write, broadcast to every tab' },
    ]);
  } finally {
    await browser.close();
  }
});
