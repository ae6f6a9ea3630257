import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Stamp } from '@/lib/store/db';
import { mergeVersions, touchMetadata, type MergedVersion, type Paper, type PaperVersion } from '@/lib/store/merge';
import { nextTime } from '@/lib/store/clock';
import { compareIds, MAX_ALIASES } from '@/lib/paper';

/*
 * The merge shared by sync and backup import (lib/store/merge.ts): per-group last writer wins by
 * (changedAt, deviceId), metadata field by field, tombstones. Commutative, associative and
 * idempotent with the device tie rule: proven with generated histories below.
 */

const ID = 'arxiv:2401.00001';
/** One paper's ids on the sites that show it: copies may know any of them (aliases). */
const IDS = [ID, 'acl:2024.acl-long.1', 'doi:10.18653/x', 'doi:10.1145/y', 'openreview:AbCdEfGh1', 'dblp:conf/acl/X24', 'scholar:cXeT3ShOpHEJ'];

function paper(fields: Partial<Paper> = {}): Paper {
  return { id: ID, title: 'A paper', authors: [], links: {}, note: '', createdAt: 1, updatedAt: 1, changedAt: {}, ...fields };
}

/** The merged version without the report (what is stored). */
const result = ({ paper: merged, deleted, live }: MergedVersion) => ({ paper: merged, deleted, live });

describe('merge: last writer wins per group', () => {
  it('takes each group from the copy with the larger (changedAt, deviceId)', () => {
    const a = paper({ starredAt: 10, changedAt: { star: 10, note: 30 }, changedBy: { star: 'aaa', note: 'aaa' }, note: 'from a', noteUpdatedAt: 30 });
    const b = paper({ readAt: 20, changedAt: { star: 20, read: 20, note: 30 }, changedBy: { star: 'bbb', read: 'bbb', note: 'bbb' }, note: 'from b', noteUpdatedAt: 30 });
    const { paper: merged, report } = mergeVersions({ paper: a }, { paper: b });
    expect(merged).toMatchObject({ readAt: 20, note: 'from b', changedAt: { star: 20, read: 20, note: 30 } });
    expect(merged).not.toHaveProperty('starredAt'); // unstarred on b, after a starred it
    // Same time on both: the larger device id wins, on every device alike.
    expect(mergeVersions({ paper: b }, { paper: a }).paper!.note).toBe('from b');
    expect(report.fromSecond.sort()).toEqual(['note', 'read', 'star']);
  });

  it('backup import keeps the local (first) copy on equal times, whatever the device ids', () => {
    const local = paper({ note: 'local', changedAt: { note: 30 }, changedBy: { note: 'aaa' } });
    const backup = paper({ note: 'backup', changedAt: { note: 30 }, changedBy: { note: 'zzz' } });
    expect(mergeVersions({ paper: local }, { paper: backup }, 'first').paper!.note).toBe('local');
    expect(mergeVersions({ paper: local }, { paper: backup }, 'device').paper!.note).toBe('backup');
  });

  it('merges metadata field by field: each from the copy that set it last, a blank never replacing a value', () => {
    const a = paper({ title: 'Title seen on arXiv', abstract: 'The abstract', links: { abs: 'https://arxiv.org/abs/2401.00001' }, changedAt: { meta: 10 } });
    const b = paper({ title: 'Title seen later on HF', authors: ['B. Author'], links: { huggingface: 'https://huggingface.co/papers/2401.00001' }, changedAt: { meta: 20 } });
    const { paper: merged } = mergeVersions({ paper: a }, { paper: b });
    expect(merged).toMatchObject({
      title: 'Title seen later on HF',
      abstract: 'The abstract',
      authors: ['B. Author'],
      links: { abs: 'https://arxiv.org/abs/2401.00001', huggingface: 'https://huggingface.co/papers/2401.00001' },
      changedAt: { meta: 20 },
      metaAt: { abstract: 10, 'links.abs': 10 },
    });
  });

  it('a local metadata change keeps the older fields’ own times', () => {
    const record = paper({ title: 'Old', abstract: 'Kept', changedAt: { meta: 10 } });
    touchMetadata(record, ['title'], { at: 20, by: 'aaa' });
    expect(record).toMatchObject({ changedAt: { meta: 20 }, changedBy: { meta: 'aaa' }, metaAt: { abstract: 10 } });
    expect(record.metaAt).not.toHaveProperty('title');
  });

  it('reports a note that lost to another, with what the winner’s writer had seen', () => {
    const a = paper({ note: 'mine', changedAt: { note: 10 }, changedBy: { note: 'aaa' } });
    const b = paper({ note: 'theirs', changedAt: { note: 20 }, changedBy: { note: 'bbb' }, noteBase: { at: 5, by: 'aaa' } });
    expect(mergeVersions({ paper: a }, { paper: b }).report.lostNote).toEqual({
      side: 'first',
      text: 'mine',
      written: { at: 10, by: 'aaa' },
      winnerBase: { at: 5, by: 'aaa' },
    });
    // The same text on both sides, or an empty loser, is no loss.
    expect(mergeVersions({ paper: a }, { paper: { ...b, note: 'mine' } }).report.lostNote).toBeUndefined();
    expect(mergeVersions({ paper: { ...a, note: '' } }, { paper: b }).report.lostNote).toBeUndefined();
  });
});

