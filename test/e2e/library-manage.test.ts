import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIds, control, launch, readSharedPage, type Browser } from './harness';

/*
 * Tags and a library that can be managed, in the built extension: the popup (tag by keyboard,
 * filter by tag, export a tag, remove and undo, the queue's undo and waiting time) and the options
 * page (sort, select by click, Shift+click and keyboard, act on the selection, the Tags list).
 */

const DAILY_URL = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = { id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of Models' };
const TORA = { id: 'arxiv:2407.21705', title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation' };
const MOMA = { id: 'arxiv:2407.21770', title: 'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts' };
const SHIELD = { id: 'arxiv:2407.21772', title: 'ShieldGemma: Generative AI Content Moderation Based on Gemma' };
const SCREENSHOTS = process.env.SHELFMARK_SCREENSHOTS; // a folder to save screenshots in, when set

const row = (page: Page, id: string) => page.locator(`li[data-paper-id="${id}"]`);

async function titles(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (rows) =>
    rows
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((el) => el.querySelector('.paper-title, .library-title')?.textContent ?? ''),
  );
}
const popupTitles = (popup: Page) => titles(popup, '#paper-list li[data-paper-id]');
const libraryTitles = (options: Page) => titles(options, '.library-list li[data-paper-id]');

async function press(page: Page, id: string, name: string) {
  const button = control(page, id, name);
  await button.click();
  await expect.poll(() => button.pressed()).toBe('true');
}

async function openPopup(browser: Browser): Promise<Page> {
  const popup = await browser.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  return popup;
}

async function openOptions(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

async function badgeText(browser: Browser): Promise<string> {
  const worker = await browser.background();
  return worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } };
    return chrome.action.getBadgeText({});
  });
}

