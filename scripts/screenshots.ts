/**
 * Every picture of Shelfmark, taken with the end-to-end tooling: the built extension in Chromium on
 * the real saved pages, restyled offline (scripts/site-styles.ts). Run: npm run screenshots
 * - docs/screenshots/: the README's pictures (dark variants, the options page and its snapshots, the
 *   first-run page, and one page of every other site: SHOTS=dblp,scholar npm run screenshots takes
 *   only those sites, SHOTS=bibtex the BibTeX import's preview only);
 * - docs/store/: the store listing's 1280×800 screenshots (Hugging Face, arXiv, the popup), the
 *   440×280 promotional tile rendered from docs/store/promo-tile.html, and the 128 px icon;
 * - assets/welcome/: the first-run page's three pictures, light and dark (bundled: rebuild after).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { cardIds, control, EXTENSION_DIR, launch, openPopupOver, readSharedPage, type Browser } from '../test/e2e/harness';
import { fixture } from '../test/pages';
import { ACL_CSS, ARXIV_CSS, ARXIV_HTML_CSS, CVF_CSS, DBLP_CSS, OPENREVIEW_CSS, SCHOLAR_CSS, withSiteStyles } from './site-styles';

type Theme = 'light' | 'dark';

const DOCS = 'docs/screenshots';
const STORE = 'docs/store';
const WELCOME = 'assets/welcome';
const HF_URL = 'https://huggingface.co/papers?date=2024-08-01';
const ARXIV_URL = 'https://arxiv.org/list/cs.CL/recent';
/** The stores' screenshot size (Chrome Web Store, Edge Add-ons; AMO takes any). */
const STORE_SIZE = { width: 1280, height: 800 };
const POPUP_SIZE = { width: 400, height: 560 };
/** The first-run pictures are 4:3 crops, shown at about half their width (sharp on high-density screens). */
const JPEG = { type: 'jpeg', quality: 85 } as const;

/** Paper thumbnails and avatars are on Hugging Face's CDN, out of reach offline: a neutral placeholder stands in. */
function placeholderImage(url: string) {
  if (!/\.(png|jpe?g|svg|webp)(\?|$)/i.test(url)) return undefined;
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#eef2ff"/><stop offset="1" stop-color="#f3f4f6"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/><g fill="#d1d5db"><rect x="48" y="48" width="360" height="22" rx="4"/><rect x="48" y="90" width="540" height="12" rx="3"/><rect x="48" y="112" width="520" height="12" rx="3"/><rect x="48" y="134" width="480" height="12" rx="3"/><rect x="48" y="180" width="250" height="130" rx="6"/><rect x="330" y="180" width="260" height="12" rx="3"/><rect x="330" y="202" width="240" height="12" rx="3"/></g></svg>`;
  return { body, contentType: 'image/svg+xml' };
}

async function press(page: Page, id: string, name: string) {
  await control(page, id, name).click();
}

/** Lets late layout and transitions settle before a picture. */
const settle = (page: Page) => page.waitForTimeout(400);

/** A morning's triage on the Hugging Face daily page: starred, queued, read, a note being written. */
async function huggingface(browser: Browser, theme: Theme) {
  const page = await browser.open(HF_URL, 13);
  await press(page, 'arxiv:2407.21783', 'Star');
  await press(page, 'arxiv:2407.21783', 'Add to queue');
  await press(page, 'arxiv:2407.21705', 'Add to queue');
  await press(page, 'arxiv:2407.21770', 'Mark read');
  await press(page, 'arxiv:2407.21705', 'Note');
  await page.keyboard.type('Trajectory conditioning via a 3D VAE: compare with MotionCtrl. Check the ablation in §4.3.');
  await page.mouse.move(5, 5); // a read card is subdued unless hovered
  await page.evaluate(() => window.scrollTo(0, 150));
  await settle(page);
  await page.screenshot({ path: theme === 'light' ? `${STORE}/huggingface.png` : `${DOCS}/huggingface-dark.png` });
  await page.screenshot({ path: `${WELCOME}/listing-${theme}.jpg`, clip: { x: 0, y: 110, width: 840, height: 630 }, ...JPEG });
  await page.keyboard.press('Escape');
  await page.close();
}