describe('merge: tags, one by one', () => {
  const tag = (name: string, at: number, by: string, removed = false) => (removed ? { name, at, by, removed: true as const } : { name, at, by });

  it('a tag added on one device and another removed on a second: both changes kept', () => {
    const base = [tag('LLM', 10, 'aaa'), tag('agents', 10, 'aaa')];
    const laptop = paper({ tags: [...base, tag('RL', 20, 'aaa')] }); // added RL
    const desktop = paper({ tags: [base[0]!, tag('agents', 21, 'bbb', true)] }); // took agents off
    for (const [first, second] of [[laptop, desktop], [desktop, laptop]] as const) {
      const { paper: merged } = mergeVersions({ paper: first }, { paper: second });
      expect(merged!.tags).toEqual([tag('agents', 21, 'bbb', true), tag('LLM', 10, 'aaa'), tag('RL', 20, 'aaa')]);
    }
  });

  it('the later change of one tag wins, whatever its case; backup import keeps the local entry on a tie', () => {
    const a = paper({ tags: [tag('llm', 10, 'aaa')] });
    const b = paper({ tags: [tag('LLM', 12, 'bbb', true)] });
    expect(mergeVersions({ paper: a }, { paper: b }).paper!.tags).toEqual([tag('LLM', 12, 'bbb', true)]);
    const c = paper({ tags: [tag('Llm', 10, 'zzz')] });
    expect(mergeVersions({ paper: a }, { paper: c }, 'first').paper!.tags).toEqual([tag('llm', 10, 'aaa')]);
  });

  it('a removal clears tags put on before it; a tag changed after it brings the paper back', () => {
    const tagged = paper({ tags: [tag('LLM', 10, 'aaa'), tag('agents', 30, 'ccc')] });
    const merged = mergeVersions({ paper: tagged }, { deleted: { at: 20, by: 'bbb' } });
    expect(merged.live).toBe(true);
    expect(merged.paper!.tags).toEqual([tag('agents', 30, 'ccc')]);
    const gone = mergeVersions({ paper: paper({ tags: [tag('LLM', 10, 'aaa')] }) }, { deleted: { at: 20, by: 'bbb' } });
    expect(gone.live).toBe(false);
    expect(gone.paper).not.toHaveProperty('tags');
  });
});

describe('merge: a paper known by several ids', () => {
  it('keeps every id of both copies, named by the best: arXiv, ACL, DOI, OpenReview, then the sites\u2019 own', () => {
    const a = paper({ id: 'doi:10.1145/y', aliases: ['dblp:conf/acl/X24'], starredAt: 10, changedAt: { star: 10 }, changedBy: { star: 'aaa' } });
    const b = paper({ id: 'scholar:cXeT3ShOpHEJ', aliases: ['acl:2024.acl-long.1'], note: 'b', changedAt: { note: 20 }, changedBy: { note: 'bbb' } });
    const { paper: merged } = mergeVersions({ paper: a }, { paper: b });
    expect(merged).toMatchObject({ id: 'acl:2024.acl-long.1', aliases: ['doi:10.1145/y', 'dblp:conf/acl/X24', 'scholar:cXeT3ShOpHEJ'], starredAt: 10, note: 'b' });
    // Two ids of one scheme: the smaller names it, on every device alike.
    expect(mergeVersions({ paper: paper({ id: 'doi:10.2/b' }) }, { paper: paper({ id: 'doi:10.1/a' }) }).paper).toMatchObject({ id: 'doi:10.1/a', aliases: ['doi:10.2/b'] });
  });

  it('keeps the best ids when there are more than it keeps: the same whatever the order', () => {
    const many = Array.from({ length: MAX_ALIASES + 4 }, (_, i) => `doi:10.1/${String(i).padStart(2, '0')}`);
    const a = paper({ id: many[5]!, aliases: many.slice(6, 14) });
    const b = paper({ id: many[19]!, aliases: [...many.slice(0, 5), ...many.slice(14, 19)] });
    const ab = mergeVersions({ paper: a }, { paper: b }).paper!;
    expect([ab.id, ...ab.aliases!]).toEqual(many.slice(0, MAX_ALIASES + 1));
    expect(mergeVersions({ paper: b }, { paper: a }).paper).toEqual(ab);
  });
});

