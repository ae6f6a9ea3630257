import { describe, expect, it } from 'vitest';
import { Annotator } from '@/lib/content/annotator';
import { dblp } from '@/lib/sites/dblp';
import type { Request } from '@/lib/messages';
import { handleMessage } from '@/lib/background/handle-message';
import type { PaperState } from '@/lib/store/library';
import { EMPTY_STATE, foldRecords, getStates, setNote, setQueued, setRead, setStarred, statesUnderEveryId } from '@/lib/store/library';
import type { PaperRecord } from '@/lib/store/db';
import { viewRecords } from '@/lib/store/views';
import type { PaperRef } from '@/lib/paper';
import { freshDatabase } from '../db-helpers';
import { backgroundSend, EXTRAS_LOADED } from './content-fixture';

/**
 * One paper, several ids: a card that shows an arXiv link beside a DOI and a dblp key is one paper.
 * Whatever id a later card shows it under, it finds the same record; records that turn out to be
 * one paper become one, as sync merges copies (the later change of each state wins), losing no note.
 */

const ARXIV = 'arxiv:2303.14702';
const DOI = 'doi:10.1145/3544548.3581127';
const DBLP = 'dblp:conf/chi/CalefatoQL23';
const SCHOLAR = 'scholar:cXeT3ShOpHEJ';

/** What a card shows of a state (its versions aside, which order states on the page). */
// What a card shows: its flags, note and tags (not the times that order them).
const shown = ({ versions: _versions, tagsAt: _tagsAt, ...flags }: PaperState) => flags;
const shownAll = (states: Record<string, PaperState>) => Object.fromEntries(Object.entries(states).map(([id, state]) => [id, shown(state)]));
const NONE = shown(EMPTY_STATE);
const STARRED = { ...NONE, starred: true };

const card = (id: string, aliases: string[] = [], extra: Partial<PaperRef> = {}): PaperRef => ({
  id,
  title: 'A Lot of Talk and a Badge',
  ...(aliases.length ? { aliases } : {}),
  ...extra,
});