/** An arXiv listing mid-triage: controls on the id lines, a read entry dimmed, the keyboard cursor three papers down. */
async function arxiv(browser: Browser) {
  const page = await browser.open(ARXIV_URL, 50);
  await page.evaluate(() => window.scrollTo(0, 0));
  const ids = (await cardIds(page)).slice(0, 4);
  await press(page, ids[0]!, 'Star');
  await press(page, ids[0]!, 'Add to queue');
  await press(page, ids[1]!, 'Mark read');
  await press(page, ids[2]!, 'Add to queue');
  await page.mouse.move(5, 5);
  // The keyboard cursor, where j/k put it.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  await page.evaluate(() => window.scrollTo(0, 250));
  await settle(page);
  await page.screenshot({ path: `${STORE}/arxiv.png` });
  await page.screenshot({ path: `${WELCOME}/keyboard-light.jpg`, clip: { x: 20, y: 250, width: 720, height: 540 }, ...JPEG });
  await page.close();
}

/** The popup at its toolbar size; returns its picture for the store's composite. */
async function popup(browser: Browser, theme: Theme): Promise<Buffer> {
  const page = await browser.openPopup();
  await page.setViewportSize(POPUP_SIZE);
  await page.emulateMedia({ colorScheme: theme });
  await page.getByRole('tab', { name: /Queue/ }).waitFor();
  await settle(page);
  const picture = await page.screenshot({ path: `${DOCS}/popup-${theme}.png` });
  await page.screenshot({ path: `${WELCOME}/queue-${theme}.jpg`, clip: { x: 0, y: 0, width: POPUP_SIZE.width, height: 300 }, ...JPEG });
  await page.close();
  return picture;
}

/**
 * The store's popup screenshot: the popup as it opens from the toolbar, over the page it was
 * filled from (the two pictures taken above, composed by Chromium).
 */
async function storePopup(browser: Browser, popupPicture: Buffer) {
  const page = await browser.context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const backdrop = await (async () => {
    const listing = await browser.open(HF_URL, 13);
    await listing.evaluate(() => window.scrollTo(0, 150));
    await settle(listing);
    const shot = await listing.screenshot();
    await listing.close();
    return shot;
  })();
  const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  await page.setContent(`<!doctype html><style>
    body { margin: 0; width: 1280px; height: 800px; overflow: hidden; background: url(${dataUrl(backdrop)}) no-repeat; }
    .shade { position: absolute; inset: 0; background: rgb(15 23 42 / 0.18); }
    img { position: absolute; top: 10px; right: 24px; border-radius: 10px; box-shadow: 0 12px 40px rgb(0 0 0 / 0.35), 0 0 0 1px rgb(0 0 0 / 0.12); }
  </style><div class="shade"></div><img src="${dataUrl(popupPicture)}" width="${POPUP_SIZE.width}" height="${POPUP_SIZE.height}">`);
  await page.screenshot({ path: `${STORE}/popup.png` });
  await page.close();
}

/**
 * Tags and the managed library: the popup filtered by a tag, with a row's tag field open; the
 * options page sorted by title with two papers selected (the selection's bar) and the Tags list.
 */
async function tagsAndLibrary(browser: Browser, theme: Theme) {
  const popup = await browser.openPopup();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.emulateMedia({ colorScheme: theme });
  const tag = async (id: string, names: string) => {
    await popup.locator(`li[data-paper-id="${id}"]`).getByRole('button', { name: 'Tags' }).click();
    const field = popup.getByRole('combobox', { name: /^Add tags to/ });
    await field.fill(names);
    await field.press('Enter');
    await field.press('Escape');
  };
  await tag('arxiv:2407.21783', 'LLM, scaling laws');
  await tag('arxiv:2407.21705', 'video, diffusion');
  await popup.getByRole('tab', { name: /All/ }).click();
  await popup.getByRole('combobox', { name: 'Filter by tag' }).selectOption('LLM');
  await popup.locator('li[data-paper-id="arxiv:2407.21783"]').getByRole('button', { name: 'Tags' }).click();
  await popup.getByRole('combobox', { name: /^Add tags to/ }).fill('read');
  await settle(popup);
  await popup.screenshot({ path: `${DOCS}/popup-tags-${theme}.png` });
  await popup.close();

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('.library-row').first().waitFor();
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('title');
  // Sorted once the title order is shown (the search index loads first).
  await page.waitForFunction(() => {
    const titles = [...document.querySelectorAll('.library-title')].map((title) => title.textContent!.toLowerCase().replace(/[^a-z0-9]/g, ''));
    return titles.length > 1 && titles.every((title, i) => i === 0 || titles[i - 1]! <= title);
  });
  const rows = page.locator('.library-select');
  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ['Shift'] });
  await settle(page);
  await page.screenshot({ path: `${DOCS}/library-${theme}.png` });
  await page.close();
}

