import { afterEach, describe, expect, it } from 'vitest';
import { launch, type Browser } from './harness';

/** The extension in Chinese: a browser whose UI language is Chinese gets the zh_CN catalogue (issue 15). */

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('the popup in the browser’s language', () => {
  it('names its controls in Chinese in a Chinese browser, with the page’s language set for its fonts', async () => {
    browser = await launch({ uiLanguage: 'zh-CN' });
    const popup = await browser.openPopup();
    await expect.poll(() => popup.getByRole('tab').allTextContents()).toEqual(['阅读队列0', '星标0', '笔记0', '已读0', '全部0']);
    expect(await popup.getByRole('searchbox', { name: '搜索标题、作者和笔记' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: '文献库' }).count()).toBe(1);
    expect(await popup.getByText('阅读队列是空的').count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await popup.title()).toBe('Shelfmark');
  });

  it('stays in English in an English browser', async () => {
    browser = await launch({ uiLanguage: 'en-US' });
    const popup = await browser.openPopup();
    await expect.poll(() => popup.getByRole('tab').allTextContents()).toEqual(['Queue0', 'Starred0', 'Notes0', 'Read0', 'All0']);
    expect(await popup.getByRole('searchbox', { name: 'Search titles, authors and notes' }).count()).toBe(1);
  });
});
