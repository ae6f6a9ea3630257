import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { PaperRecord } from '@/lib/store/db';
import { setNote, setStarred } from '@/lib/store/library';
import { openSnapshots, type SnapshotsDB } from '@/lib/store/snapshots';
import { freshDatabase, paperRef } from '../db-helpers';
import { record } from './export-fixtures';

let root: HTMLElement | undefined;
const opened: SnapshotsDB[] = [];
afterEach(async () => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
  for (const snapshots of opened.splice(0)) await snapshots.delete();
});

/** A library of `count` papers, the most recently changed the highest numbered; every third about zebras. */
async function library(count: number) {
  const db = freshDatabase();
  const papers: PaperRecord[] = Array.from({ length: count }, (_, i) =>
    record({ id: paperRef(i + 1).id, title: `${i % 3 === 0 ? 'Zebra' : 'Horse'} study ${i + 1}`, createdAt: i, updatedAt: i }),
  );
  await db.papers.bulkAdd(papers);
  const snapshots = openSnapshots(`options-library-${Math.random()}`);
  opened.push(snapshots);
  root = document.createElement('div');
  document.body.append(root);
  render(<OptionsApp db={db} snapshots={snapshots} />, root);
  return db;
}

const titles = () => [...root!.querySelectorAll('.library-row .library-title')].map((title) => title.textContent);
const count = () => root!.querySelector('.library-count')?.textContent;
const more = () => root!.querySelector<HTMLButtonElement>('.library-more');
const filter = (text: string) => {
  const input = root!.querySelector<HTMLInputElement>('.library-filter')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('the options page library, a page of records at a time', () => {
  it('lists the most recently changed first, fifty at a time, with the count of the whole library', async () => {
    await library(120);
    await vi.waitFor(() => expect(titles()).toHaveLength(50));
    expect(titles()[0]).toBe('Horse study 120');
    await vi.waitFor(() => expect(count()).toBe('120 papers'));
    expect(more()?.textContent).toBe('Show 50 more of 70');
    more()!.click();
    await vi.waitFor(() => expect(titles()).toHaveLength(100));
    expect(more()?.textContent).toBe('Show 20 more of 20');
    more()!.click();
    await vi.waitFor(() => expect(titles()).toHaveLength(120));
    expect(more()).toBeNull();
    expect(titles()[119]).toBe('Zebra study 1');
  });

  it('filters through the search index, pages the matches, and follows changes', async () => {
    const db = await library(250);
    await vi.waitFor(() => expect(titles()).toHaveLength(50));
    filter('zebra');
    await vi.waitFor(() => expect(count()).toBe('84 of 250 papers match'));
    expect(titles()).toHaveLength(50);
    expect(titles().every((title) => title?.startsWith('Zebra'))).toBe(true);
    more()!.click();
    await vi.waitFor(() => expect(titles()).toHaveLength(84));
    expect(more()).toBeNull();
    filter(' -- '); // no words: the whole library
    await vi.waitFor(() => expect(count()).toBe('250 papers'));
    filter('2401.0025'); // a part of an arXiv id
    await vi.waitFor(() => expect(titles()).toEqual(['Zebra study 250']));

    // A note written elsewhere makes a paper match; it moves to the top (most recently changed).
    filter('stripes');
    await vi.waitFor(() => expect(root!.querySelector('.library-empty')?.textContent).toBe('No papers match “stripes”.'));
    await setNote(db, paperRef(2).id, 'Stripes, not spots', { now: 1_000 });
    await vi.waitFor(() => expect(titles()).toEqual(['Horse study 2']));
    await setStarred(db, paperRef(300, { title: 'Stripes everywhere' }), true, { now: 2_000 });
    await vi.waitFor(() => expect(titles()).toEqual(['Stripes everywhere', 'Horse study 2']));
    await vi.waitFor(() => expect(count()).toBe('2 of 251 papers match'));
  });
});
