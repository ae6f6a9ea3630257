import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { load as parseYaml } from 'js-yaml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '@/lib/export/bibtex';
import { toCslJson } from '@/lib/export/csl';
import { toCsv } from '@/lib/export/csv';
import { exportFile, exportFileName } from '@/lib/export/formats';
import { obsidianTag, toMarkdown } from '@/lib/export/markdown';
import { vaultFiles } from '@/lib/export/markdown-vault';
import { toRis } from '@/lib/export/ris';
import { papersInScope, scopeLabel } from '@/lib/export/scope';
import { setStarred, setTagged } from '@/lib/store/library';
import { tidyTags } from '@/lib/tags';
import { freshDatabase, paperRef } from '../db-helpers';
import { LLAMA, MALDACENA, record, T0 } from './export-fixtures';

/* Tags in every export, each read back by an independent library (the same ones as the other export tests). */

const TAGGED = record({
  ...LLAMA,
  // As stored: one entry per tag, sorted by key.
  tags: tidyTags([
    { name: 'LLM', at: T0, by: 'aaa' },
    { name: 'reading group', at: T0, by: 'aaa' },
    { name: 'to cite', at: T0, by: 'aaa', removed: true }, // taken off: in no export
    { name: 'C++ & 50%', at: T0, by: 'aaa' },
    { name: '2024', at: T0, by: 'aaa' },
  ]),
});
const NAMES = ['2024', 'C++ & 50%', 'LLM', 'reading group'];

describe('tags in exports', () => {
  it('BibTeX: keywords, comma-separated, read back by a BibTeX parser', () => {
    const [tagged, untagged] = parseBibtex(toBibtex([TAGGED, MALDACENA])).entries;
    expect(tagged!.fields.keywords).toEqual(NAMES);
    expect(untagged!.fields.keywords).toBeUndefined();
    // Braces would unbalance the entry: left out of the keyword, the file still parses.
    const braced = record({ ...MALDACENA, tags: [{ name: 'a{b}\\c', at: T0, by: 'aaa' }] });
    expect(parseBibtex(toBibtex([braced])).entries[0]!.fields.keywords).toEqual(['abc']);
  });

  it('RIS and CSL-JSON: keywords that Citation.js reads', () => {
    const items = plugins.input.data(toRis([TAGGED]), '@ris/file') as unknown[];
    const ris = new Cite(plugins.input.data(items[0], '@ris/record')).data[0]!;
    expect(String(ris.keyword).split(/,\s*/)).toEqual(expect.arrayContaining(NAMES));
    const csl = new Cite(JSON.parse(toCslJson([TAGGED]))).data[0]!;
    expect(csl.keyword).toBe(NAMES.join(', '));
  });

  it('Markdown: #tags Obsidian reads, spaces and other characters made safe', () => {
    expect(obsidianTag('reading group')).toBe('reading-group');
    expect(obsidianTag('C++ & 50%')).toBe('C-50');
    expect(obsidianTag('2024')).toBe('_2024');
    expect(obsidianTag('Émile/ideas')).toBe('Émile/ideas');
    expect(obsidianTag('%%')).toBe('');
    const text = toMarkdown([TAGGED], { title: 'Tagged', exportedAt: new Date(T0) });
    expect(text).toContain('- **Tags:** #_2024 #C-50 #LLM #reading-group\n');
    expect(toMarkdown([MALDACENA], { title: 'x', exportedAt: new Date(T0) })).not.toContain('Tags');
    // Each tag is one Obsidian tag: `#` then its allowed characters, up to a space or the line's end.
    for (const match of text.match(/#[^\s#]+/g)!.filter((tag) => !tag.startsWith('# '))) expect(match).toMatch(/^#[\p{L}\p{N}_\-/]*[^\d\s][\p{L}\p{N}_\-/]*$/u);
  });

  it('the vault: a `tags` property js-yaml reads', () => {
    const [file] = vaultFiles([TAGGED], { exportedAt: new Date(T0) });
    const front = parseYaml(file!.text.split('---')[1]!) as { tags: string[] };
    expect(front.tags).toEqual(['_2024', 'C-50', 'LLM', 'reading-group']);
  });

  it('CSV: a tags column that papaparse reads back', () => {
    const { data } = Papa.parse<Record<string, string>>(toCsv([TAGGED, MALDACENA]).slice(1), { header: true, skipEmptyLines: true });
    expect(data.map((row) => row.tags)).toEqual([NAMES.join('; '), '']);
  });

  it('the scope “papers with tag …”: its papers, case ignored, newest first, in a file named after it', async () => {
    const db = freshDatabase();
    await setTagged(db, paperRef(1), 'Reading group', true, { now: 1 });
    await setStarred(db, paperRef(2), true, { now: 2 });
    await setTagged(db, paperRef(3), 'reading GROUP', true, { now: 3 });
    const papers = await papersInScope(db, 'tag', [], 'READING group');
    expect(papers.map((paper) => paper.id)).toEqual([paperRef(3).id, paperRef(1).id]);
    expect(scopeLabel('tag', 'Reading group')).toBe('Papers tagged “Reading group”');
    expect(exportFileName('tag', 'bibtex', new Date(2026, 10, 30), 'Reading group')).toBe('shelfmark-tag-reading-group-2026-11-30.bib');
    const file = await exportFile(papers, 'markdown', { scope: 'tag', tag: 'Reading group', now: new Date(2026, 10, 30) });
    expect(file.data).toContain('# Shelfmark: Papers tagged “Reading group”');
  });
});
