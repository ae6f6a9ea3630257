import { afterEach } from 'vitest';
import { openDatabase, type ShelfmarkDB } from '@/lib/store/db';
import type { PaperRef } from '@/lib/paper';

let counter = 0;
const opened: ShelfmarkDB[] = [];

/** A fresh, empty database on fake-indexeddb, deleted after the test. */
export function freshDatabase(): ShelfmarkDB {
  const db = openDatabase(`shelfmark-test-${++counter}-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

export function paperRef(n: number, extra: Partial<PaperRef> = {}): PaperRef {
  const id = `2401.${String(n).padStart(5, '0')}`;
  return { id: `arxiv:${id}`, title: `Paper number ${n}`, ...extra };
}
