import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DB_VERSION, type PaperRecord } from '@/lib/store/db';
import { notifyChanged } from '@/lib/ui/extension-actions';
import { forgetQueueHead, HEAD_ROWS, keepQueueHead, readQueueHead } from '@/lib/ui/queue-head';

const record = (n: number, extra: Partial<PaperRecord> = {}): PaperRecord => ({
  id: `arxiv:2401.${String(n).padStart(5, '0')}`,
  title: `Paper ${n}`,
  authors: ['Ada Lovelace'],
  links: {},
  note: '',
  changedAt: {},
  queuePos: n,
  createdAt: n,
  updatedAt: n,
  words: ['paper', String(n)],
  ...extra,
});

afterEach(() => localStorage.clear());

describe('the queue head the popup keeps (lib/ui/queue-head.ts)', () => {
  it('keeps the first rows without abstracts and search words, and reads them back', () => {
    const rows = Array.from({ length: HEAD_ROWS + 5 }, (_, i) => record(i + 1, { abstract: 'A long abstract '.repeat(100) }));
    keepQueueHead({ rows, total: 900 });
    const head = readQueueHead();
    expect(head?.total).toBe(900);
    expect(head?.rows.map((row) => row.id)).toEqual(rows.slice(0, HEAD_ROWS).map((row) => row.id));
    expect(head?.rows[0]).toEqual({ ...rows[0], abstract: undefined, words: [] });
    expect(localStorage.getItem('shelfmark:queue-head')).not.toContain('A long abstract');
  });

  it('an empty queue keeps nothing, and forgets what was kept', () => {
    keepQueueHead({ rows: [record(1)], total: 1 });
    keepQueueHead({ rows: [], total: 0 });
    expect(readQueueHead()).toBeUndefined();
    expect(localStorage.getItem('shelfmark:queue-head')).toBeNull();
  });

  it('reads nothing from broken JSON, another schema version or a wrong shape', () => {
    for (const stored of [
      '{"rows": [',
      JSON.stringify({ version: DB_VERSION - 1, rows: [record(1)], total: 1 }),
      JSON.stringify({ version: DB_VERSION, rows: 'not rows', total: 1 }),
      JSON.stringify({ version: DB_VERSION, rows: [record(1)] }),
      'null',
    ]) {
      localStorage.setItem('shelfmark:queue-head', stored);
      expect(readQueueHead(), stored).toBeUndefined();
    }
  });

  it('storage that refuses the write (full) keeps nothing and does not throw', () => {
    keepQueueHead({ rows: [record(1)], total: 1 });
    const full = {
      getItem: (key: string) => localStorage.getItem(key),
      removeItem: (key: string) => localStorage.removeItem(key),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => keepQueueHead({ rows: [record(2)], total: 1 }, full)).not.toThrow();
    expect(readQueueHead()).toBeUndefined();
  });

  it('a change told by an extension page forgets it; forgetting twice is harmless', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: null }));
    keepQueueHead({ rows: [record(1)], total: 1 });
    await notifyChanged(['arxiv:2401.00001']);
    expect(readQueueHead()).toBeUndefined();
    forgetQueueHead();
    expect(readQueueHead()).toBeUndefined();
  });
});
