import { render } from 'preact';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsSettings } from '@/components/options/OptionsSettings';
import { loadSettings, setHideRead } from '@/lib/settings';

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});
// Preact runs effects after a frame or 100 ms; one still pending when jsdom is torn down throws
// "cancelAnimationFrame is not defined" (seen once under load): let it run first.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));

const checkbox = (site: string) =>
  [...root.querySelectorAll('label')].find((label) => label.textContent?.includes(site))!.querySelector('input')!;

describe('options page settings', () => {
  it('shows and changes hiding read papers per site, the setting the listings use', async () => {
    await setHideRead('arxiv', true);
    render(<OptionsSettings />, root);
    // The settings load after the first render (Preact runs effects after a frame, at most 100 ms in jsdom).
    await expect.poll(() => checkbox('arXiv').checked).toBe(true);
    expect(checkbox('Hugging Face').checked).toBe(false);

    checkbox('Hugging Face').click();
    await expect.poll(() => loadSettings()).toEqual({ hideRead: { arxiv: true, huggingface: true }, dimRead: true });
  });

  it('shows and changes dimming read papers on pages', async () => {
    render(<OptionsSettings />, root);
    await expect.poll(() => root.querySelector('fieldset')!.disabled).toBe(false); // the settings are loaded
    expect(checkbox('Dim them').checked).toBe(true);
    checkbox('Dim them').click();
    await expect.poll(() => loadSettings()).toEqual({ hideRead: {}, dimRead: false });
  });

  it('follows a change made elsewhere (the pill on a listing, another tab)', async () => {
    render(<OptionsSettings />, root);
    await expect.poll(() => root.querySelector('fieldset')?.disabled).toBe(false); // loaded
    expect(checkbox('arXiv').checked).toBe(false);
    await setHideRead('arxiv', true);
    await expect.poll(() => checkbox('arXiv').checked).toBe(true);
  });
});