async function options(browser: Browser) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('.library-row').first().waitFor();
  await settle(page);
  await page.screenshot({ path: `${DOCS}/options-light.png` });
  await page.close();
}

/**
 * The BibTeX import's preview: a JabRef export imported first, then a Zotero export that shares a
 * paper with it, so the preview shows new, in-library and rejected entries.
 */
async function bibtexPreview(browser: Browser, theme: Theme) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const input = page.getByLabel(/^BibTeX file/);
  const bib = (name: string) => ({ name: `${name}.bib`, mimeType: 'text/x-bibtex', buffer: readFileSync(`test/fixtures/bibtex/${name}.bib`) });
  await input.setInputFiles(bib('jabref'));
  await page.getByRole('group', { name: 'Import jabref.bib' }).getByRole('button', { name: 'Import' }).click();
  await page.locator('.import-done').waitFor();
  await input.setInputFiles(bib('zotero'));
  const panel = page.locator('section[aria-labelledby="bibtex-import-title"]');
  await panel.getByRole('group', { name: 'Import zotero.bib' }).waitFor();
  await panel.locator('summary', { hasText: 'New papers' }).click();
  await settle(page);
  await panel.screenshot({ path: `${DOCS}/options-bibtex-import-${theme}.png` });
  await page.close();
}

/** The other sites: a page as a user meets it, restyled offline, with a few papers triaged. */
const SITES = [
  { name: 'acl', url: 'https://aclanthology.org/people/andreas-madsack/', html: readSharedPage('acl_people_andreas-madsack_2026-07_redesign.html'), css: ACL_CSS, cards: 6 },
  { name: 'dblp', url: 'https://dblp.org/search?q=calefato', html: readSharedPage('dblp_search_calefato_2024-01_prettified.html'), css: DBLP_CSS, cards: 30 },
  { name: 'scholar', url: 'https://scholar.google.de/scholar?hl=en&q=transformers', html: fixture('gscholar_search_2024_transformers.html'), css: SCHOLAR_CSS, cards: 8 },
  { name: 'openreview', url: 'https://openreview.net/group?id=ICLR.cc/2024/Conference', html: fixture('openreview_group_ICLR2024_2024.html'), css: OPENREVIEW_CSS, cards: 3 },
  { name: 'cvf', url: 'https://openaccess.thecvf.com/ICCV2015', html: readSharedPage('cvf_openaccess_ICCV2015_listing_2015-12_browser-saved.html'), css: CVF_CSS, cards: 526 },
  { name: 'arxiv-html', url: 'https://arxiv.org/html/2603.02438v1', html: fixture('arxiv_html_2603.02438v1.html'), css: ARXIV_HTML_CSS, cards: 1, themes: ['light', 'dark'] as const },
];

/** The first paper starred and queued, the second read, the third queued: a morning's triage. */
async function site(browser: Browser, spec: (typeof SITES)[number], theme: Theme) {
  const page = await browser.open(spec.url, spec.cards);
  if (theme === 'dark') await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const ids = (await cardIds(page)).slice(0, 3);
  await press(page, ids[0]!, 'Star');
  await press(page, ids[0]!, 'Add to queue');
  if (ids[1]) await press(page, ids[1], 'Mark read');
  if (ids[2]) await press(page, ids[2], 'Add to queue');
  await page.mouse.move(5, 5);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  await page.screenshot({ path: `${DOCS}/${spec.name}-${theme}.png` });
  await page.close();
}

