import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBibtexImport,
  matchedToChange,
  NO_ID as NO_ID_KEY,
  plainText as plainTextOf,
  papersFromBibtex,
  previewBibtexImport,
  type BibImportChoice,
  type BibPapers,
} from '@/lib/export/bibtex-import';
import { entriesToCsl } from '@/lib/export/bibtex-parser';
import { decodeBibtex, MAX_BIBTEX_BYTES, parseBibtex, readBibtexFile } from '@/lib/export/bibtex-read';
import { plugins } from '@citation-js/core';
import { CAPS } from '@/lib/limits';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { applyAction, setNote, setQueued, setStarred, setTagged } from '@/lib/store/library';
import { readClock } from '@/lib/store/clock';
import { libraryTags } from '@/lib/store/tags';
import { freshDatabase, paperRef } from '../db-helpers';
import { t } from '@/lib/i18n';

/** The reason given for an entry without a paper id, as the user reads it. */
const NO_ID = t(NO_ID_KEY);

/**
 * Importing .bib files: the way Zotero, JabRef, Mendeley and Google Scholar write them (fixtures in
 * test/fixtures/bibtex/), TeX as readable text, the preview and the one-transaction import, and
 * hostile or broken files refused whole with a message and nothing changed.
 */

const fixture = (name: string) => readFileSync(`test/fixtures/bibtex/${name}.bib`, 'utf8');

async function read(text: string): Promise<BibPapers> {
  const result = await parseBibtex(text);
  if (!result.ok) throw new Error(result.error);
  return papersFromBibtex(result.bibtex);
}

async function refused(text: string): Promise<string> {
  const result = await parseBibtex(text);
  if (result.ok) throw new Error('the file was accepted');
  return result.error;
}

const summary = (bib: BibPapers) => ({
  papers: bib.papers.map((paper) => [paper.line, paper.ref.id, paper.ref.title]),
  rejected: bib.rejected.map((rejection) => [rejection.line, rejection.key, rejection.message]),
});

const ALPHAFOLD = ['doi:10.1038/s41586-021-03819-2', 'Highly accurate protein structure prediction with AlphaFold'];

