import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { load as parseYaml } from 'js-yaml';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AUTHORS_IN_FULL, authorLine, nameParts, shortAuthors } from '@/lib/export/authors';
import { toBibtex } from '@/lib/export/bibtex';
import { toCslJson } from '@/lib/export/csl';
import { exportFile } from '@/lib/export/formats';
import { toMarkdown } from '@/lib/export/markdown';
import { toMarkdownVault, vaultFiles } from '@/lib/export/markdown-vault';
import { toRis } from '@/lib/export/ris';
import { LLAMA, MALDACENA, record, T0, TRICKY } from './export-fixtures';

/**
 * RIS, CSL-JSON, abstracts, long author lists and the Markdown vault, each read back by a library
 * that is not ours: Citation.js's RIS and CSL plugins (citeproc-js renders the CSL-JSON as APA),
 * the BibTeX parser of Better BibTeX, JSZip and js-yaml.
 */

const ABSTRACT = 'We present Llama 3, a herd of models: 405B parameters, 128K tokens of context.\nA second line.';
const WITH_ABSTRACT = { ...LLAMA, abstract: ABSTRACT };
const CROWD = record({
  id: 'arxiv:2312.11805',
  title: 'Gemini: A Family of Highly Capable Multimodal Models',
  authors: Array.from({ length: 1350 }, (_, i) => `Author${i} Gemini${i}`),
  date: '2023-12-19',
});
const PARTIAL = record({ id: 'arxiv:2406.00001', title: 'Listed briefly', authors: ['Ada Lovelace', 'Alan Turing'], authorCount: 12 });

describe('RIS export', () => {
  it('reads back in Citation.js: type, title, every author, year, DOI, URL, abstract and note', () => {
    const ris = toRis([WITH_ABSTRACT, MALDACENA, TRICKY], { abstracts: true });
    expect(ris.split('\r\n')[0]).toBe('TY  - UNPB');
    const items = plugins.input.data(ris, '@ris/file') as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    const llama = new Cite(plugins.input.data(items[0], '@ris/record')).data[0]!;
    expect(llama.title).toBe('The Llama 3 Herd of Models');
    expect(llama.author).toEqual([
      { family: 'Dubey', given: 'Abhimanyu' },
      { family: 'Jauhri', given: 'Abhinav' },
      { family: 'Pandey', given: 'Abhinav' },
    ]);
    expect(llama.DOI).toBe('10.48550/arXiv.2407.21783');
    expect(llama.URL).toBe('https://arxiv.org/abs/2407.21783');
    expect(llama.abstract).toBe(ABSTRACT.replace('\n', ' '));
    expect(llama.issued).toEqual({ 'date-parts': [[2024, 7, 31]] });
    expect(llama.note).toBe('Compare with §3.2: 50% & more');
    const tricky = new Cite(plugins.input.data(items[2], '@ris/record')).data[0]!;
    expect(tricky.title).toBe(TRICKY.title);
    // RIS values are one line each: the note's words and braces are kept, its line breaks become spaces.
    expect(tricky.note).toBe('Line 1 with a_b Line 3: {braces} and \\cite{x}');
  });

  it('keeps a note line that looks like a tag inside the note (one record each), and writes no abstract unless asked', () => {
    const hostile = record({ id: 'arxiv:2401.00009', title: 'Hostile note', note: 'first\nER  - \nTY  - JOUR\nlast' });
    const ris = toRis([hostile, LLAMA]);
    const items = plugins.input.data(ris, '@ris/file') as unknown[];
    expect(items).toHaveLength(2);
    const first = new Cite(plugins.input.data(items[0], '@ris/record')).data[0]!;
    expect(first.title).toBe('Hostile note');
    expect(first.note).toBe('first ER - TY - JOUR last');
    expect(ris).not.toContain('AB  - ');
  });
});

