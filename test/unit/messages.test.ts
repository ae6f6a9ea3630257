import { describe, expect, it, vi } from 'vitest';
import { handleMessage } from '@/lib/background/handle-message';
import { messageSource, type MessageSource } from '@/lib/background/sender';
import { CAPS } from '@/lib/limits';
import { freshDatabase } from '../db-helpers';

const paper = { id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of Models' };
const EXTENSION_URL = 'chrome-extension://abcdefghijklmnop/';

describe('background message handling', () => {
  it('stars a paper and announces the change', async () => {
    const db = freshDatabase();
    const onChange = vi.fn();
    const response = await handleMessage(db, { type: 'act', paper, action: { kind: 'star', value: true } }, onChange);
    expect(response).toMatchObject({ ok: true, data: { starred: true, read: false, queued: false, note: '' } });
    expect(onChange).toHaveBeenCalledWith({ 'arxiv:2407.21783': expect.objectContaining({ starred: true, read: false, queued: false, note: '' }) });
    expect(await db.papers.count()).toBe(1);
  });

  it('answers the states of many papers in one message', async () => {
    const db = freshDatabase();
    await handleMessage(db, { type: 'act', paper, action: { kind: 'queue', value: true } }, () => {});
    const response = await handleMessage(db, { type: 'getStates', ids: ['arxiv:2407.21783', 'arxiv:2407.21705'] }, () => {});
    expect(response).toMatchObject({
      ok: true,
      data: {
        'arxiv:2407.21783': { starred: false, read: false, queued: true, note: '' },
        'arxiv:2407.21705': { starred: false, read: false, queued: false, note: '' },
      },
    });
  });

  it.each([
    ['not an object', 'star everything'],
    ['null', null],
    ['no type', { paper, action: { kind: 'star', value: true } }],
    ['unknown type', { type: 'deleteAll' }],
    ['unknown action', { type: 'act', paper, action: { kind: 'delete' } }],
    ['toggle instead of a wanted state', { type: 'act', paper, action: { kind: 'star' } }],
    ['value of the wrong type', { type: 'act', paper, action: { kind: 'star', value: 'yes' } }],
    ['id with a version', { type: 'act', paper: { ...paper, id: 'arxiv:2407.21783v2' }, action: { kind: 'star', value: true } }],
    ['id without scheme', { type: 'act', paper: { ...paper, id: '2407.21783' }, action: { kind: 'star', value: true } }],
    ['empty title', { type: 'act', paper: { ...paper, title: '   ' }, action: { kind: 'star', value: true } }],
    ['a title of invisible characters', { type: 'act', paper: { ...paper, title: '\u202E\u200B\u2066' }, action: { kind: 'star', value: true } }],
    ['a note longer than any typed', { type: 'act', paper, action: { kind: 'note', text: 'n'.repeat(200_001) } }],
    ['a 6 MB title', { type: 'act', paper: { ...paper, title: 'x'.repeat(6_000_000) }, action: { kind: 'star', value: true } }],
    ['500,003 authors', { type: 'act', paper: { ...paper, authors: Array.from({ length: 500_003 }, (_, i) => `A${i}`) }, action: { kind: 'star', value: true } }],
    ['javascript: link', { type: 'act', paper: { ...paper, links: { abs: 'javascript:alert(1)' } }, action: { kind: 'star', value: true } }],
    ['seen on an unknown site', { type: 'act', paper, action: { kind: 'star', value: true }, seen: { site: 'evil', url: 'https://x.y' } }],
    ['too many ids', { type: 'getStates', ids: Array.from({ length: 501 }, () => 'arxiv:2407.21783') }],
    ['ids not strings', { type: 'getStates', ids: [1, 2] }],
  ])('rejects a malformed message (%s) and changes nothing', async (_name, message) => {
    const db = freshDatabase();
    const onChange = vi.fn();
    const response = await handleMessage(db, message, onChange);
    expect(response.ok).toBe(false);
    expect(response).toMatchObject({ ok: false, code: 'invalid', error: expect.stringMatching(/^Invalid message: /) });
    expect(onChange).not.toHaveBeenCalled();
    expect(await db.papers.count()).toBe(0);
  });

  it('clips a card over the caps instead of refusing the click, and strips invisible characters', async () => {
    const db = freshDatabase();
    const card = {
      ...paper,
      title: `\u202EThe Llama 3\u200B Herd of Models ${'x'.repeat(5_000)}`,
      authors: Array.from({ length: 3_000 }, (_, i) => `Author\u2066 ${i}`),
      abstract: 'a'.repeat(50_000),
    };
    const response = await handleMessage(db, { type: 'act', paper: card, action: { kind: 'star', value: true } }, () => {});
    expect(response).toMatchObject({ ok: true, data: { starred: true } });
    const record = (await db.papers.get(paper.id))!;
    expect(record.title.startsWith('The Llama 3 Herd of Models xxx')).toBe(true);
    expect(record.title).toHaveLength(CAPS.title);
    expect(record.authors.slice(0, 2)).toEqual(['Author 0', 'Author 1']);
    expect(record.authors).toHaveLength(CAPS.authors);
    expect(record.authorCount).toBe(3_000);
    expect(record.abstract).toHaveLength(CAPS.abstract);
  });
});

describe('where a message comes from', () => {
  const act = (extra: object = {}) => ({ type: 'act', paper, action: { kind: 'star', value: true }, ...extra });
  const tab = (url: string, tabId = 7): MessageSource => messageSource({ url, tab: { id: tabId, url } }, EXTENSION_URL);

  it('tells extension pages from content scripts by the sender the browser gives', () => {
    expect(messageSource({ url: `${EXTENSION_URL}popup.html` }, EXTENSION_URL)).toEqual({ kind: 'extension' });
    expect(messageSource({ url: `${EXTENSION_URL}options.html`, tab: { id: 3 } }, EXTENSION_URL)).toEqual({ kind: 'extension' });
    expect(tab('https://arxiv.org/list/cs.CL/new#item3')).toEqual({
      kind: 'page',
      tabId: 7,
      site: 'arxiv.org',
      seen: { site: 'arxiv', url: 'https://arxiv.org/list/cs.CL/new' },
    });
    expect(tab('https://evil.example/papers')).toEqual({ kind: 'page', tabId: 7, site: 'evil.example', seen: undefined });
  });

  it('stores where the paper was seen from the sender’s tab, not the page’s claim', async () => {
    const db = freshDatabase();
    const claim = { seen: { site: 'arxiv', url: 'https://evil.example/phish' } };
    await handleMessage(db, act(claim), () => {}, { source: tab('https://huggingface.co/papers?date=2024-08-01') });
    expect((await db.papers.get(paper.id))?.seen).toMatchObject({ site: 'huggingface', url: 'https://huggingface.co/papers?date=2024-08-01' });
    // From an extension page, or a tab Shelfmark does not serve, no page is recorded at all.
    const other = freshDatabase();
    await handleMessage(other, act(claim), () => {});
    await handleMessage(other, act(claim), () => {}, { source: tab('https://evil.example/') });
    expect((await other.papers.get(paper.id))?.seen).toBeUndefined();
  });

  it('keeps only links that lead to the paper itself', async () => {
    const db = freshDatabase();
    const links = {
      abs: 'https://evil.example/abs/2407.21783',
      pdf: 'https://arxiv.org/pdf/2407.21783v2',
      html: 'https://arxiv.org/html/2407.21705v1',
      huggingface: 'https://huggingface.co/papers/2407.21783',
    };
    await handleMessage(db, act({ paper: { ...paper, links } }), () => {}, { source: tab('https://huggingface.co/papers') });
    expect((await db.papers.get(paper.id))?.links).toEqual({ pdf: links.pdf, huggingface: links.huggingface });
  });

  it('paces a tab’s state requests, not an extension page’s', async () => {
    const db = freshDatabase();
    const pace = vi.fn(async () => {});
    const ids = ['arxiv:2407.21783', 'arxiv:2407.21705'];
    await handleMessage(db, { type: 'getStates', ids }, () => {}, { source: tab('https://arxiv.org/list/cs.CL/new', 4), pace });
    expect(pace).toHaveBeenCalledWith(4, 2);
    await handleMessage(db, { type: 'getStates', ids }, () => {}, { pace });
    expect(pace).toHaveBeenCalledTimes(1);
  });

  it('refuses a change notice from a page: only extension pages announce', async () => {
    const onChange = vi.fn();
    const response = await handleMessage(freshDatabase(), { type: 'changed', ids: [paper.id] }, onChange, { source: tab('https://arxiv.org/') });
    expect(response).toMatchObject({ ok: false, code: 'invalid' });
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('failures in plain words', () => {
  it.each([
    ['storage full', Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('quota', 'QuotaExceededError') }), 'quota', /^Not saved: the storage your browser gives Shelfmark is full\. Free some disk space/],
    ['database closed', Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }), 'unavailable', /^Not saved: Shelfmark’s storage could not be opened\. Reload the page/],
    ['anything else', new TypeError('x is undefined'), 'failed', /^Not saved: something went wrong\. Try again/],
  ])('answers %s with what to do, never the raw error', async (_name, error, code, words) => {
    const db = freshDatabase();
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(error);
    const response = await handleMessage(db, { type: 'act', paper, action: { kind: 'star', value: true } }, () => {});
    expect(response).toEqual({ ok: false, code, error: expect.stringMatching(words) });
    expect(response.ok ? '' : response.error).not.toContain((error as Error).message);
  });

  it('a write that landed is not reported as failed when telling the tabs fails', async () => {
    const response = await handleMessage(freshDatabase(), { type: 'act', paper, action: { kind: 'star', value: true } }, () => {
      throw new Error('no receiving end');
    });
    expect(response).toMatchObject({ ok: true, data: { starred: true } });
  });
});