/** The first-run page, as installing opened it. */
async function welcome(browser: Browser, theme: Theme) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
  await page.getByRole('heading', { name: 'Shelfmark is ready' }).waitFor();
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await settle(page);
  await page.screenshot({ path: `${DOCS}/welcome-${theme}.png`, fullPage: true });
  await page.close();
}

/** The 440×280 promotional tile, drawn in HTML (docs/store/promo-tile.html) and rendered here. */
async function promoTile(browser: Browser) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 440, height: 280 });
  // The harness refuses every URL it does not serve; the tile and the icon it shows are local files.
  await page.route(/^file:/, (route) => route.continue());
  await page.goto(pathToFileURL(resolve(STORE, 'promo-tile.html')).href);
  await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  await page.screenshot({ path: `${STORE}/promo-tile-440x280.png` });
  await page.close();
}

/** The options page's snapshots: a weekly one and the copy kept before a restore, a restore being confirmed. */
async function snapshots(browser: Browser, theme: Theme) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const worker = await browser.background();
  // The background's daily alarm, now: the weekly snapshot is due.
  await worker.evaluate(() =>
    (globalThis as unknown as { chrome: { alarms: { create(name: string, info: object): Promise<void> } } }).chrome.alarms.create(
      'shelfmark-weekly-snapshot',
      { when: Date.now() },
    ),
  );
  const rows = page.locator('.snapshot-row');
  await rows.first().waitFor();
  await rows.first().getByRole('button', { name: /^Restore/ }).click();
  await page.getByRole('button', { name: 'Replace my library' }).click();
  await page.locator('.snapshot-done').waitFor();
  await rows.nth(1).waitFor();
  await rows.nth(1).getByRole('button', { name: /^Restore/ }).click();
  await settle(page);
  await page.locator('.snapshots-panel').screenshot({ path: `${DOCS}/options-snapshots-${theme}.png` });
  await page.close();
}

/**
 * The current tab's paper at the popup's top (over a DOI landing page), the popup's History tab and
 * the library page's History panel. The test build: its hosts stand for the moment `activeTab`
 * grants the tab to the popup, which automation cannot open from the toolbar.
 */
async function anywhere(theme: Theme) {
  const landing = 'https://dl.acm.org/doi/10.1145/3580305.3599421';
  const landingHtml = `<!doctype html><html><head><title>Learning to Rank Under Distribution Shift | KDD 2023</title>
    <meta name="citation_title" content="Learning to Rank Under Distribution Shift">
    <meta name="citation_author" content="Lovelace, Ada"><meta name="citation_author" content="Turing, Alan"><meta name="citation_author" content="Hopper, Grace">
    <meta name="citation_doi" content="10.1145/3580305.3599421"><meta name="citation_publication_date" content="2023/08/04">
    </head><body><h1>Learning to Rank Under Distribution Shift</h1></body></html>`;
  const pages = { [HN_URL]: readSharedPage('hackernews_item_ask-hn-best-papers_2023-07.html'), [landing]: landingHtml, [ARXIV_ABS]: readSharedPage('arxiv_abs_2602.11156_2026.html'), [HF_PAPER]: readSharedPage('hf_paper_2509.24002_bs4-prettified.html') };
  const browser = await launch({ build: 'test', pages, colorScheme: theme, viewport: STORE_SIZE, assets: placeholderImage });
  try {
    for (const url of [HF_PAPER, ARXIV_ABS]) await (await browser.open(url)).waitForTimeout(600);
    const tab = await browser.open(landing);
    const page = await openPopupOver(browser, tab);
    await page.emulateMedia({ colorScheme: theme });
    const current = page.getByRole('region', { name: 'This tab’s paper' });
    await current.waitFor();
    await page.bringToFront();
    await page.setViewportSize(POPUP_SIZE);
    await current.getByRole('button', { name: 'Star' }).click();
    await current.getByRole('button', { name: 'Add to queue' }).click();
    await settle(page);
    await page.screenshot({ path: `${DOCS}/popup-current-tab-${theme}.png` });
    await page.getByRole('tab', { name: /History/ }).click();
    await page.locator('.history-entry').nth(1).waitFor();
    await settle(page);
    await page.screenshot({ path: `${DOCS}/popup-history-${theme}.png` });
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1200, height: 900 });
    await options.emulateMedia({ colorScheme: theme });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const panel = options.locator('.options-history');
    await panel.locator('.history-entry').nth(2).waitFor();
    await settle(options);
    await panel.screenshot({ path: `${DOCS}/options-history-${theme}.png` });
    // A Hacker News thread after "Show Shelfmark on this page": controls after each paper's first link.
    const thread = await browser.open(HN_URL);
    const over = await openPopupOver(browser, thread);
    await over.getByRole('button', { name: 'Show Shelfmark on this page' }).click();
    await thread.bringToFront();
    // Every paper's card is marked at once; a root in a line of text goes in as its card comes near.
    await thread.waitForFunction(() => document.querySelectorAll('[data-shelfmark-card]').length === 12);
    await thread.locator('[data-shelfmark-card="arxiv:1804.08959"]').scrollIntoViewIfNeeded();
    await thread.locator('[data-shelfmark-id="arxiv:1804.08959"]').waitFor();
    await thread.evaluate(() => window.scrollBy(0, -200));
    await settle(thread);
    await thread.screenshot({ path: `${DOCS}/generic-hackernews-${theme}.png` });
  } finally {
    await browser.close();
  }
}
const ARXIV_ABS = 'https://arxiv.org/abs/2602.11156';
const HF_PAPER = 'https://huggingface.co/papers/2509.24002';
const HN_URL = 'https://news.ycombinator.com/item?id=36817231';