describe('a paper known by several ids', () => {
  it('stores the ids a card showed as aliases, and finds the record under any of them', async () => {
    const db = freshDatabase();
    await setStarred(db, card(ARXIV, [DOI, DBLP]), true, { now: 1000 });
    expect(await db.papers.get(ARXIV)).toMatchObject({ id: ARXIV, aliases: [DOI, DBLP], starredAt: 1000 });

    // A card met later under its DOI alone (a publisher's listing), or its dblp key, is the same paper.
    const states = await getStates(db, [DOI, DBLP, SCHOLAR]);
    expect(shownAll(states)).toEqual({ [DOI]: STARRED, [DBLP]: STARRED, [SCHOLAR]: NONE });

    // Acting on it there changes that one record.
    await setNote(db, card(DOI), 'read the CHI version', { now: 2000 });
    expect(await db.papers.count()).toBe(1);
    expect(await db.papers.get(ARXIV)).toMatchObject({ note: 'read the CHI version', starredAt: 1000 });
  });

  it("finds a stored paper through the card's aliases (the card's own id is new to the library)", async () => {
    const db = freshDatabase();
    await setStarred(db, card(DOI), true, { now: 1000 });
    // A Scholar result shows the arXiv version and the DOI: its id is the arXiv one.
    const states = await getStates(db, [ARXIV], { [ARXIV]: [DOI, SCHOLAR] });
    expect(shown(states[ARXIV]!)).toEqual(STARRED);
    expect(await getStates(db, [ARXIV])).toEqual({ [ARXIV]: EMPTY_STATE });
  });

  it('renames the record to its best id when a card shows one, keeping the old id as an alias', async () => {
    const db = freshDatabase();
    await setStarred(db, card(DOI, [DBLP]), true, { now: 1000 });
    await setQueued(db, card(ARXIV, [DOI]), true, { now: 2000 });
    expect(await db.papers.toCollection().primaryKeys()).toEqual([ARXIV]);
    expect(await db.papers.get(ARXIV)).toMatchObject({ aliases: [DOI, DBLP], starredAt: 1000, queuedAt: 2000 });
    expect((await viewRecords(db, 'queue')).map((record) => record.id)).toEqual([ARXIV]);
  });

  it('makes two stored records one when a card shows both their ids, and loses nothing of either', async () => {
    const db = freshDatabase();
    await setStarred(db, card(ARXIV, [], { authors: ['Fabio Calefato'] }), true, { now: 1000 });
    await setNote(db, card(ARXIV), 'arXiv version: see §4', { now: 1100 });
    await setQueued(db, card(DOI, [], { venue: 'CHI 2023' }), true, { now: 1200 });
    await setRead(db, card(DBLP), true, { now: 1250 });
    await setNote(db, card(DOI), 'published version: new experiments', { now: 1300 });
    expect(await db.papers.count()).toBe(3);

    // Before anyone acts, a card showing all three ids shows them together: the later note, and
    // out of the queue (marked read after it was queued: a paper read leaves the queue).
    const before = await getStates(db, [ARXIV], { [ARXIV]: [DOI, DBLP] });
    expect(shown(before[ARXIV]!)).toEqual({ starred: true, read: true, queued: false, note: 'published version: new experiments', tags: [] });

    await setStarred(db, card(ARXIV, [DOI, DBLP]), true, { now: 2000 });
    const all = await db.papers.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: ARXIV,
      aliases: [DOI, DBLP],
      authors: ['Fabio Calefato'],
      venue: 'CHI 2023',
      starredAt: 1000,
      readAt: 1250,
      note: 'published version: new experiments',
      createdAt: 1000,
    });
    // The other note is kept under the paper (the options page shows it), with when it was written.
    expect(all[0]!.keptNotes).toEqual([{ text: 'arXiv version: see §4', written: { at: 1100, by: expect.any(String) } }]);
    expect(all[0]!.changedAt.note).toBe(1300);
    expect(all[0]).not.toHaveProperty('queuePos');
    expect(shownAll(await getStates(db, [DOI, DBLP]))).toEqual({ [DOI]: shown(before[ARXIV]!), [DBLP]: shown(before[ARXIV]!) });

    // For sync: the folded records' changes wait under the paper's id, their own rows are gone.
    const outbox = await db.outbox.toArray();
    expect(new Set(outbox.map((row) => row.id))).toEqual(new Set([ARXIV]));
    expect(outbox.map((row) => row.kind).sort()).toEqual(['aliases', 'kept', 'meta', 'note', 'queue', 'read', 'star']);
  });

  it('never renames a record to a worse id', async () => {
    const db = freshDatabase();
    await setStarred(db, card(ARXIV), true, { now: 1000 });
    await setRead(db, card(SCHOLAR, [ARXIV]), true, { now: 2000 });
    expect(await db.papers.get(ARXIV)).toMatchObject({ aliases: [SCHOLAR], readAt: 2000, starredAt: 1000 });
    expect(await db.papers.get(SCHOLAR)).toBeUndefined();
  });

  it('folds records of one paper to the same record in any order: each state by its later change, a same note once', () => {
    const base = { title: 'T', authors: [], links: {}, note: 'same', createdAt: 5, updatedAt: 5, changedAt: {}, words: [] };
    const records: PaperRecord[] = [
      { ...base, id: DOI, starredAt: 30, changedAt: { star: 30, note: 7 }, changedBy: { star: 'b', note: 'b' } },
      { ...base, id: ARXIV, createdAt: 1, changedAt: { star: 40, note: 9 }, changedBy: { star: 'a', note: 'a' } },
      { ...base, id: DBLP, note: 'other', changedAt: { note: 3 }, changedBy: { note: 'c' } },
    ];
    const folded = foldRecords(records);
    expect(folded).toMatchObject({ id: ARXIV, aliases: [DOI, DBLP], note: 'same', createdAt: 1, keptNotes: [{ text: 'other', written: { at: 3, by: 'c' } }] });
    // Unstarred on the arXiv record after it was starred on the DOI one: not starred.
    expect(folded.starredAt).toBeUndefined();
    for (const order of [[2, 1, 0], [1, 0, 2], [0, 2, 1]]) expect(foldRecords(order.map((i) => records[i]!))).toEqual(folded);
  });

  it('tells pages under every id of the paper, so a card showing any of them follows', async () => {
    const db = freshDatabase();
    await setStarred(db, card(ARXIV, [DOI, DBLP]), true, { now: 1000 });
    expect(shownAll(await statesUnderEveryId(db, [DBLP, 'doi:10.1000/unknown']))).toEqual({
      [ARXIV]: STARRED,
      [DOI]: STARRED,
      [DBLP]: STARRED,
      'doi:10.1000/unknown': NONE,
    });

    const told: Record<string, PaperState>[] = [];
    const answer = await handleMessage(db, { type: 'act', paper: card(DOI), action: { kind: 'read', value: true } }, (states) => {
      told.push(states);
    });
    expect(answer).toMatchObject({ ok: true, data: { ...STARRED, read: true } });
    expect(Object.keys(told[0]!).sort()).toEqual([ARXIV, DBLP, DOI].sort());
  });

  it('the background answers a page that names its cards\u2019 aliases, and refuses malformed ones', async () => {
    const db = freshDatabase();
    await setStarred(db, card(DOI), true);
    const answer = await handleMessage(db, { type: 'getStates', ids: [ARXIV], aliases: { [ARXIV]: [DOI] } }, () => {});
    expect(answer).toMatchObject({ ok: true, data: { [ARXIV]: STARRED } });
    for (const aliases of [{ [ARXIV]: ['not an id'] }, { 'not an id': [DOI] }, { [ARXIV]: Array(17).fill(DOI) }]) {
      expect(await handleMessage(db, { type: 'getStates', ids: [ARXIV], aliases }, () => {})).toMatchObject({ ok: false });
    }
  });
});

