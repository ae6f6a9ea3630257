import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, parseSettings, SETTINGS_KEY, setDimRead, setHideRead, watchSettings, type Settings } from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('reads what is stored, and falls back to the defaults for anything malformed, field by field', () => {
    expect(parseSettings(undefined)).toEqual({ hideRead: {}, dimRead: true });
    expect(parseSettings('yes')).toEqual({ hideRead: {}, dimRead: true });
    expect(parseSettings({ hideRead: [true] })).toEqual({ hideRead: {}, dimRead: true });
    expect(parseSettings({ hideRead: { huggingface: true, arxiv: 'yes', evil: true } })).toEqual({ hideRead: { huggingface: true }, dimRead: true });
    expect(parseSettings({ hideRead: { arxiv: false }, unknown: 1 })).toEqual({ hideRead: { arxiv: false }, dimRead: true });
    expect(parseSettings({ dimRead: false })).toEqual({ hideRead: {}, dimRead: false });
    expect(parseSettings({ dimRead: 'no', hideRead: { arxiv: true } })).toEqual({ hideRead: { arxiv: true }, dimRead: true });
  });

  it('remembers hiding read papers per site', async () => {
    expect(await loadSettings()).toEqual({ hideRead: {}, dimRead: true });
    await setHideRead('huggingface', true);
    await setHideRead('arxiv', false);
    expect(await loadSettings()).toEqual({ hideRead: { huggingface: true, arxiv: false }, dimRead: true });
    await setHideRead('huggingface', false);
    expect((await loadSettings()).hideRead.huggingface).toBe(false);
  });

  it('remembers whether read papers are dimmed, apart from hiding them', async () => {
    await setHideRead('arxiv', true);
    await setDimRead(false);
    expect(await loadSettings()).toEqual({ hideRead: { arxiv: true }, dimRead: false });
    await setDimRead(true);
    expect((await loadSettings()).dimRead).toBe(true);
  });

  it('survives a broken stored value: the defaults are used and the next change repairs it', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { hideRead: 'corrupt' } });
    expect(await loadSettings()).toEqual({ hideRead: {}, dimRead: true });
    await setHideRead('arxiv', true);
    expect((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ hideRead: { arxiv: true }, dimRead: true });
  });

  it('tells every listener when the settings change, until its signal is aborted', async () => {
    const seen: Settings[] = [];
    const controller = new AbortController();
    watchSettings((settings) => seen.push(settings), controller.signal);
    await setHideRead('huggingface', true);
    await browser.storage.local.set({ unrelated: 1 });
    expect(seen).toEqual([{ hideRead: { huggingface: true }, dimRead: true }]);
    controller.abort();
    await setHideRead('huggingface', false);
    expect(seen).toHaveLength(1);
  });
});