describe('merge: removals are tombstones', () => {
  const starred = paper({ starredAt: 10, note: 'a note', noteUpdatedAt: 10, changedAt: { star: 10, note: 10, meta: 5 }, changedBy: { star: 'aaa', note: 'aaa' } });

  it('a removal later than every change takes the paper out, keeping its metadata and clearing its state', () => {
    const merged = mergeVersions({ paper: starred }, { deleted: { at: 20, by: 'bbb' } });
    expect(merged.live).toBe(false);
    expect(merged.deleted).toEqual({ at: 20, by: 'bbb' });
    expect(merged.paper).toMatchObject({ title: 'A paper', note: '', changedAt: { star: 10, note: 10 } });
    expect(merged.paper).not.toHaveProperty('starredAt');
  });

  it('an edit after the removal brings the paper back, with only what changed after it', () => {
    const removed = mergeVersions({ paper: starred }, { deleted: { at: 20, by: 'bbb' } });
    const edited = paper({ readAt: 30, changedAt: { read: 30 }, changedBy: { read: 'ccc' } });
    const back = mergeVersions(removed, { paper: edited });
    expect(back.live).toBe(true);
    expect(back.paper).toMatchObject({ readAt: 30, note: '' });
    expect(back.paper).not.toHaveProperty('starredAt');
    // A change older than the removal, arriving late, revives nothing.
    const late = mergeVersions(removed, { paper: paper({ queuePos: 1, queuedAt: 15, changedAt: { queue: 15 }, changedBy: { queue: 'ccc' } }) });
    expect(late.live).toBe(false);
    expect(late.paper).not.toHaveProperty('queuePos');
  });
});

