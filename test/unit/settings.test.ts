import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, parseSettings, SETTINGS_KEY, setHideRead, watchSettings, type Settings } from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('reads what is stored, and falls back to the defaults for anything malformed, field by field', () => {
    expect(parseSettings(undefined)).toEqual({ hideRead: {} });
    expect(parseSettings('yes')).toEqual({ hideRead: {} });
    expect(parseSettings({ hideRead: [true] })).toEqual({ hideRead: {} });
    expect(parseSettings({ hideRead: { huggingface: true, arxiv: 'yes', evil: true } })).toEqual({ hideRead: { huggingface: true } });
    expect(parseSettings({ hideRead: { arxiv: false }, unknown: 1 })).toEqual({ hideRead: { arxiv: false } });
  });

  it('remembers hiding read papers per site', async () => {
    expect(await loadSettings()).toEqual({ hideRead: {} });
    await setHideRead('huggingface', true);
    await setHideRead('arxiv', false);
    expect(await loadSettings()).toEqual({ hideRead: { huggingface: true, arxiv: false } });
    await setHideRead('huggingface', false);
    expect((await loadSettings()).hideRead.huggingface).toBe(false);
  });

  it('survives a broken stored value: the defaults are used and the next change repairs it', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { hideRead: 'corrupt' } });
    expect(await loadSettings()).toEqual({ hideRead: {} });
    await setHideRead('arxiv', true);
    expect((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ hideRead: { arxiv: true } });
  });

  it('tells every listener when the settings change, until its signal is aborted', async () => {
    const seen: Settings[] = [];
    const controller = new AbortController();
    watchSettings((settings) => seen.push(settings), controller.signal);
    await setHideRead('huggingface', true);
    await browser.storage.local.set({ unrelated: 1 });
    expect(seen).toEqual([{ hideRead: { huggingface: true } }]);
    controller.abort();
    await setHideRead('huggingface', false);
    expect(seen).toHaveLength(1);
  });
});