for (const dir of [DOCS, STORE, WELCOME]) mkdirSync(dir, { recursive: true });
const only = process.env.SHOTS?.split(',');
if (only?.includes('bibtex')) {
  for (const theme of ['light', 'dark'] as const) {
    const browser = await launch({ colorScheme: theme, viewport: STORE_SIZE });
    try {
      await bibtexPreview(browser, theme);
    } finally {
      await browser.close();
    }
  }
}
const arxivHtml = readSharedPage('arxiv_list_cs.CL_recent_2026-07.html').replace(/<\/head>/i, `<style>${ARXIV_CSS}</style></head>`);
for (const theme of only ? [] : (['light', 'dark'] as const)) {
  const browser = await launch({
    pages: { [HF_URL]: await withSiteStyles(readSharedPage('hf_daily_2024-08-01.html'), theme === 'dark'), [ARXIV_URL]: arxivHtml },
    colorScheme: theme,
    viewport: STORE_SIZE,
    assets: placeholderImage,
  });
  try {
    await huggingface(browser, theme);
    if (theme === 'light') await arxiv(browser);
    const popupPicture = await popup(browser, theme);
    await tagsAndLibrary(browser, theme);
    await welcome(browser, theme);
    await bibtexPreview(browser, theme);
    if (theme === 'light') {
      await storePopup(browser, popupPicture);
      await options(browser);
      await promoTile(browser);
    }
    await snapshots(browser, theme);
  } finally {
    await browser.close();
  }
}
for (const spec of SITES.filter((candidate) => !only || only.includes(candidate.name))) {
  for (const theme of spec.themes ?? (['light'] as const)) {
    const html = spec.html.replace(/<\/head>/i, `<style>${spec.css}</style></head>`);
    const browser = await launch({ pages: { [spec.url]: html }, colorScheme: theme, viewport: STORE_SIZE, assets: placeholderImage });
    try {
      await site(browser, spec, theme);
    } finally {
      await browser.close();
    }
  }
}
if (!only || only.includes('anywhere')) for (const theme of ['light', 'dark'] as const) await anywhere(theme);
copyFileSync(resolve(EXTENSION_DIR, 'icons/128.png'), `${STORE}/icon-128.png`);
console.log(`Pictures written to ${DOCS}/, ${STORE}/ and ${WELCOME}/ (rebuild to bundle the first-run pictures)`);
