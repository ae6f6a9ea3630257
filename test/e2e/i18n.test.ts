import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillMessage } from '../../lib/i18n';
import { BUNDLED_MESSAGES, bundleFor, readCatalogues } from '../../modules/content-messages';
import { control, dockControl, EXTENSION_DIR, launch, pressed, readSharedPage, type Browser } from './harness';

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
    await expect.poll(() => popup.getByRole('tab').allTextContents()).toEqual(['阅读队列0', '星标0', '笔记0', '已读0', '全部0', '历史记录0']);
    expect(await popup.getByRole('searchbox', { name: '搜索标题、作者和笔记' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: '文献库' }).count()).toBe(1);
    expect(await popup.getByText('阅读队列是空的').count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await popup.title()).toBe('Shelfmark');
  });

  it('stays in English in an English browser', async () => {
    browser = await launch({ uiLanguage: 'en-US' });
    const popup = await browser.openPopup();
    await expect.poll(() => popup.getByRole('tab').allTextContents()).toEqual(['Queue0', 'Starred0', 'Notes0', 'Read0', 'All0', 'History0']);
    expect(await popup.getByRole('searchbox', { name: 'Search titles, authors and notes' }).count()).toBe(1);
  });
});

describe('the card controls in the browser’s language', () => {
  const HF_URL = 'https://huggingface.co/papers?date=2024-08-01';
  const LLAMA = 'arxiv:2407.21783';

  it('are named, and explain themselves, in Chinese: the content script reads the same catalogue', async () => {
    browser = await launch({ uiLanguage: 'zh-CN', pages: { [HF_URL]: readSharedPage('hf_daily_2024-08-01.html') } });
    const page = await browser.open(HF_URL, 13);
    for (const name of ['星标', '标为已读', '加入阅读队列', '笔记']) expect(await control(page, LLAMA, name).present(), name).toBe(true);
    await control(page, LLAMA, '星标').click();
    await expect.poll(() => pressed(page, LLAMA, '星标')).toBe('true');
    // The tooltip of the control under the mouse: what a click does now, and its key.
    const tip = () =>
      control(page, LLAMA, '星标').evaluate((button) => {
        const element = (button.getRootNode() as ShadowRoot).querySelector<HTMLElement>('.tip');
        return element?.matches(':popover-open') ? element.textContent : null;
      });
    const star = await control(page, LLAMA, '星标').box();
    await page.mouse.move(5, 5); // a click hides the tooltip until the mouse comes back
    await page.mouse.move(star.x + star.width / 2, star.y + star.height / 2);
    await expect.poll(tip).toBe('取消星标S');
    expect(await dockControl(page, '隐藏已读论文').present()).toBe(true);
    expect(await dockControl(page, '键盘快捷键').present()).toBe(true);
  });

  it('tags in Chinese: the card’s Tag control, its field (the full-width comma separates), the popup’s tag filter and chips, the Tags list', async () => {
    browser = await launch({ uiLanguage: 'zh-CN', pages: { [HF_URL]: readSharedPage('hf_daily_2024-08-01.html') } });
    const page = await browser.open(HF_URL, 13);
    const tag = control(page, LLAMA, '标签');
    await tag.click();
    await expect.poll(() => tag.pressed()).toBe('true');
    expect(await control(page, LLAMA, '添加标签', { role: 'combobox' }).present()).toBe(true);
    await page.keyboard.type('大模型，阅读小组');
    await page.keyboard.press('Enter');
    await expect.poll(() => tag.description()).toBe('标签：大模型，阅读小组');
    expect(await control(page, LLAMA, '移除标签“阅读小组”').present()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tag.pressed()).toBe('false');

    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: /全部/ }).click();
    const filter = popup.getByRole('combobox', { name: '按标签筛选' });
    await expect.poll(() => filter.locator('option').allTextContents()).toEqual(['标签…', '大模型（1）', '阅读小组（1）']);
    const row = popup.locator(`li[data-paper-id="${LLAMA}"]`);
    expect(await row.getByRole('button', { name: '标签', exact: true }).count()).toBe(1);
    expect(await row.getByRole('list', { name: '标签' }).getByRole('button').allTextContents()).toEqual(['大模型', '阅读小组']);
    await filter.selectOption('大模型');
    await expect.poll(() => popup.getByRole('button', { name: '不再按标签“大模型”筛选' }).count()).toBe(1);
    await popup.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const tags = options.getByRole('region', { name: '标签' });
    await expect.poll(() => tags.getByRole('button', { name: '大模型：显示它的 1 篇论文' }).count()).toBe(1);
    expect(await tags.getByRole('button', { name: '重命名标签“阅读小组”' }).count()).toBe(1);
    expect(await tags.getByRole('button', { name: '删除标签“阅读小组”' }).count()).toBe(1);
  });
});

describe('the content scripts’ own copy of the messages (modules/content-messages.ts: the browser’s catalogue costs a page 6–8 ms to load)', () => {
  const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const catalogues = readCatalogues(ROOT);
  const keys = Object.keys(catalogues.en!);

  for (const [uiLanguage, language] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh_CN'],
  ] as const) {
    it(`say what the browser’s catalogue says, every message, placeholders filled (${uiLanguage})`, async () => {
      browser = await launch({ uiLanguage });
      const popup = await browser.openPopup();
      const values = ['«one»', '«two»', '«three»'];
      const fromBrowser = await popup.evaluate(({ keys, values }) => keys.map((key) => (globalThis as unknown as { chrome: { i18n: { getMessage(key: string, values: string[]): string } } }).chrome.i18n.getMessage(key, values)), { keys, values });
      const bundled = bundleFor(catalogues, keys)[language]!;
      expect(keys.map((key) => fillMessage(bundled[key]!, values))).toEqual(fromBrowser);
    });
  }

  it('every built content script carries the messages it names, once, in every language', () => {
    const dir = join(EXTENSION_DIR, 'content-scripts');
    const scripts = readdirSync(dir).filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    const count = (text: string, part: string) => text.split(part).length - 1;
    for (const file of scripts) expect(count(readFileSync(join(dir, file), 'utf8'), `var ${BUNDLED_MESSAGES}=`), file).toBe(1);
    // The extras run in the same world as a page's content script: theirs, under their own name, leave its own in place.
    const extras = readFileSync(join(EXTENSION_DIR, 'content-extras.js'), 'utf8');
    expect(count(extras, `var ${BUNDLED_MESSAGES}extras=`)).toBe(1);
    expect(count(extras, `var ${BUNDLED_MESSAGES}=`)).toBe(0);
    expect(extras).toContain(JSON.stringify({ cardNotePlaceholder: catalogues.zh_CN!.cardNotePlaceholder!.message }).slice(1, -1));
    const arxiv = readFileSync(join(dir, 'arxiv.js'), 'utf8');
    for (const language of Object.keys(catalogues)) {
      // Each language's messages are JSON text in the script: a message is there once.
      const entry = JSON.stringify({ controlMarkRead: catalogues[language]!.controlMarkRead!.message }).slice(1, -1);
      expect(count(arxiv, entry), language).toBe(1);
    }
  });
});
