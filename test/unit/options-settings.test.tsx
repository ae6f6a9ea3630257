import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const checkbox = (site: string) =>
  [...root.querySelectorAll('label')].find((label) => label.textContent?.includes(site))!.querySelector('input')!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('options page settings', () => {
  it('shows and changes hiding read papers per site, the setting the listings use', async () => {
    await setHideRead('arxiv', true);
    render(<OptionsSettings />, root);
    await settle();
    expect(checkbox('arXiv').checked).toBe(true);
    expect(checkbox('Hugging Face').checked).toBe(false);

    checkbox('Hugging Face').click();
    await settle();
    expect(await loadSettings()).toEqual({ hideRead: { arxiv: true, huggingface: true }, dimRead: true });
  });

  it('shows and changes dimming read papers on pages', async () => {
    render(<OptionsSettings />, root);
    await settle();
    expect(checkbox('Dim them').checked).toBe(true);
    checkbox('Dim them').click();
    await settle();
    expect(await loadSettings()).toEqual({ hideRead: {}, dimRead: false });
  });

  it('follows a change made elsewhere (the pill on a listing, another tab)', async () => {
    render(<OptionsSettings />, root);
    await settle();
    expect(checkbox('arXiv').checked).toBe(false);
    await setHideRead('arxiv', true);
    await settle();
    expect(checkbox('arXiv').checked).toBe(true);
  });
});