describe('BibTeX as reference managers export it', () => {
  it('Zotero: arXiv preprints by their DOI, URL and "arXiv:…" note or journal; a journal article by its DOI', async () => {
    const bib = await read(fixture('zotero'));
    expect(summary(bib)).toEqual({
      papers: [
        [2, 'arxiv:1706.03762', 'Attention Is All You Need'],
        [17, 'arxiv:2104.05704', 'Escaping the Big Data Paradigm with Compact Transformers'],
        [30, ...ALPHAFOLD],
      ],
      rejected: [[51, 'knuth_texbook_1986', NO_ID]],
    });
    // A paper not on arXiv: where and when it was published, and its page.
    expect(bib.papers[2]!.ref).toMatchObject({ venue: 'Nature', year: 2021 });
    expect(bib.papers[2]!.ref).not.toHaveProperty('aliases'); // its Nature URL names the same DOI
    // A file's link to another host than the id's is not kept, as a page's is not (lib/bounds.ts): its page is its DOI's.
    expect(bib.papers[2]!.ref).not.toHaveProperty('links');
    const attention = bib.papers[0]!.ref;
    expect(attention.authors).toEqual([
      'Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit', 'Llion Jones', 'Aidan N. Gomez', 'Lukasz Kaiser', 'Illia Polosukhin',
    ]);
    expect(attention.abstract).toMatch(/^The dominant sequence transduction models .* entirely\.$/);
    expect(bib.papers[1]!.ref.abstract).toContain('(80.28% accuracy with 29% parameters of ViT)');
  });

  it('JabRef: eprint and archivePrefix (with a version), old-style ids, groups and metadata comments ignored', async () => {
    const bib = await read(fixture('jabref'));
    expect(summary(bib)).toEqual({
      papers: [
        [3, 'arxiv:1706.03762', 'Attention Is All You Need'],
        [17, 'arxiv:hep-th/9711200', 'The Large N Limit of Superconformal Field Theories and Supergravity'],
        [31, ...ALPHAFOLD],
      ],
      rejected: [],
    });
    expect(bib.papers[0]!.ref).toMatchObject({ version: 7, primaryCategory: 'cs.CL' });
    expect(bib.papers[1]!.ref.authors).toEqual(['Juan M. Maldacena']);
    // The dotless i under an accent reads as í (one character), not ı and a combining accent.
    const accents = await read("@misc{a, title={T}, author={{\\v{Z}}{\\'{\\i}}dek, Augustin and Ka{\\u{g}}an, J}, eprint={2401.00001}}");
    expect(accents.papers[0]!.ref.authors).toEqual(['Augustin Žídek', 'J Kağan']);
  });

  it('Mendeley: arxivId, doubly braced titles, file paths with TeX in them', async () => {
    const bib = await read(fixture('mendeley'));
    expect(summary(bib)).toEqual({
      papers: [
        [6, 'arxiv:1810.04805', 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding'],
        [19, 'arxiv:1512.03385', 'Deep Residual Learning for Image Recognition'],
        [46, 'doi:10.1016/j.enpol.2017.04.030', expect.any(String)],
      ],
      rejected: [[35, 'Schulman2015', NO_ID]],
    });
  });

  it('Google Scholar: "arXiv preprint arXiv:…" journals, "and others", TeX in keys and names', async () => {
    const bib = await read(fixture('scholar'));
    expect(summary(bib)).toEqual({
      papers: [
        [9, 'arxiv:2303.08774', 'Gpt-4 technical report'],
        [24, 'arxiv:1707.06347', 'Proximal policy optimization algorithms'],
      ],
      rejected: [
        [1, 'vaswani2017attention', NO_ID],
        [16, 'he2016deep', NO_ID],
        [31, 'm{\\"u}ller2019does', NO_ID],
      ],
    });
    // "and others" is not an author: the list is known to be cut short.
    expect(bib.papers[0]!.ref.authors).toHaveLength(10);
    expect(bib.papers[0]!.ref.authors).not.toContain('others');
  });
});

describe('TeX in titles and names becomes readable Unicode text', () => {
  it('accents, commands, math, dashes, escapes and unknown macros', async () => {
    const bib = await read(String.raw`@misc{x,
      title = {Sch{\"o}n {\'e}t\'e: \textit{in vivo} $\alpha$-helices in $O(n)$ time -- 50\% \& more, {\ss}, \LaTeX{} and \mymacro{kept}},
      author = {M{\"u}ller, J{\"o}rg and {Google DeepMind} and van der Berg, Jan and Kaiser, {\L}ukasz},
      eprint = {2401.01234}, archivePrefix = {arXiv},
      abstract = {We \emph{show} that <b>tags</b> stay text.}}`);
    const ref = bib.papers[0]!.ref;
    expect(ref.title).toBe('Schön été: in vivo α-helices in O(n) time – 50% & more, ß, LaTeX and kept');
    expect(ref.authors).toEqual(['Jörg Müller', 'Google DeepMind', 'Jan van der Berg', 'Łukasz Kaiser']);
    expect(ref.abstract).toBe('We show that tags stay text.');
  });

  it('plain titles and abstracts pass through as the parser would give them (property)', () => {
    const plainText = fc
      .array(fc.constantFrom(...'abcXYZ019 .,;:!?()/-\'"éü🦙<>@=|'.split(''), 'ß', 'word ', 'Über '), { minLength: 1, maxLength: 60 })
      .map((chars) => chars.join('').trim())
      .filter((text) => text !== '' && !/--|''|!`|\?`/.test(text));
    fc.assert(
      fc.property(plainText, plainText, (title, abstract) => {
        const entry = { type: 'misc', label: 'k', properties: { title, abstract } };
        const [fast] = entriesToCsl([entry]);
        const [parsed] = plugins.input.data([entry], '@biblatex/entries+list') as { title?: string; abstract?: string }[];
        expect(plainTextOf(fast!.title!)).toBe(plainTextOf(parsed!.title!));
        expect(plainTextOf(fast!.abstract!)).toBe(plainTextOf(parsed!.abstract!));
      }),
      { numRuns: 300 },
    );
  });

  it('a title that is only markup or macros is no title', async () => {
    const bib = await read('@misc{x, title = {\\relax{}}, eprint = {2401.01234}}');
    expect(bib.rejected.map((r) => r.message)).toEqual(['no title']);
  });
});

describe('ids, duplicates and validation', () => {
  it('reads arXiv ids from every field exporters use, the eprint first', async () => {
    const bib = await read(`
@misc{a, title = {A}, eprint = {arXiv:2401.00001v2}}
@misc{b, title = {B}, url = {https://arxiv.org/pdf/2401.00002v1}}
@misc{c, title = {C}, doi = {10.48550/ARXIV.2401.00003}}
@article{d, title = {D}, journal = {ArXiv}, volume = {abs/2401.00004}}
@misc{e, title = {E}, howpublished = {\\url{https://arxiv.org/abs/math.GT/0309136}}}
@misc{f, title = {F}, eprint = {2401.00006}, eprinttype = {arxiv}}
@misc{g, title = {G}, eprint = {12345}, eprinttype = {pubmed}}`);
    expect(bib.papers.map((paper) => paper.ref.id)).toEqual([
      'arxiv:2401.00001', 'arxiv:2401.00002', 'arxiv:2401.00003', 'arxiv:2401.00004', 'arxiv:math/0309136', 'arxiv:2401.00006',
    ]);
    expect(bib.papers[0]!.ref.version).toBe(2);
    expect(bib.rejected).toEqual([{ line: 8, key: 'g', message: NO_ID }]);
  });

  it('reads every id by the identity rules of the sites: a DOI, the ACL Anthology\u2019s, OpenReview; the best is the id, the others aliases', async () => {
    const bib = await read(String.raw`
@inproceedings{acl, title = {A}, doi = {10.18653/v1/2021.naacl-main.208}}
@inproceedings{aclurl, title = {B}, url = {https://aclanthology.org/N04-1001/}}
@article{both, title = {C}, doi = {10.1109/CVPR.2016.90}, eprint = {1512.03385}, archivePrefix = {arXiv}}
@misc{or, title = {D}, howpublished = {\url{https://openreview.net/forum?id=SyBPtQfAZ}}}
@article{acm, title = {E}, url = {https://dl.acm.org/doi/10.1145/3544548.3581127}}
@article{resolver, title = {F}, doi = {https://doi.org/10.1000/XYZ.123}}
@article{aclboth, title = {G}, doi = {10.18653/v1/2024.acl-long.1}, url = {https://arxiv.org/abs/2401.00007}}`);
    expect(bib.papers.map((paper) => [paper.key, paper.ref.id, paper.ref.aliases ?? []])).toEqual([
      ['acl', 'acl:2021.naacl-main.208', []],
      ['aclurl', 'acl:N04-1001', []],
      ['both', 'arxiv:1512.03385', ['doi:10.1109/cvpr.2016.90']],
      ['or', 'openreview:SyBPtQfAZ', []],
      ['acm', 'doi:10.1145/3544548.3581127', []],
      ['resolver', 'doi:10.1000/xyz.123', []],
      ['aclboth', 'arxiv:2401.00007', ['acl:2024.acl-long.1']],
    ]);
    expect(bib.rejected).toEqual([]);
  });

  it('ids that look right but are not: a DOI in a note (a citation of another paper), a DOI-shaped string, a version-less OpenReview PDF', async () => {
    const bib = await read(String.raw`
@misc{a, title = {A}, note = {Extends https://doi.org/10.1145/3544548.3581127}}
@misc{b, title = {B}, note = {see 10.1145/3544548.3581127}}
@misc{c, title = {C}, url = {https://openreview.net/pdf?id=SyBPtQfAZ}}
@misc{d, title = {D}, doi = {not a doi}}`);
    expect(bib.papers).toEqual([]);
    expect(bib.rejected.map((rejection) => [rejection.key, rejection.message])).toEqual([['a', NO_ID], ['b', NO_ID], ['c', NO_ID], ['d', NO_ID]]);
  });

  it('rejects an entry that shares any id with an earlier one (its DOI, an earlier entry\u2019s alias)', async () => {
    const bib = await read('@misc{a, title={A}, eprint={2401.00001}, doi={10.1000/a}}\n\n@article{b, title={A published}, doi={10.1000/a}}');
    expect(bib.papers.map((paper) => paper.ref.id)).toEqual(['arxiv:2401.00001']);
    expect(bib.rejected).toEqual([{ line: 3, key: 'b', message: 'the same paper as the entry on line 1' }]);
  });

  it('rejects the second entry of the same paper, naming the first', async () => {
    const bib = await read('@misc{a, title={A}, eprint={2401.00001}}\n\n@article{b, title={A again}, doi={10.48550/arXiv.2401.00001}}');
    expect(bib.papers).toHaveLength(1);
    expect(bib.rejected).toEqual([{ line: 3, key: 'b', message: 'the same paper as the entry on line 1' }]);
  });

  it('keeps what a card would: long titles clipped, the first 100 of thousands of authors and their count, no invisible characters', async () => {
    const authors = Array.from({ length: 6000 }, (_, i) => `Person${i}, A.`).join(' and ');
    const bib = await read(`@misc{a, title = {${'Long '.repeat(600)}\u202Eexe.}, author = {${authors}}, eprint = {2401.00001}}`);
    const ref = bib.papers[0]!.ref;
    expect(ref.title).toHaveLength(CAPS.title);
    expect(ref.title.endsWith('…')).toBe(true);
    expect(ref.authors).toHaveLength(CAPS.authors);
    expect(ref.authorCount).toBe(6000);
    const hidden = await read('@misc{a, title = {Invoice \u202Egnp.exe}, eprint = {2401.00001}}');
    expect(hidden.papers[0]!.ref.title).toBe('Invoice gnp.exe');
  });
});

describe('broken and hostile files are refused whole, saying why', () => {
  it('an unterminated entry, with its line', async () => {
    expect(await refused('@misc{a, title={A}, eprint={2401.00001}}\n@misc{b, title={B},\n author={y}\n')).toBe(
      'This file is not valid BibTeX: expected "}", got the end of the file (line 4, column 1). Nothing was imported.',
    );
  });

  it('a missing comma, with its line', async () => {
    expect(await refused('@misc{a, title={x}\n author={y}}')).toMatch(/^This file is not valid BibTeX: .*\(line 2, column 2\)\. Nothing was imported\.$/);
  });

  it('braces nested deeper than any bibliography', async () => {
    const deep = `@misc{a, title={${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}}`;
    expect(await refused(deep)).toBe('This file nests braces deeper than any bibliography does (more than 32 levels, at line 1). Nothing was imported.');
  });

  it('@string macros that double thirty times (gigabytes), and ones that expand a big string often', async () => {
    const doubling = ['@string{s0 = "xxxxxxxxxx"}', ...Array.from({ length: 30 }, (_, i) => `@string{s${i + 1} = s${i} # s${i}}`), '@misc{a, title = s30}'];
    expect(await refused(doubling.join('\n'))).toMatch(/^The @string "s16" \(line 17\) expands to more than 1 MB/);
    const wide = `@string{big = "${'x'.repeat(900_000)}"}\n` + Array.from({ length: 100 }, (_, i) => `@misc{k${i}, title = big # big}`).join('\n');
    expect(await refused(wide)).toMatch(/^This file's @string macros expand to more than 64 MB/);
  });

  it('@string definitions that refer to themselves expand to nothing harmful', async () => {
    const bib = await read('@string{a = a}\n@string{b = b # a}\n@misc{x, title = b # { ok}, eprint = {2401.00001}}');
    expect(bib.papers).toHaveLength(1);
  });

  it('a macro defined in the preamble that calls itself is not run', async () => {
    const bib = await read('@preamble{"\\newcommand{\\foo}{\\foo\\foo}"}\n@misc{a, title = {\\foo{} Title}, eprint = {2401.00001}}');
    expect(bib.papers[0]!.ref.title).toBe('Title');
  });

  it('binary files, empty files, text without entries', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(decodeBibtex(binary)).toEqual({ ok: false, error: 'This file is binary, not BibTeX text. Nothing was imported.' });
    const noisy = Uint8Array.from({ length: 4096 }, (_, i) => ((i * 7919) % 31) + 1);
    expect(decodeBibtex(noisy).ok).toBe(false);
    expect(await readBibtexFile(new Blob([]))).toEqual({ ok: false, error: 'This file is empty. Nothing was imported.' });
    expect(await refused('Just some notes about papers.')).toMatch(/^This file has no BibTeX entries/);
  });

  it('a file over the size cap is refused before it is read', async () => {
    const huge = { size: MAX_BIBTEX_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect(await readBibtexFile(huge)).toEqual({ ok: false, error: 'This file is 32 MB; a BibTeX file can be at most 32 MB here. Nothing was imported.' });
  });

  it('Latin-1 files (old JabRef) are read in their declared encoding', async () => {
    const latin1 = Uint8Array.from([...'% Encoding: ISO8859_1\n@misc{a, title = {Caf', 0xe9, ...'}, eprint = {2401.00001}}'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    const decoded = decodeBibtex(latin1);
    expect(decoded.ok && decoded.text).toContain('Café');
  });
});

// ——— Preview and import ———

async function snapshot(db: ShelfmarkDB) {
  return db.papers.orderBy('id').toArray();
}

function withoutStamps({ changedAt: _at, changedBy: _by, metaAt: _meta, tags, ...record }: PaperRecord) {
  return { ...record, tags: tags?.map(({ name, removed }) => ({ name, removed })) };
}

async function importText(db: ShelfmarkDB, text: string, choice: BibImportChoice = { star: true, queue: false }) {
  const bib = await read(text);
  return { bib, plan: await previewBibtexImport(db, bib), result: await applyBibtexImport(db, bib, choice, 5_000) };
}

describe('preview and import', () => {
  it('adds new papers starred and queued in file order, with their metadata', async () => {
    const db = freshDatabase();
    await setQueued(db, paperRef(99), true, { now: 1 });
    const { plan, result } = await importText(db, fixture('jabref'), { star: true, queue: true });
    const added = ['arxiv:1706.03762', 'arxiv:hep-th/9711200', ALPHAFOLD[0]];
    expect(plan.added.map((paper) => paper.ref.id)).toEqual(added);
    expect(result).toEqual({ added, updated: [], unchanged: 0 });
    const queue = await db.papers.orderBy('queuePos').toArray();
    expect(queue.map((paper) => paper.id)).toEqual(['arxiv:2401.00099', ...added]);
    const attention = await db.papers.get('arxiv:1706.03762');
    expect(attention).toMatchObject({ title: 'Attention Is All You Need', starredAt: 5_000, queuedAt: 5_000, version: 7 });
    expect(attention!.words).toContain('attention');
  });

  it('papers already in the library keep their metadata and note; the file fills what they lack', async () => {
    const db = freshDatabase();
    await setNote(db, { id: 'arxiv:1706.03762', title: 'Attention is all you need (HF title)' }, 'my note', { now: 1 });
    const { plan, result } = await importText(db, fixture('zotero'));
    expect(plan.matched.map(({ record }) => record.id)).toEqual(['arxiv:1706.03762']);
    expect(matchedToChange(plan, { star: true, queue: false })).toBe(1);
    expect(result.updated).toEqual(['arxiv:1706.03762']);
    const stored = await db.papers.get('arxiv:1706.03762');
    expect(stored).toMatchObject({ title: 'Attention is all you need (HF title)', note: 'my note', starredAt: 5_000 });
    expect(stored!.authors[0]).toBe('Ashish Vaswani');
    expect(stored!.abstract).toMatch(/^The dominant/);
  });

  it('makes the same records as starring, queueing and tagging each paper by hand', async () => {
    const byHand = freshDatabase();
    const byImport = freshDatabase();
    for (const db of [byHand, byImport]) {
      await setQueued(db, paperRef(99), true, { now: 1 });
      await setTagged(db, paperRef(99), 'Reading group', true, { now: 1 });
      await setNote(db, { id: 'arxiv:1706.03762', title: 'Attention (from a card)' }, 'mine', { now: 2 });
    }
    const bib = await read(fixture('jabref'));
    for (const paper of bib.papers) {
      const stored = await byHand.papers.get(paper.ref.id);
      // A stored paper keeps its title; this one (from a card with a note) lacks the rest.
      const { id, authors, abstract, date, links } = paper.ref;
      const target = stored ? { id, title: stored.title, authors, abstract, date, links } : paper.ref;
      for (const kind of ['star', 'queue'] as const) await applyAction(byHand, target, { kind, value: true }, { now: 5_000 });
      await applyAction(byHand, target, { kind: 'tag', name: 'reading GROUP', value: true }, { now: 5_000 });
    }
    await applyBibtexImport(byImport, bib, { star: true, queue: true, tags: ['reading GROUP'] }, 5_000);
    // The tag is named as the library names it.
    expect(await libraryTags(byImport)).toEqual([{ key: 'reading group', name: 'Reading group', count: bib.papers.length + 1 }]);
    // By hand a paper takes a clock tick per action, the import one per paper: the same records
    // apart from those times, which the next test checks on their own.
    expect((await snapshot(byImport)).map(withoutStamps)).toEqual((await snapshot(byHand)).map(withoutStamps));
  });

  it('stamps each changed paper by the clock, later than before, and records it for sync', async () => {
    const db = freshDatabase();
    await setNote(db, { id: 'arxiv:1706.03762', title: 'Attention' }, 'mine', { now: 9_000 });
    const bib = await read(fixture('jabref'));
    await applyBibtexImport(db, bib, { star: true, queue: true }, 5_000);
    const clock = await readClock(db);
    const records = await snapshot(db);
    const stamps = records.map((record) => record.changedAt.star);
    // The stored paper's note was written at 9,000: its star beats that time although the import's clock says 5,000.
    expect(stamps[0]).toBeGreaterThan(9_000);
    expect(new Set(stamps).size).toBe(3);
    for (const record of records) {
      expect(record.changedAt.queue).toBe(record.changedAt.star);
      expect(record.changedBy).toMatchObject({ star: clock.deviceId });
    }
    expect(clock.newest).toBe(Math.max(...stamps.map(Number)));
    const outbox = await db.outbox.toArray();
    expect(outbox.filter((row) => row.kind === 'star' || row.kind === 'queue').map((row) => `${row.id} ${row.kind}`).sort()).toEqual([
      'arxiv:1706.03762 queue', 'arxiv:1706.03762 star', 'arxiv:hep-th/9711200 queue', 'arxiv:hep-th/9711200 star',
      `${ALPHAFOLD[0]} queue`, `${ALPHAFOLD[0]} star`,
    ]);
  });

  it('finds a paper under any of its ids: a DOI entry is the arXiv paper the library knows by that DOI too', async () => {
    const db = freshDatabase();
    await setNote(db, { id: 'arxiv:1512.03385', title: 'Deep Residual Learning', aliases: ['doi:10.1109/cvpr.2016.90'] }, 'resnets', { now: 1 });
    const { plan, result } = await importText(db, '@inproceedings{he2016, title={Deep Residual Learning for Image Recognition}, doi={10.1109/CVPR.2016.90}, booktitle={CVPR}, year={2016}}');
    expect(plan.added).toEqual([]);
    expect(plan.matched.map(({ record }) => record.id)).toEqual(['arxiv:1512.03385']);
    expect(result).toEqual({ added: [], updated: ['arxiv:1512.03385'], unchanged: 0 });
    expect(await snapshot(db)).toEqual([expect.objectContaining({ id: 'arxiv:1512.03385', aliases: ['doi:10.1109/cvpr.2016.90'], note: 'resnets', starredAt: 5_000 })]);
  });

  it('an entry showing two ids the library stored apart makes them one record, as a card showing both would', async () => {
    const byHand = freshDatabase();
    const byImport = freshDatabase();
    for (const db of [byHand, byImport]) {
      await setNote(db, { id: 'arxiv:1512.03385', title: 'Deep Residual Learning (preprint)' }, 'preprint note', { now: 1 });
      await setQueued(db, { id: 'doi:10.1109/cvpr.2016.90', title: 'Deep Residual Learning (CVPR)' }, true, { now: 2 });
    }
    const bib = await read('@inproceedings{he2016, title={Deep Residual Learning for Image Recognition}, doi={10.1109/CVPR.2016.90}, eprint={1512.03385}, archivePrefix={arXiv}}');
    const plan = await previewBibtexImport(byImport, bib);
    expect(plan.matched.map(({ record }) => [record.id, record.aliases])).toEqual([['arxiv:1512.03385', ['doi:10.1109/cvpr.2016.90']]]);
    const result = await applyBibtexImport(byImport, bib, { star: true, queue: false }, 5_000);
    expect(result).toEqual({ added: [], updated: ['arxiv:1512.03385'], unchanged: 0 });
    const { id, aliases, authors, abstract, date, links } = bib.papers[0]!.ref;
    await applyAction(byHand, { id, aliases, title: 'Deep Residual Learning (preprint)', authors, abstract, date, links }, { kind: 'star', value: true }, { now: 5_000 });
    const records = await snapshot(byImport);
    expect(records.map(withoutStamps)).toEqual((await snapshot(byHand)).map(withoutStamps));
    expect(records).toEqual([expect.objectContaining({ id: 'arxiv:1512.03385', note: 'preprint note', queuedAt: 2, starredAt: 5_000 })]);
    // For sync: the DOI record's changes now wait under the paper's id.
    expect(new Set((await byImport.outbox.toArray()).map((row) => row.id))).toEqual(new Set(['arxiv:1512.03385']));
  });

  it('a group it sets is ordered by the import\'s stamp: a click made before the import, arriving after it, loses', async () => {
    const db = freshDatabase();
    // A page's click (made at 1,000) unstarred the paper; then the import stars it.
    await applyAction(db, { id: 'arxiv:1706.03762', title: 'Attention' }, { kind: 'queue', value: true, at: 1_000 }, { now: 1_000 });
    await applyAction(db, { id: 'arxiv:1706.03762', title: 'Attention' }, { kind: 'star', value: false, at: 1_000 }, { now: 1_000 });
    await applyBibtexImport(db, await read(fixture('jabref')), { star: true, queue: false }, 5_000);
    const imported = (await db.papers.get('arxiv:1706.03762'))!;
    expect(imported.starredAt).toBe(5_000);
    // The star's came from the click it replaced: gone. (Queueing is a read action of its time too: the paper is unread.)
    expect(imported.actedAt).toEqual({ queue: 1_000, read: 1_000 });
    // A click made at 4,000, before the import's stamp, arriving now: the import's star stands.
    expect(await applyAction(db, 'arxiv:1706.03762', { kind: 'star', value: false, at: 4_000 }, { now: 6_000 })).toMatchObject({ starred: true });
    expect(await applyAction(db, 'arxiv:1706.03762', { kind: 'star', value: false, at: imported.changedAt.star! + 1 }, { now: 9_000 })).toMatchObject({ starred: false });
  });

  it('importing the same file again changes nothing', async () => {
    const db = freshDatabase();
    await importText(db, fixture('mendeley'));
    const before = await snapshot(db);
    const { plan, result } = await importText(db, fixture('mendeley'));
    expect(matchedToChange(plan, { star: true, queue: false })).toBe(0);
    expect(result).toEqual({ added: [], updated: [], unchanged: 3 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('is one transaction: a failure part way leaves the library as it was', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 1 });
    const before = await snapshot(db);
    const bib = await read(fixture('jabref'));
    let writes = 0;
    db.papers.hook('creating', () => {
      if (++writes === 2) throw new Error('disk full');
    });
    await expect(applyBibtexImport(db, bib, { star: true, queue: true })).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });

  it('needs a choice: an import that would make nothing of the papers is refused', async () => {
    const db = freshDatabase();
    await expect(applyBibtexImport(db, await read(fixture('jabref')), { star: false, queue: false })).rejects.toThrow(/Choose/);
    expect(await db.papers.count()).toBe(0);
  });
});

describe('property: any file, however broken', () => {
  const SOURCES = ['zotero', 'jabref', 'mendeley', 'scholar'].map(fixture);
  const PIECES = ['{', '}', '"', '@', ',', '=', '#', '\\', '$', '%', '\n', '@string{a = a # a}', '@misc{', '\u0000', 'é', '\\"{'];

  /** A real export cut, spliced and sprinkled with BibTeX's special characters. */
  const damaged = fc
    .tuple(
      fc.constantFrom(...SOURCES),
      fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }))), { maxLength: 12 }),
      fc.nat(),
    )
    .map(([source, edits, cut]) => {
      let text = source.slice(0, source.length - (cut % 200));
      for (const [at, piece] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + piece + text.slice(i);
      }
      return text;
    });

  it('never throws, and a refused file changes nothing', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 1 });
    const before = await snapshot(db);
    await fc.assert(
      fc.asyncProperty(fc.oneof(damaged, fc.string({ maxLength: 300 })), async (text) => {
        const result = await parseBibtex(text);
        if (!result.ok) {
          expect(result.error).toMatch(/Nothing was imported\.$/);
          expect(await snapshot(db)).toEqual(before);
          return;
        }
        // What is read is always importable: every paper validates, and the preview reads it.
        const bib = papersFromBibtex(result.bibtex);
        const plan = await previewBibtexImport(db, bib);
        expect(plan.added.length + plan.matched.length).toBe(bib.papers.length);
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
