import { describe, expect, it } from 'vitest';
import { cleanTagName, completeTag, parseTagList, tagKey, tagNames } from '@/lib/tags';
import { applyToPapers, removePapers, setStarred, setTagged } from '@/lib/store/library';
import { deleteTag, libraryTags, papersWithTag, renameTag, withTag } from '@/lib/store/tags';
import { queryTokens, splitTagTerms, tagOfWord, tagTerm, tagWord } from '@/lib/store/search';
import { TAG_LIMITS } from '@/lib/limits';
import { freshDatabase, paperRef } from '../db-helpers';

const A = 'arxiv:2401.00001';
const B = 'arxiv:2401.00002';
const C = 'arxiv:2401.00003';

describe('tag names', () => {
  it('cleans what is typed: whitespace collapsed, separators and invisible characters gone, cut to the limit', () => {
    expect(cleanTagName('  reading \n group ')).toBe('reading group');
    expect(cleanTagName('a,b"c\u202Ed\u200Be')).toBe('a b c d e');
    expect(cleanTagName('\u200B ,')).toBe('');
    expect(cleanTagName('x'.repeat(100))).toHaveLength(TAG_LIMITS.name);
  });

  it('matches case-insensitively, in Unicode’s composed form', () => {
    expect(tagKey('LLM')).toBe(tagKey('llm'));
    expect(tagKey('Cafe\u0301')).toBe(tagKey('CAFÉ'));
    expect(tagKey('llm')).not.toBe(tagKey('llms'));
  });

  it('reads a comma-separated field, one per tag, and completes from existing names', () => {
    expect(parseTagList('LLM, reading group,, llm ,  ')).toEqual(['LLM', 'reading group']);
    expect(completeTag('re', ['Reading group', 'RL', 'retrieval', 'LLM'])).toEqual(['Reading group', 'retrieval']);
    expect(completeTag('rl', ['RL'])).toEqual([]); // already typed in full
  });

  it('takes Chinese separators too: the full-width comma “，” and the enumeration comma “、”', () => {
    expect(parseTagList('大模型，阅读小组、LLM, 大模型')).toEqual(['大模型', '阅读小组', 'LLM']);
    expect(parseTagList('，、 ,')).toEqual([]);
    // Never inside a name (a name read from a file or typed whole keeps none).
    expect(cleanTagName('强化，学习、笔记')).toBe('强化 学习 笔记');
  });

  it('is a search word that a `tag:` query finds exactly, and reads back', () => {
    expect(tagOfWord(tagWord('Reading group'))).toEqual({ key: 'reading group', name: 'Reading group' });
    expect(tagOfWord('reading')).toBeUndefined();
    const [token] = queryTokens('tag:"reading GROUP"');
    expect(tagWord('Reading group').startsWith(token!)).toBe(true);
    expect(tagWord('Reading groups').startsWith(token!)).toBe(false);
    expect(queryTokens('tag:llm scaling')).toEqual([queryTokens('tag:LLM')[0], 'scaling']);
    expect(splitTagTerms('attention tag:llm tag:"to read" laws')).toEqual({ tags: ['llm', 'to read'], rest: 'attention     laws' });
    expect(tagTerm('llm')).toBe('tag:llm');
    expect(tagTerm('to read')).toBe('tag:"to read"');
  });
});

describe('a paper’s tags', () => {
  const stamp = (at: number) => ({ at, by: 'aaa' });

  it('puts a tag on once, keeps a removal as an entry, and puts it back', () => {
    let tags = withTag(undefined, 'LLM', true, stamp(1));
    expect(withTag(tags, 'llm', true, stamp(2))).toEqual([{ name: 'llm', at: 2, by: 'aaa' }]); // the same tag, written anew
    expect(withTag(tags, 'LLM', true, stamp(2))).toEqual(tags); // already so: unchanged, not restamped
    tags = withTag(tags, 'llm', false, stamp(3));
    expect(tags).toEqual([{ name: 'LLM', at: 3, by: 'aaa', removed: true }]);
    expect(tagNames({ tags })).toEqual([]);
    expect(withTag(tags, 'LLM', true, stamp(4))).toEqual([{ name: 'LLM', at: 4, by: 'aaa' }]);
  });

  it('puts on at most TAG_LIMITS.perPaper tags', () => {
    let tags = undefined as ReturnType<typeof withTag>;
    for (let i = 0; i < TAG_LIMITS.perPaper + 3; i++) tags = withTag(tags, `tag ${i}`, true, stamp(i));
    expect(tagNames({ tags })).toHaveLength(TAG_LIMITS.perPaper);
  });
});