describe('a page whose cards show several ids', () => {
  const ENTRY = `<ul class="publ-list"><li class="entry article" id="journals/chi/CalefatoQL23"><nav class="publ"><ul><li class="drop-down"><div class="body"><ul>
    <li class="ee"><a href="https://doi.org/10.1145/3544548.3581127">electronic edition via DOI</a></li>
    <li class="ee"><a href="https://arxiv.org/abs/2303.14702">electronic edition @ arxiv.org</a></li></ul></div></li></ul></nav>
    <cite class="data"><span itemprop="author"><span itemprop="name">Fabio Calefato</span></span>: <span class="title">A Lot of Talk and a Badge.</span></cite></li></ul>`;

  it('asks for the states under the cards’ aliases too, and follows a change pushed under an alias', async () => {
    const db = freshDatabase();
    await setStarred(db, card(DOI), true);
    document.body.innerHTML = ENTRY;
    const sent: Request[] = [];
    const controller = new AbortController();
    const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: [dblp], location: () => 'https://dblp.org/pid/48/5662.html', send: backgroundSend(db, sent), signal: controller.signal });
    try {
      annotator.start();
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(sent).toEqual([{ type: 'getStates', ids: [ARXIV], aliases: { [ARXIV]: [DOI, 'dblp:journals/chi/CalefatoQL23'] } }]);
      expect(annotator.stateOf(ARXIV).starred).toBe(true);

      // Another tab unstars the paper, known there by its DOI: told under every id of the paper
      // (as the background tells open tabs), this card follows.
      await setStarred(db, card(DOI), false);
      const told = await statesUnderEveryId(db, [DOI]);
      annotator.applyStates({ [DOI]: told[DOI]! });
      expect(annotator.stateOf(ARXIV).starred).toBe(false);
    } finally {
      controller.abort();
      document.body.innerHTML = '';
    }
  });
});
