import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlePageRequest, isPageRequest } from '@/lib/background/page-scripts';

/** The extensions API the background uses, recorded (the fake browser has no scripting). */
const scripting = { executeScript: vi.fn(async () => []), insertCSS: vi.fn(async () => undefined), removeCSS: vi.fn(async () => undefined) };
const tab = (url: string, id = 7) => ({ tab: { id, url } as never, frameId: 0, url: 'https://huggingface.co/models' });

beforeEach(() => {
  Object.assign(fakeBrowser, { scripting });
});
afterEach(() => {
  vi.clearAllMocks();
});

describe('the page requests the background answers', () => {
  it('injects the content script of the site the tab is on, where it may hold papers (the tab\'s URL: in-page navigation)', async () => {
    expect(isPageRequest({ type: 'loadContent' })).toBe(true);
    expect(await handlePageRequest({ type: 'loadContent' }, tab('https://huggingface.co/papers/date/2026-09-28'))).toEqual({ ok: true, data: null });
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/content-scripts/huggingface.js'] });
    expect(scripting.insertCSS).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/content-scripts/huggingface.css'] });
  });

  it('injects nothing where no paper can be', async () => {
    const answer = await handlePageRequest({ type: 'loadContent' }, tab('https://huggingface.co/meta-llama'));
    expect(answer).toMatchObject({ ok: false, code: 'invalid' });
    expect(scripting.executeScript).not.toHaveBeenCalled();
  });

  it('puts the read papers\' styles in the sender\'s frame only, and takes the older ones out', async () => {
    const answer = await handlePageRequest({ type: 'pageStyle', insert: 'a { opacity: 0.5 }', remove: ['old'] }, tab('https://arxiv.org/list/cs.CL/recent', 3));
    expect(answer).toEqual({ ok: true, data: null });
    expect(scripting.insertCSS).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [0] }, css: 'a { opacity: 0.5 }', origin: 'AUTHOR' });
    expect(scripting.removeCSS).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [0] }, css: 'old', origin: 'AUTHOR' });
  });

  it('refuses what is malformed or comes from no tab, and says so in plain words', async () => {
    for (const [message, sender] of [
      [{ type: 'pageStyle', insert: 5, remove: [] }, tab('https://arxiv.org/abs/1')],
      [{ type: 'pageStyle', insert: '', remove: Array(20).fill('x') }, tab('https://arxiv.org/abs/1')],
      [{ type: 'loadContent' }, { url: 'https://arxiv.org/abs/1' }],
    ] as const) {
      expect(await handlePageRequest(message, sender as never)).toEqual({ ok: false, error: 'Shelfmark did not understand this request.', code: 'invalid' });
    }
    scripting.insertCSS.mockRejectedValueOnce(new Error('Cannot access contents of the page. Extension manifest must request permission'));
    expect(await handlePageRequest({ type: 'pageStyle', insert: 'x', remove: [] }, tab('https://arxiv.org/abs/1'))).toEqual({
      ok: false,
      error: 'Shelfmark could not update this page.',
      code: 'failed',
    });
  });
});