describe('merge: commutative, associative, idempotent (property)', () => {
  // Few devices and times, so that ties happen. A stamp names one write: the values are a function of it.
  const stamp = fc.record({ at: fc.integer({ min: 0, max: 12 }), by: fc.constantFrom('aaa', 'bbb', 'ccc') });
  const hash = (s: Stamp, salt: string) => [...`${s.at}${s.by}${salt}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

  const version: fc.Arbitrary<PaperVersion> = fc
    .record({
      star: maybe(stamp),
      read: maybe(stamp),
      queue: maybe(stamp),
      note: maybe(stamp),
      title: stamp,
      abstract: maybe(stamp),
      authors: maybe(stamp),
      abs: maybe(stamp),
      seen: maybe(fc.integer({ min: 0, max: 12 })),
      createdAt: fc.integer({ min: 0, max: 12 }),
      updatedAt: fc.integer({ min: 0, max: 12 }),
      deleted: maybe(stamp),
      kept: fc.array(fc.record({ written: stamp, dismissed: fc.boolean() }), { maxLength: 3 }),
      tags: fc.record({ llm: maybe(stamp), agents: maybe(stamp), rl: maybe(stamp) }),
      // The ids this copy knows the paper by (a card showed them together): its own first, as stored.
      ids: fc.shuffledSubarray(IDS, { minLength: 1 }),
      present: fc.boolean(),
    })
    .map((g) => {
      const fields: Paper = paper({ createdAt: g.createdAt, updatedAt: g.updatedAt, changedAt: {}, changedBy: {} });
      const set = (group: 'star' | 'read' | 'queue' | 'note', s: Stamp | undefined) => {
        if (!s) return false;
        fields.changedAt[group] = s.at;
        fields.changedBy![group] = s.by;
        return hash(s, group) % 3 !== 0; // a third of the writes turn the group off
      };
      if (set('star', g.star)) fields.starredAt = g.star!.at;
      if (set('read', g.read)) fields.readAt = g.read!.at;
      if (set('queue', g.queue)) Object.assign(fields, { queuePos: hash(g.queue!, 'pos') % 5, queuedAt: g.queue!.at });
      if (set('note', g.note)) Object.assign(fields, { note: `note ${g.note!.at} ${g.note!.by}`, noteUpdatedAt: g.note!.at, noteBase: hash(g.note!, 'base') % 2 ? { at: g.note!.at - 1, by: 'bbb' } : undefined });
      // Metadata: each field's time and value from its own write.
      fields.title = `title ${g.title.at} ${g.title.by}`;
      const metaAt: Record<string, number> = { title: g.title.at };
      if (g.abstract) [fields.abstract, metaAt.abstract] = [`abstract ${g.abstract.at}`, g.abstract.at];
      if (g.authors) [fields.authors, metaAt.authors] = [[`author ${g.authors.at} ${g.authors.by}`], g.authors.at];
      if (g.abs) [fields.links, metaAt['links.abs']] = [{ abs: `https://arxiv.org/abs/${g.abs.at}` }, g.abs.at];
      fields.changedAt.meta = Math.max(...Object.values(metaAt));
      fields.metaAt = metaAt;
      // Kept notes: a set by who wrote them when; one device may have dismissed what another still shows.
      if (g.kept.length) fields.keptNotes = g.kept.map(({ written, dismissed }) => (dismissed ? { text: '', written, dismissed: true as const } : { text: `kept ${written.at} ${written.by}`, written }));
      // Tags: each tag's entry from its own write (its case and whether it took the tag off, from the stamp).
      const tags = Object.entries(g.tags).flatMap(([key, s]) => {
        if (!s) return [];
        const name = hash(s, key) % 2 ? key.toUpperCase() : key;
        return [hash(s, `${key} off`) % 3 === 0 ? { name, ...s, removed: true as const } : { name, ...s }];
      });
      if (tags.length) fields.tags = tags;
      if (g.seen !== undefined) fields.seen = { site: 'arxiv', url: `https://arxiv.org/list/${g.seen}`, at: g.seen };
      fields.id = g.ids[0]!;
      if (g.ids.length > 1) fields.aliases = g.ids.slice(1);
      // One form for one meaning: merged with nothing, a version comes back in its canonical form.
      return result(mergeVersions({ paper: g.present ? fields : undefined, deleted: g.deleted }, {}));
    });

  const merge = (a: PaperVersion, b: PaperVersion) => result(mergeVersions(a, b, 'device'));
  const ids = (v: PaperVersion) => (v.paper ? [v.paper.id, ...(v.paper.aliases ?? [])] : []);

  it('ids merge as a set: the union of both copies\u2019 ids, the best naming the paper', () => {
    fc.assert(fc.property(version, version, (a, b) => {
      const merged = merge(a, b);
      if (!merged.paper) return;
      expect(new Set(ids(merged))).toEqual(new Set([...ids(a), ...ids(b)]));
      expect(merged.paper.id).toBe(ids(merged).sort(compareIds)[0]);
    }), { numRuns: 1_000 });
  });

  it('commutative: merge(a, b) = merge(b, a)', () => {
    fc.assert(fc.property(version, version, (a, b) => {
      expect(merge(a, b)).toEqual(merge(b, a));
    }), { numRuns: 2_000 });
  });

  it('associative: merge(merge(a, b), c) = merge(a, merge(b, c))', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
      { numRuns: 2_000 },
    );
  }, 30_000); // thousands of merges: seconds on a loaded machine

  it('idempotent: merge(a, a) = a, and merging what was already merged changes nothing', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(merge(a, a)).toEqual(a);
        const ab = merge(a, b);
        expect(merge(ab, b)).toEqual(ab);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('hybrid logical clock', () => {
  it('stamps a change max(now, newest seen + 1)', () => {
    expect(nextTime(1_000, 500)).toBe(1_000);
    expect(nextTime(1_000, 1_000)).toBe(1_001);
    // A clock ten minutes behind still stamps after what it has seen.
    expect(nextTime(1_000_000 - 600_000, 1_000_000)).toBe(1_000_001);
  });
});
