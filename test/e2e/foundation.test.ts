import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { control, cardIds, launch, readSharedPage, waitForCards } from './harness';

const DAILY_URL = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = 'arxiv:2407.21783';

describe('star a paper on a real Hugging Face page and find it in the popup', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'shelfmark-foundation-'));
  const pages = { [DAILY_URL]: readSharedPage('hf_daily_2024-08-01.html') };
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('annotates, stars, survives reload and restart, and lists the paper in the popup', async () => {
    let browser = await launch({ profileDir, pages });
    try {
      const page = await browser.open(DAILY_URL, 13);
      const ids = await cardIds(page);
      expect(ids).toHaveLength(13);
      expect(new Set(ids).size).toBe(13);
      expect(ids[0]).toBe(LLAMA);
      expect(ids).toContain('arxiv:2404.01300');

      const star = control(page, LLAMA, 'Star');
      await expect.poll(() => star.pressed()).toBe('false');
      await star.click();
      await expect.poll(() => star.pressed()).toBe('true');
      // Only that paper changed.
      await expect.poll(() => control(page, 'arxiv:2407.21705', 'Star').pressed()).toBe('false');

      await page.reload();
      await waitForCards(page, 13);
      await expect.poll(() => control(page, LLAMA, 'Star').pressed()).toBe('true');

      const popup = await browser.openPopup();
      await popup.getByRole('tab', { name: /Starred/ }).click();
      await expect.poll(() => popup.getByRole('link', { name: 'The Llama 3 Herd of Models' }).count()).toBe(1);
      // The title opens the arXiv abstract; the row also links the paper's Hugging Face page.
      expect(await popup.getByRole('link', { name: 'The Llama 3 Herd of Models' }).getAttribute('href')).toBe(
        'https://arxiv.org/abs/2407.21783',
      );
      expect(await popup.getByRole('link', { name: 'Hugging Face page' }).getAttribute('href')).toBe(
        'https://huggingface.co/papers/2407.21783',
      );
    } finally {
      await browser.close();
    }

    // A new browser on the same profile: the star is still there, on the page and in the popup.
    browser = await launch({ profileDir, pages });
    try {
      const page = await browser.open(DAILY_URL, 13);
      await expect.poll(() => control(page, LLAMA, 'Star').pressed()).toBe('true');
      const popup = await browser.openPopup();
      await popup.getByRole('tab', { name: /Starred/ }).click();
      await expect.poll(() => popup.getByRole('link', { name: 'The Llama 3 Herd of Models' }).count()).toBe(1);

      // Unstar: the popup empties and tells a new user what to do.
      await control(page, LLAMA, 'Star').click();
      await expect.poll(() => control(page, LLAMA, 'Star').pressed()).toBe('false');
      await expect.poll(() => popup.getByText('No starred papers yet').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