describe('tags in the library', () => {
  it('keeps the name a tag was first written with, whatever the case typed later', async () => {
    const db = freshDatabase();
    await setTagged(db, paperRef(1), 'LLM', true);
    await setTagged(db, paperRef(2), 'llm', true);
    expect(tagNames((await db.papers.get(B))!)).toEqual(['LLM']);
    expect(await libraryTags(db)).toEqual([{ key: 'llm', name: 'LLM', count: 2 }]);
    expect(await papersWithTag(db, 'lLm')).toEqual([A, B]);
  });

  it('tags a selection, counts each tag, and a removed paper leaves the counts', async () => {
    const db = freshDatabase();
    for (const n of [1, 2, 3]) await setStarred(db, paperRef(n), true);
    expect(await applyToPapers(db, [A, B], { kind: 'tag', name: 'to read', value: true })).toEqual([A, B]);
    await setTagged(db, C, 'Agents', true);
    expect(await libraryTags(db)).toEqual([
      { key: 'agents', name: 'Agents', count: 1 },
      { key: 'to read', name: 'to read', count: 2 },
    ]);
    await removePapers(db, [A]);
    expect(await libraryTags(db)).toEqual([
      { key: 'agents', name: 'Agents', count: 1 },
      { key: 'to read', name: 'to read', count: 1 },
    ]);
  });

  it('renames a tag on every paper (a change of case too), stamping and recording each change', async () => {
    const db = freshDatabase();
    await setTagged(db, paperRef(1), 'llm', true, { now: 10 });
    await setTagged(db, paperRef(2), 'llm', true, { now: 11 });
    await db.outbox.clear();
    expect(await renameTag(db, 'LLM', 'Language models', { now: 20 })).toEqual([A, B]);
    expect(await libraryTags(db)).toEqual([{ key: 'language models', name: 'Language models', count: 2 }]);
    // The old tag is taken off (for sync), the new one put on, at the rename's stamp.
    const tags = (await db.papers.get(A))!.tags!;
    expect(tags.map(({ name, removed }) => [name, removed])).toEqual([['Language models', undefined], ['llm', true]]);
    expect((await db.outbox.toArray()).map((row) => [row.id, row.kind])).toEqual([[A, 'tags'], [B, 'tags']]);
    await renameTag(db, 'language MODELS', 'Language Models');
    expect(await libraryTags(db)).toEqual([{ key: 'language models', name: 'Language Models', count: 2 }]);
  });

  it('merges a tag into another: every paper follows, papers having both keep one', async () => {
    const db = freshDatabase();
    await setTagged(db, paperRef(1), 'LLMs', true);
    await setTagged(db, paperRef(2), 'LLMs', true);
    await setTagged(db, paperRef(2), 'LLM', true);
    await setTagged(db, paperRef(3), 'LLM', true);
    await renameTag(db, 'llms', 'llm');
    expect(await libraryTags(db)).toEqual([{ key: 'llm', name: 'LLM', count: 3 }]);
  });

  it('deletes a tag from every paper, and the papers stay', async () => {
    const db = freshDatabase();
    await setTagged(db, paperRef(1), 'old', true);
    await setTagged(db, paperRef(2), 'old', true);
    await setTagged(db, paperRef(2), 'kept', true);
    expect(await deleteTag(db, 'OLD')).toEqual([A, B]);
    expect(await libraryTags(db)).toEqual([{ key: 'kept', name: 'kept', count: 1 }]);
    expect(await db.papers.count()).toBe(2);
  });

  it('ignores a name of nothing but separators or invisible characters', async () => {
    const db = freshDatabase();
    await setTagged(db, paperRef(1), '\u200B,', true);
    expect(await libraryTags(db)).toEqual([]);
  });
});