// citeproc-js loads the APA style and locale on first use: seconds on a busy machine.
describe('CSL-JSON export', { timeout: 60_000 }, () => {
  it('is valid CSL for citeproc: an APA bibliography of it reads as expected', () => {
    const json = toCslJson([WITH_ABSTRACT, MALDACENA], { abstracts: true });
    const items = JSON.parse(json) as Record<string, unknown>[];
    expect(items.map((item) => item.id)).toEqual(['dubey2024llama', 'maldacena1997large']);
    expect(items[0]!.abstract).toBe(ABSTRACT);
    expect(items[0]!.annote).toBe(LLAMA.note);
    const apa = new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
    // APA 7 cites a preprint with its number and repository.
    expect(apa).toContain('Dubey, A., Jauhri, A., & Pandey, A. (2024). The Llama 3 Herd of Models (arXiv:2407.21783). arXiv. https://doi.org/10.48550/arXiv.2407.21783');
    expect(apa).toContain('Maldacena, J. M. (1997). The Large N Limit of Superconformal Field Theories and Supergravity');
    expect(apa).toContain('https://doi.org/10.48550/arXiv.hep-th/9711200');
  });

  it('keeps every author of a 1,350-author paper (citeproc shortens them itself)', () => {
    const [item] = JSON.parse(toCslJson([CROWD])) as { author: unknown[] }[];
    expect(item!.author).toHaveLength(1350);
    const apa = new Cite([item]).format('bibliography', { format: 'text', template: 'apa' });
    expect(apa).toContain('Gemini0, A., Gemini1, A.');
    // APA 7: the first nineteen, an ellipsis, the last.
    expect(apa).toContain('Gemini18, A., … Gemini1349, A. (2023).');
    expect(apa).not.toContain('Gemini19,');
  });
});

describe('abstracts in BibTeX and Markdown', () => {
  it('adds the abstract to BibTeX only when asked, and it parses back as written', () => {
    expect(toBibtex([WITH_ABSTRACT])).not.toContain('abstract');
    const bib = toBibtex([{ ...WITH_ABSTRACT, abstract: 'Costs 50% less & uses $x_1$ {braces}.' }], { abstracts: true });
    const { entries, errors } = parseBibtex(bib, { english: false });
    expect(errors).toEqual([]);
    expect(entries[0]!.fields.abstract).toBe('Costs 50% less & uses $x_1$ {braces}.');
  });

  it('adds the abstract to Markdown only when asked, as a quote', () => {
    const options = { title: 'Starred papers', exportedAt: new Date(T0) };
    expect(toMarkdown([WITH_ABSTRACT], options)).not.toContain('405B');
    expect(toMarkdown([WITH_ABSTRACT], { ...options, abstracts: true })).toContain(
      '> We present Llama 3, a herd of models: 405B parameters, 128K tokens of context. A second line.',
    );
  });
});

