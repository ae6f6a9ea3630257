/**
 * README screenshots, taken with the end-to-end tooling: the built extension in Chromium on the
 * real saved pages, restyled offline (scripts/site-styles.ts). Run: npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import { control, launch, readSharedPage } from '../test/e2e/harness';
import { withSiteStyles } from './site-styles';

const OUT = 'docs/screenshots';
const HF_URL = 'https://huggingface.co/papers?date=2024-08-01';

/** Paper thumbnails and avatars are on Hugging Face's CDN, out of reach offline: a neutral placeholder stands in. */
function placeholderImage(url: string) {
  if (!/\.(png|jpe?g|svg|webp)(\?|$)/i.test(url)) return undefined;
  const body = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#eef2ff"/><stop offset="1" stop-color="#f3f4f6"/></linearGradient></defs><rect width="640" height="360" fill="url(#g)"/><g fill="#d1d5db"><rect x="48" y="48" width="360" height="22" rx="4"/><rect x="48" y="90" width="540" height="12" rx="3"/><rect x="48" y="112" width="520" height="12" rx="3"/><rect x="48" y="134" width="480" height="12" rx="3"/><rect x="48" y="180" width="250" height="130" rx="6"/><rect x="330" y="180" width="260" height="12" rx="3"/><rect x="330" y="202" width="240" height="12" rx="3"/></g></svg>`;
  return { body, contentType: 'image/svg+xml' };
}

async function huggingface(theme: 'light' | 'dark') {
  const html = await withSiteStyles(readSharedPage('hf_daily_2024-08-01.html'), theme === 'dark');
  const browser = await launch({ pages: { [HF_URL]: html }, colorScheme: theme, viewport: { width: 1280, height: 860 }, assets: placeholderImage });
  try {
    const page = await browser.open(HF_URL, 13);
    await control(page, 'arxiv:2407.21783', 'Star').click();
    await control(page, 'arxiv:2407.21705', 'Add to queue').click();
    await control(page, 'arxiv:2407.21770', 'Mark read').click();
    await page.waitForTimeout(300);
    await page.locator('article').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -40));
    await page.screenshot({ path: `${OUT}/huggingface-${theme}.png` });

    const popup = await browser.openPopup();
    await popup.setViewportSize({ width: 400, height: 560 });
    await popup.emulateMedia({ colorScheme: theme });
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: `${OUT}/popup-${theme}.png` });
  } finally {
    await browser.close();
  }
}

mkdirSync(OUT, { recursive: true });
for (const theme of ['light', 'dark'] as const) await huggingface(theme);
console.log(`Screenshots written to ${OUT}/`);
