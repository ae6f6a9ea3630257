/**
 * README screenshots, taken with the end-to-end tooling: the built extension in Chromium on the
 * real saved pages, restyled offline (scripts/site-styles.ts). Run: npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { cardIds, control, launch, readSharedPage, type Browser } from '../test/e2e/harness';
import { ARXIV_CSS, withSiteStyles } from './site-styles';

const OUT = 'docs/screenshots';
const HF_URL = 'https://huggingface.co/papers?date=2024-08-01';
const ARXIV_URL = 'https://arxiv.org/list/cs.CL/recent';

/** Paper thumbnails and avatars are on Hugging Face's CDN, out of reach offline: a neutral placeholder stands in. */
function placeholderImage(url: string) {
  if (!/\.(png|jpe?g|svg|webp)(\?|$)/i.test(url)) return undefined;
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#eef2ff"/><stop offset="1" stop-color="#f3f4f6"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/><g fill="#d1d5db"><rect x="48" y="48" width="360" height="22" rx="4"/><rect x="48" y="90" width="540" height="12" rx="3"/><rect x="48" y="112" width="520" height="12" rx="3"/><rect x="48" y="134" width="480" height="12" rx="3"/><rect x="48" y="180" width="250" height="130" rx="6"/><rect x="330" y="180" width="260" height="12" rx="3"/><rect x="330" y="202" width="240" height="12" rx="3"/></g></svg>`;
  return { body, contentType: 'image/svg+xml' };
}

async function press(page: Page, id: string, name: string) {
  await control(page, id, name).click();
}

/** A morning's triage on the Hugging Face daily page: starred, queued, read, a note being written. */
async function huggingface(browser: Browser, theme: 'light' | 'dark') {
  const page = await browser.open(HF_URL, 13);
  await press(page, 'arxiv:2407.21783', 'Star');
  await press(page, 'arxiv:2407.21783', 'Add to queue');
  await press(page, 'arxiv:2407.21705', 'Add to queue');
  await press(page, 'arxiv:2407.21770', 'Mark read');
  await press(page, 'arxiv:2407.21705', 'Note');
  await page.keyboard.type('Trajectory conditioning via a 3D VAE: compare with MotionCtrl. Check the ablation in §4.3.');
  await page.mouse.move(5, 5); // a read card is subdued unless hovered
  await page.evaluate(() => window.scrollTo(0, 150));
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/huggingface-${theme}.png` });
  await page.keyboard.press('Escape');
  await page.close();
}

async function popup(browser: Browser, theme: 'light' | 'dark') {
  const page = await browser.openPopup();
  await page.setViewportSize({ width: 400, height: 560 });
  await page.emulateMedia({ colorScheme: theme });
  await page.getByRole('tab', { name: /Queue/ }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/popup-${theme}.png` });
  await page.close();
}

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
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.evaluate(() => window.scrollTo(0, 250));
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/arxiv-light.png` });
  await page.close();
}

async function options(browser: Browser) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('.library-row').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/options-light.png` });
  await page.close();
}

mkdirSync(OUT, { recursive: true });
const arxivHtml = readSharedPage('arxiv_list_cs.CL_recent_2026-07.html').replace(/<\/head>/i, `<style>${ARXIV_CSS}</style></head>`);
for (const theme of ['light', 'dark'] as const) {
  const browser = await launch({
    pages: { [HF_URL]: await withSiteStyles(readSharedPage('hf_daily_2024-08-01.html'), theme === 'dark'), [ARXIV_URL]: arxivHtml },
    colorScheme: theme,
    viewport: { width: 1280, height: 860 },
    assets: placeholderImage,
  });
  try {
    await huggingface(browser, theme);
    if (theme === 'light') await arxiv(browser);
    await popup(browser, theme);
    if (theme === 'light') await options(browser);
  } finally {
    await browser.close();
  }
}
console.log(`Screenshots written to ${OUT}/`);