describe('tags and a managed library, in the built extension', () => {
  let browser: Browser;
  let listing: Page;

  beforeAll(async () => {
    browser = await launch({ pages: { [DAILY_URL]: readSharedPage('hf_daily_2024-08-01.html') } });
    listing = await browser.open(DAILY_URL, 13);
  });
  afterAll(() => browser?.close());

  it('popup: tags a paper with the keyboard (completion from the library), filters by the tag, exports it as BibTeX', async () => {
    for (const paper of [LLAMA, TORA, MOMA]) await press(listing, paper.id, 'Add to queue');
    await press(listing, SHIELD.id, 'Mark read');
    const popup = await openPopup(browser);
    await expect.poll(() => popupTitles(popup)).toEqual([LLAMA.title, TORA.title, MOMA.title]);
    // How long each has waited, and the badge counts the unread queue.
    expect(await row(popup, LLAMA.id).locator('.waited').textContent()).toBe('added today');
    await expect.poll(() => badgeText(browser)).toBe('3');

    // g on the first paper opens its tag field; two tags at once, comma-separated.
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('g');
    const field = popup.getByRole('combobox', { name: `Add tags to ${LLAMA.title}` });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.type('LLM, reading group');
    await field.press('Enter');
    await expect.poll(() => row(popup, LLAMA.id).getByRole('button', { name: 'Remove tag LLM' }).count()).toBe(1);
    await field.press('Escape');
    await expect.poll(() => row(popup, LLAMA.id).locator('.tag-chip').allTextContents()).toEqual(['LLM', 'reading group']);

    // The second paper: typed in another case, it joins the tag as the library writes it.
    await popup.keyboard.press('j');
    await popup.keyboard.press('g');
    const second = popup.getByRole('combobox', { name: `Add tags to ${TORA.title}` });
    // The field completes from the library's tags.
    const list = await second.getAttribute('list');
    await expect.poll(() => popup.locator(`#${list} option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['LLM', 'reading group']);
    await second.type('llm');
    await second.press('Enter');
    await second.press('Escape');
    await expect.poll(() => row(popup, TORA.id).locator('.tag-chip').allTextContents()).toEqual(['LLM']);

    // Filter by tag (the menu, with counts): papers having all the tags chosen.
    const filter = popup.getByRole('combobox', { name: 'Filter by tag' });
    // The menu's counts are read from the library after the write is stored: wait for them.
    await expect.poll(() => filter.locator('option').allTextContents()).toEqual(['Tags…', 'LLM (2)', 'reading group (1)']);
    await filter.selectOption('LLM');
    await expect.poll(() => popup.getByRole('searchbox').inputValue()).toBe('tag:LLM');
    await expect.poll(() => popupTitles(popup)).toEqual([LLAMA.title, TORA.title]);
    await filter.selectOption('reading group');
    await expect.poll(() => popupTitles(popup)).toEqual([LLAMA.title]);
    // Words and tags together; a chip takes a tag off the filter.
    await popup.getByRole('button', { name: 'Stop filtering by tag reading group' }).click();
    await popup.getByRole('searchbox').fill('tag:llm trajectory');
    await expect.poll(() => popupTitles(popup)).toEqual([TORA.title]);
    await popup.getByRole('searchbox').fill('');

    // Export that tag as BibTeX: its papers, their keywords.
    await popup.getByRole('button', { name: 'Export' }).click();
    const form = popup.getByRole('form', { name: 'Export papers' });
    await form.getByLabel('Papers').selectOption('tag');
    await form.getByRole('combobox', { name: 'Tag to export' }).selectOption({ label: 'LLM (2)' });
    const [file] = await Promise.all([popup.waitForEvent('download'), form.getByRole('button', { name: 'Download' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^shelfmark-tag-llm-\d{4}-\d{2}-\d{2}\.bib$/);
    const entries = parseBibtex(readFileSync((await file.path())!, 'utf8')).entries;
    expect(entries.map((entry) => [entry.fields.eprint, entry.fields.keywords])).toEqual(
      expect.arrayContaining([['2407.21783', ['LLM', 'reading group']], ['2407.21705', ['LLM']]]),
    );
    expect(entries).toHaveLength(2);
    if (SCREENSHOTS) await popup.screenshot({ path: `${SCREENSHOTS}/popup-tags-light.png` });
    await popup.close();
  });

  it('popup: removes a paper with Delete and brings it back with Undo; taking one off the queue undoes to its place', async () => {
    const popup = await openPopup(browser);
    await expect.poll(() => popupTitles(popup)).toEqual([LLAMA.title, TORA.title, MOMA.title]);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('j'); // Tora
    await popup.keyboard.press('Delete');
    await expect.poll(() => popupTitles(popup)).toEqual([LLAMA.title, MOMA.title]);
    await expect.poll(() => control(listing, TORA.id, 'Add to queue').pressed()).toBe('false');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toMatch(/^Removed from the library/);
    await popup.getByRole('button', { name: 'Undo (u)' }).click();
    await expect.poll(() => popupTitles(popup)).toEqual([LLAMA.title, TORA.title, MOMA.title]);
    await expect.poll(() => control(listing, TORA.id, 'Add to queue').pressed()).toBe('true');
    // Its tag came back with it.
    await expect.poll(() => row(popup, TORA.id).locator('.tag-chip').allTextContents()).toEqual(['LLM']);

    // x takes the first paper off the queue; u puts it back first.
    await popup.locator('#paper-list li[data-index="0"]').focus();
    await popup.keyboard.press('x');
    await expect.poll(() => popupTitles(popup)).toEqual([TORA.title, MOMA.title]);
    await expect.poll(() => badgeText(browser)).toBe('2');
    await popup.keyboard.press('u');
    await expect.poll(() => popupTitles(popup)).toEqual([LLAMA.title, TORA.title, MOMA.title]);
    await expect.poll(() => badgeText(browser)).toBe('3');
    await popup.close();
  });

  it('a read paper put in the queue is unread again; marking read takes it out', async () => {
    expect(await control(listing, SHIELD.id, 'Mark read').pressed()).toBe('true');
    await press(listing, SHIELD.id, 'Add to queue');
    await expect.poll(() => control(listing, SHIELD.id, 'Mark read').pressed()).toBe('false');
    await expect.poll(() => badgeText(browser)).toBe('4');
    await press(listing, SHIELD.id, 'Mark read');
    await expect.poll(() => control(listing, SHIELD.id, 'Add to queue').pressed()).toBe('false');
    await expect.poll(() => badgeText(browser)).toBe('3');
  });

  it('library: sorts, selects by click, Shift+click and keyboard, acts on the selection, and removes with Undo', async () => {
    const options = await openOptions(browser);
    await expect.poll(() => options.locator('.library-list li[data-paper-id]').count()).toBe(4);
    await options.getByRole('combobox', { name: 'Sort' }).selectOption('title');
    await expect.poll(() => libraryTitles(options)).toEqual([MOMA.title, SHIELD.title, LLAMA.title, TORA.title]);

    // Click the first, Shift+click the third: three selected.
    await options.getByRole('checkbox', { name: `Select ${MOMA.title}` }).click();
    await options.getByRole('checkbox', { name: `Select ${LLAMA.title}` }).click({ modifiers: ['Shift'] });
    const bar = options.getByRole('toolbar', { name: '3 papers selected' });
    await expect.poll(() => bar.count()).toBe(1);
    await bar.getByRole('button', { name: 'Star', exact: true }).click();
    await expect.poll(() => options.locator('.library-list .badge.starred').count()).toBe(3);
    await expect.poll(() => control(listing, SHIELD.id, 'Star').pressed()).toBe('true');
    // Tag the selection.
    await bar.getByRole('button', { name: 'Tag…' }).click();
    const tagField = options.getByRole('combobox', { name: 'Add tags to the 3 papers selected' });
    await tagField.type('to cite');
    await tagField.press('Enter');
    await expect.poll(() => options.locator('.tags-list li').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^to cite3/)]));
    await tagField.press('Escape');

    // The keyboard: Esc clears, ↓ moves, x selects, Shift+↓ extends.
    await options.keyboard.press('Escape');
    await expect.poll(() => options.getByRole('toolbar').count()).toBe(0);
    await options.getByRole('checkbox', { name: `Select ${SHIELD.title}` }).focus();
    await options.keyboard.press('x');
    await options.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => options.getByRole('toolbar', { name: '2 papers selected' }).count()).toBe(1);
    if (SCREENSHOTS) await options.screenshot({ path: `${SCREENSHOTS}/options-library-light.png` });
    // Delete removes the selection; Undo brings both back.
    await options.keyboard.press('Delete');
    await expect.poll(() => libraryTitles(options)).toEqual([MOMA.title, TORA.title]);
    await expect.poll(() => control(listing, LLAMA.id, 'Star').pressed()).toBe('false');
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => libraryTitles(options)).toEqual([MOMA.title, SHIELD.title, LLAMA.title, TORA.title]);
    await expect.poll(() => control(listing, LLAMA.id, 'Star').pressed()).toBe('true');
    await options.close();
  });

  it('library: the Tags list renames, merges and deletes a tag on every paper', async () => {
    const options = await openOptions(browser);
    const tags = options.getByRole('region', { name: 'Tags' });
    await expect.poll(() => tags.locator('.tags-list .tag-chip').allTextContents()).toEqual(['LLM', 'reading group', 'to cite']);
    // Rename "reading group" to "llm": it merges into LLM (its name kept).
    await tags.getByRole('button', { name: 'Rename tag reading group' }).click();
    const name = tags.getByRole('combobox', { name: /New name for tag reading group/ });
    await name.fill('llm');
    await tags.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => tags.locator('.tags-list li').allTextContents()).toEqual([expect.stringMatching(/^LLM2/), expect.stringMatching(/^to cite3/)]);
    // Rename changes the case too.
    await tags.getByRole('button', { name: 'Rename tag to cite' }).click();
    await tags.getByRole('combobox', { name: /New name for tag to cite/ }).fill('To cite');
    await tags.getByRole('combobox', { name: /New name for tag to cite/ }).press('Enter');
    await expect.poll(() => tags.locator('.tags-list .tag-chip').allTextContents()).toEqual(['LLM', 'To cite']);
    // A tag's papers, from the list.
    await tags.getByRole('button', { name: 'LLM: show its 2 papers' }).click();
    await expect.poll(() => libraryTitles(options)).toEqual(expect.arrayContaining([LLAMA.title, TORA.title]));
    await expect.poll(() => options.locator('.library-list li[data-paper-id]').count()).toBe(2);
    if (SCREENSHOTS) await options.screenshot({ path: `${SCREENSHOTS}/options-tags-light.png` });
    // Delete asks first, then takes it off every paper; the papers stay.
    await tags.getByRole('button', { name: 'Delete tag To cite' }).click();
    await tags.getByRole('button', { name: 'Delete tag', exact: true }).click();
    await expect.poll(() => tags.locator('.tags-list .tag-chip').allTextContents()).toEqual(['LLM']);
    await options.getByRole('searchbox', { name: 'Filter the library' }).fill('');
    await expect.poll(() => options.locator('.library-list li[data-paper-id]').count()).toBe(4);
    await options.close();
  });

  it('a card: t opens its tag field, Enter tags the paper, the card shows its tags (the Llama keeps its LLM); the popup filters by them', async () => {
    // A fresh tab of the listing: its keyboard cursor starts before the first card.
    const listing = await browser.open(DAILY_URL, 13);
    const first = (await cardIds(listing))[0]!;
    await listing.locator('body').click({ position: { x: 5, y: 400 } });
    await listing.keyboard.press('j');
    const starred = await control(listing, first, 'Star').pressed();
    await listing.keyboard.press('t');
    const tag = control(listing, first, 'Tag');
    await expect.poll(() => tag.pressed()).toBe('true');
    // Letters typed in the field are the field's: none of them acts on the card.
    await listing.keyboard.type('Agents, s q r');
    await listing.keyboard.press('Enter');
    await listing.keyboard.press('Escape');
    await expect.poll(() => tag.pressed()).toBe('false');
    // The card's tags settle when the background has answered both tags (on a loaded machine, a
    // second or more; until then the card shows the tags it last heard of, a deleted one included).
    const settled = { timeout: 10_000 };
    await expect.poll(() => tag.description(), settled).toBe('Tags: Agents, LLM, s q r');
    expect(await control(listing, first, 'Star').pressed()).toBe(starred); // the s typed in the field starred nothing
    // Taken off again from the field's chip.
    await tag.click();
    await control(listing, first, 'Remove tag s q r').click();
    await expect.poll(() => tag.description(), settled).toBe('Tags: Agents, LLM');
    await listing.keyboard.press('Escape');
    await listing.close();

    const popup = await openPopup(browser);
    await popup.getByRole('tab', { name: /All/ }).click();
    await popup.getByRole('combobox', { name: 'Filter by tag' }).selectOption('Agents');
    await expect.poll(() => popup.locator('#paper-list li[data-paper-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-paper-id')))).toEqual([first]);
    await popup.close();
  });
});
