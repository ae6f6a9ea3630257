// @vitest-environment-options {"url": "https://huggingface.co/meta-llama/Llama-3.1-8B"}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startRouter } from '@/lib/content/router';

/*
 * The router (lib/content/router.ts) on a Hugging Face model page: the site's content script is asked
 * for once a link may name a paper, or once an in-page navigation reaches a page of papers. The page
 * does not see it; the extension's API is touched only to ask.
 */

const asked: unknown[] = [];
let navigation: EventTarget;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    asked.push(message);
    return Promise.resolve(undefined);
  });
  navigation = new EventTarget();
  Object.assign(globalThis, { navigation });
  document.body.innerHTML = '<a href="/meta-llama">meta-llama</a> <a href="https://github.com/meta-llama">code</a>';
  history.replaceState(null, '', '/meta-llama/Llama-3.1-8B');
});

afterEach(() => {
  asked.length = 0;
  delete (globalThis as { navigation?: EventTarget }).navigation;
});

const navigate = async (path: string) => {
  history.pushState(null, '', path);
  navigation.dispatchEvent(new Event('navigatesuccess'));
  await Promise.resolve();
};

describe('the router', () => {
  it('asks for nothing on a page that links no paper, then for the content script once an in-page navigation reaches the papers', async () => {
    startRouter();
    await Promise.resolve();
    expect(asked).toEqual([]);
    await navigate('/meta-llama/Llama-3.1-70B');
    expect(asked).toEqual([]);
    await navigate('/papers/2407.21783');
    await expect.poll(() => asked).toEqual([{ type: 'loadContent' }]);
  });

  it('asks at once on a page that links a paper', async () => {
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2407.21783">The Llama 3 Herd of Models</a>');
    startRouter();
    await expect.poll(() => asked).toEqual([{ type: 'loadContent' }]);
  });

  it('left in the page by an extension updated or removed since, it asks nothing and stops listening', async () => {
    const id = fakeBrowser.runtime.id;
    Object.assign(fakeBrowser.runtime, { id: undefined });
    try {
      startRouter();
      await navigate('/papers/2407.21783');
    } finally {
      Object.assign(fakeBrowser.runtime, { id });
    }
    // Stopped: the same extension back (a reload) would not be asked by this copy.
    await navigate('/papers/2407.21705');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);
  });
});
