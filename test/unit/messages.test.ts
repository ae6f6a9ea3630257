import { describe, expect, it, vi } from 'vitest';
import { handleMessage } from '@/lib/background/handle-message';
import { freshDatabase } from '../db-helpers';

const paper = { id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of Models' };

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
    ['huge title', { type: 'act', paper: { ...paper, title: 'x'.repeat(5000) }, action: { kind: 'star', value: true } }],
    ['javascript: link', { type: 'act', paper: { ...paper, links: { abs: 'javascript:alert(1)' } }, action: { kind: 'star', value: true } }],
    ['seen on an unknown site', { type: 'act', paper, action: { kind: 'star', value: true }, seen: { site: 'evil', url: 'https://x.y' } }],
    ['too many ids', { type: 'getStates', ids: Array.from({ length: 10_001 }, () => 'arxiv:2407.21783') }],
    ['ids not strings', { type: 'getStates', ids: [1, 2] }],
  ])('rejects a malformed message (%s) and changes nothing', async (_name, message) => {
    const db = freshDatabase();
    const onChange = vi.fn();
    const response = await handleMessage(db, message, onChange);
    expect(response.ok).toBe(false);
    expect(response.ok ? '' : response.error).toMatch(/^Invalid message/);
    expect(onChange).not.toHaveBeenCalled();
    expect(await db.papers.count()).toBe(0);
  });
});