describe('long author lists', () => {
  it('are shortened readably: first three, et al., the count', () => {
    expect(authorLine(CROWD)).toBe('Author0 Gemini0, Author1 Gemini1, Author2 Gemini2 et al. (1350 authors)');
    expect(authorLine(PARTIAL)).toBe('Ada Lovelace, Alan Turing et al. (12 authors)');
    expect(authorLine(LLAMA)).toBe('Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey');
    const ten = { authors: CROWD.authors.slice(0, AUTHORS_IN_FULL) };
    expect(shortAuthors(ten).shortened).toBe(false);
    expect(shortAuthors({ authors: CROWD.authors.slice(0, AUTHORS_IN_FULL + 1) }).names).toHaveLength(3);
  });

  it('end in BibTeX with "and others", which a parser reads as et al.', () => {
    const { entries } = parseBibtex(toBibtex([CROWD, PARTIAL]), { english: false });
    const names = (entry: (typeof entries)[number]) => entry.fields.author!.map((creator) => creator.lastName ?? creator.name);
    expect(names(entries[0]!)).toEqual(['Gemini0', 'Gemini1', 'Gemini2', 'others']);
    expect(names(entries[1]!)).toEqual(['Lovelace', 'Turing', 'others']);
  });

  it('are shortened in Markdown', () => {
    const markdown = toMarkdown([CROWD], { title: 'All', exportedAt: new Date(T0) });
    expect(markdown).toContain('**Authors:** Author0 Gemini0, Author1 Gemini1, Author2 Gemini2 et al. (1350 authors)');
    expect(markdown).not.toContain('Gemini3');
  });

  it('split into family and given names', () => {
    expect(nameParts('Ada Lovelace')).toEqual({ family: 'Lovelace', given: 'Ada' });
    expect(nameParts('Lovelace, Ada')).toEqual({ family: 'Lovelace', given: 'Ada' });
    expect(nameParts('Jan van der Berg')).toEqual({ family: 'van der Berg', given: 'Jan' });
    expect(nameParts('Martin Luther King Jr.')).toEqual({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' });
    expect(nameParts('Plato')).toEqual({ family: 'Plato' });
  });
});

describe('Markdown vault (a file per paper, zipped)', () => {
  it('unzips with JSZip into one note per paper whose front matter js-yaml reads', async () => {
    const twin = { ...MALDACENA, id: 'arxiv:hep-th/9711201', title: MALDACENA.title };
    const zip = await toMarkdownVault([WITH_ABSTRACT, MALDACENA, twin, TRICKY, CROWD], { exportedAt: new Date(T0), abstracts: true });
    const archive = await JSZip.loadAsync(zip);
    const names = Object.keys(archive.files).sort();
    expect(names).toEqual([
      'Gemini A Family of Highly Capable Multimodal Models.md',
      'The Large N Limit of Superconformal Field Theories and Supergravity (maldacena1997largea).md',
      'The Large N Limit of Superconformal Field Theories and Supergravity.md',
      'The Llama 3 Herd of Models.md',
      '$ beta$-VAE_{2} Learning ~ Émile’s 🦙 concepts -- fast.md',
    ].sort());
    const llama = await archive.file('The Llama 3 Herd of Models.md')!.async('string');
    const [, front, body] = llama.split(/^---$/m);
    expect(parseYaml(front!)).toEqual({
      title: 'The Llama 3 Herd of Models',
      authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey'],
      year: 2024,
      date: new Date('2024-07-31T00:00:00Z'),
      id: 'arxiv:2407.21783',
      arxiv: '2407.21783',
      doi: '10.48550/arXiv.2407.21783',
      url: 'https://arxiv.org/abs/2407.21783',
      citekey: 'dubey2024llama',
      starred: true,
      read: false,
      queued: true,
      added: new Date('2024-08-02T00:00:00Z'),
      exported: new Date(T0),
    });
    expect(body).toContain('## Abstract\n\nWe present Llama 3');
    expect(body).toContain('## Note\n\nCompare with §3.2: 50% & more');
    const crowd = await archive.file('Gemini A Family of Highly Capable Multimodal Models.md')!.async('string');
    const crowdFront = parseYaml(crowd.split(/^---$/m)[1]!) as { authors: string[]; author_count: number };
    expect(crowdFront.authors).toHaveLength(3);
    expect(crowdFront.author_count).toBe(1350);
  });

  it('front matter survives hostile titles: YAML reads back exactly what was stored', () => {
    const hostile = record({ id: 'arxiv:2401.00010', title: 'Title: with "quotes"\n---\nkey: value #comment\u2028', authors: ['- dash', 'a: b'] });
    const [file] = vaultFiles([hostile], { exportedAt: new Date(T0) });
    const front = parseYaml(file!.text.split(/^---$/m)[1]!) as { title: string; authors: string[] };
    expect(front.title).toBe(hostile.title);
    expect(front.authors).toEqual(['- dash', 'a: b']);
    expect(file!.name).toBe('Title with quotes --- key value comment.md');
  });

  it('zips even when the clock is outside the dates a zip can hold', async () => {
    for (const now of [new Date(0), new Date(Date.UTC(2150, 0, 1))]) {
      const zip = await toMarkdownVault([LLAMA], { exportedAt: now });
      expect(Object.keys((await JSZip.loadAsync(zip)).files)).toEqual(['The Llama 3 Herd of Models.md']);
    }
  });

  it('is a zip download from exportFile', async () => {
    const file = await exportFile([LLAMA], 'markdown-vault', { scope: 'starred', now: new Date(2026, 0, 5) });
    expect(file.name).toBe('shelfmark-starred-2026-01-05.zip');
    expect(file.mimeType).toBe('application/zip');
    expect(Object.keys((await JSZip.loadAsync(file.data as Uint8Array)).files)).toEqual(['The Llama 3 Herd of Models.md']);
  });
});
