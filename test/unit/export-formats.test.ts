import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, backupPaper, toBackup } from '@/lib/export/backup';
import { baseCitationKey, bibtexEntry, citationKeys, escapeBibtex, toBibtex } from '@/lib/export/bibtex';
import { CSV_COLUMNS, toCsv } from '@/lib/export/csv';
import { exportFile, exportFileName, localDate } from '@/lib/export/formats';
import { markdownLink } from '@/lib/export/link';
import { toMarkdown } from '@/lib/export/markdown';
import { cleanText } from '@/lib/paper';
import { AUTOML, GAN_BALANCE, LLAMA, MALDACENA, PROMPT_WORTH, record, T0, TRICKY, TRICKY_TWIN } from './export-fixtures';

const BIB_LLAMA = `@misc{dubey2024llama,
  title = {{The Llama 3 Herd of Models}},
  author = {Abhimanyu Dubey and Abhinav Jauhri and Abhinav Pandey},
  year = {2024},
  eprint = {2407.21783},
  archivePrefix = {arXiv},
  primaryClass = {cs.AI},
  url = {https://arxiv.org/abs/2407.21783},
  doi = {10.48550/arXiv.2407.21783},
  annote = {Compare with §3.2: 50\\% \\& more}
}
`;

const BIB_MALDACENA = `@misc{maldacena1997large,
  title = {{The Large N Limit of Superconformal Field Theories and Supergravity}},
  author = {Juan M. Maldacena},
  year = {1997},
  eprint = {hep-th/9711200},
  archivePrefix = {arXiv},
  primaryClass = {hep-th},
  url = {https://arxiv.org/abs/hep-th/9711200},
  doi = {10.48550/arXiv.hep-th/9711200}
}
`;

const BIB_TRICKY = `@misc{zoe2024beta,
  title = {{\\$\\textbackslash{}beta\\$-VAE\\_\\{2\\}: Learning \\textasciitilde{} \\textasciicircum{} \\# Émile’s 🦙 concepts -{}- fast}},
  author = {Émile Zoë and {Meta and Friends AI} and {O’Neil, Jr.}},
  year = {2024},
  eprint = {2401.00001},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/2401.00001},
  doi = {10.48550/arXiv.2401.00001},
  annote = {Line 1 with a\\_b

Line 3: \\{braces\\} and \\textbackslash{}cite\\{x\\}}
}
`;

const BIB_TWIN = `@misc{zoe2024betaa,
  title = {{Beta testing}},
  author = {Emile Zoe},
  year = {2024},
  eprint = {2401.00002},
  archivePrefix = {arXiv},
  url = {https://arxiv.org/abs/2401.00002},
  doi = {10.48550/arXiv.2401.00002}
}
`;

/** Parses with a real BibTeX parser, title casing left alone (we compare text, not styling). */
function parseBack(bib: string) {
  const library = parseBibtex(bib, { english: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

const fullName = (creator: Creator) =>
  creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');

/** TeX collapses runs of whitespace and reads a blank line as a paragraph (the parser marks it <p>). */
const asTex = (text: string) => text.replace(/\s*\n\s*\n\s*/g, '<p>').replace(/\s+/g, ' ').trim();

describe('BibTeX export', () => {
  it('writes the hand-checked entries for known papers', () => {
    expect(toBibtex([LLAMA, MALDACENA, TRICKY, TRICKY_TWIN])).toBe([BIB_LLAMA, BIB_MALDACENA, BIB_TRICKY, BIB_TWIN].join('\n'));
  });

  it('parses back with a real BibTeX parser to the same fields', () => {
    const papers = [LLAMA, MALDACENA, TRICKY, TRICKY_TWIN];
    const entries = parseBack(toBibtex(papers));
    expect(entries.map((entry) => entry.key)).toEqual(['dubey2024llama', 'maldacena1997large', 'zoe2024beta', 'zoe2024betaa']);
    entries.forEach((entry, i) => {
      const paper = papers[i]!;
      const arxivId = paper.id.slice('arxiv:'.length);
      expect(entry.type).toBe('misc');
      expect(entry.fields.title).toBe(paper.title);
      expect(entry.fields.author!.map(fullName)).toEqual(paper.authors);
      expect(entry.fields.eprint).toBe(arxivId);
      expect(entry.fields.archiveprefix).toBe('arXiv');
      expect(entry.fields.url).toBe(`https://arxiv.org/abs/${arxivId}`);
      expect(entry.fields.doi).toBe(`10.48550/arXiv.${arxivId}`);
      expect(entry.fields.primaryclass).toBe(paper.primaryCategory);
      expect(entry.fields.annote).toBe(paper.note ? asTex(paper.note) : undefined);
    });
    expect(entries.map((entry) => entry.fields.year)).toEqual(['2024', '1997', '2024', '2024']);
  });

  it('escapes every TeX special character so any text parses back as written (property)', () => {
    // Titles as the library stores them (cleaned page text); anything a person might type, TeX and emoji included.
    const textChar = fc.oneof(
      fc.constantFrom(...'\\{}&%$#_~^<>|-`\'"?!@,.:;=+*/ '),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    const text = fc.array(textChar, { minLength: 1, maxLength: 40 }).map((chars) => cleanText(chars.join('')));
    fc.assert(
      fc.property(text.filter((t) => t !== ''), text, (title, note) => {
        const [entry] = parseBack(bibtexEntry(record({ id: 'arxiv:2401.12345', title, note })));
        expect(entry!.fields.title).toBe(title);
        expect(entry!.fields.annote).toBe(note.trim() === '' ? undefined : asTex(note));
      }),
      { numRuns: 300 },
    );
  });

  it('escapes the characters the issue lists, and leaves Unicode alone', () => {
    expect(escapeBibtex('& % $ # _ { } ~ ^ \\')).toBe(
      '\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
    expect(escapeBibtex('Émile Zoë 中文 🦙 α≤β')).toBe('Émile Zoë 中文 🦙 α≤β');
  });

  it('makes keys from first author, year and first significant title word', () => {
    expect(baseCitationKey(LLAMA)).toBe('dubey2024llama');
    expect(baseCitationKey(record({ id: 'arxiv:1706.03762', title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] }))).toBe(
      'vaswani2017attention',
    );
    expect(baseCitationKey(record({ id: 'arxiv:2401.00003', title: 'On the Use of Tools', authors: ['Lovelace, Ada'] }))).toBe(
      'lovelace2024use',
    );
    expect(baseCitationKey(record({ id: 'arxiv:2401.00004', title: 'A Study', authors: ['Martin Luther King Jr.'] }))).toBe(
      'king2024study',
    );
    // No usable Latin name or title word: still a valid key.
    expect(baseCitationKey(record({ id: 'arxiv:2401.00005', title: '深度学习', authors: ['张伟'] }))).toBe('anon2024');
  });

  it('keeps keys unique and stable whatever order the same papers come in', () => {
    const papers = [TRICKY, TRICKY_TWIN, record({ id: 'arxiv:2401.00003', title: 'Beta blockers', authors: ['E. Zoe'] })];
    const forward = citationKeys(papers);
    const backward = citationKeys([...papers].reverse());
    expect([...forward.values()].sort()).toEqual(['zoe2024beta', 'zoe2024betaa', 'zoe2024betab']);
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
  });

  it('never hands out a suffixed key that is another paper’s own key', () => {
    const papers = [
      record({ id: 'arxiv:2001.00001', title: 'Deep nets', authors: ['Jo Smith'] }),
      record({ id: 'arxiv:2001.00002', title: 'Deep trees', authors: ['Jo Smith'] }),
      record({ id: 'arxiv:2001.00003', title: 'Deepa graphs', authors: ['Jo Smith'] }),
    ];
    const keys = citationKeys(papers);
    expect(new Set(keys.values()).size).toBe(3);
    expect(keys.get('arxiv:2001.00003')).toBe('smith2020deepa');
    expect(keys.get('arxiv:2001.00002')).toBe('smith2020deepb');
  });

  it('goes on past z: 30 papers with the same key are all distinct', () => {
    const papers = Array.from({ length: 30 }, (_, n) =>
      record({ id: `arxiv:2001.${String(n).padStart(5, '0')}`, title: 'Same', authors: ['A Smith'] }),
    );
    const keys = [...citationKeys(papers).values()];
    expect(new Set(keys).size).toBe(30);
    expect(keys).toContain('smith2020sameaa');
    expect(parseBack(toBibtex(papers))).toHaveLength(30);
  });
});

describe('Markdown export', () => {
  it('writes one document with a section per paper, the note as written', () => {
    expect(toMarkdown([LLAMA, MALDACENA], { title: 'Starred papers', exportedAt: new Date(T0) })).toBe(`---
title: "Shelfmark: Starred papers"
exported: 2024-08-02T09:30:00.000Z
papers: 2
---

# Shelfmark: Starred papers

## [The Llama 3 Herd of Models](https://arxiv.org/abs/2407.21783)

- **Authors:** Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey
- **arXiv:** [2407.21783](https://arxiv.org/abs/2407.21783) · [PDF](https://arxiv.org/pdf/2407.21783) · [Hugging Face](https://huggingface.co/papers/2407.21783)
- **Date:** 2024-07-31
- **State:** starred · unread · in reading queue

Compare with §3.2: 50% & more

## [The Large N Limit of Superconformal Field Theories and Supergravity](https://arxiv.org/abs/hep-th/9711200)

- **Authors:** Juan M. Maldacena
- **arXiv:** [hep-th/9711200](https://arxiv.org/abs/hep-th/9711200) · [PDF](https://arxiv.org/pdf/hep-th/9711200)
- **State:** not starred · read
`);
  });

  it('escapes Markdown syntax in titles and names but keeps the note byte for byte', () => {
    const md = toMarkdown([TRICKY], { title: 'Papers with notes', exportedAt: new Date(T0) });
    expect(md).toContain(
      '## [\\$\\\\beta\\$-VAE\\_{2}: Learning \\~ ^ \\# Émile’s 🦙 concepts -- fast](https://arxiv.org/abs/2401.00001)\n',
    );
    expect(md).toContain('- **Authors:** Émile Zoë, Meta and Friends AI, O’Neil, Jr.\n');
    expect(md).toContain(`\n\n${TRICKY.note}\n`);
  });

  it('is an empty document with its front matter when there are no papers', () => {
    expect(toMarkdown([], { title: 'Reading queue', exportedAt: new Date(T0) })).toBe(
      '---\ntitle: "Shelfmark: Reading queue"\nexported: 2024-08-02T09:30:00.000Z\npapers: 0\n---\n\n# Shelfmark: Reading queue\n',
    );
  });

  it('copies one paper as a Markdown link', () => {
    expect(markdownLink(LLAMA)).toBe('[The Llama 3 Herd of Models](https://arxiv.org/abs/2407.21783)');
    expect(markdownLink(record({ id: 'arxiv:2401.00009', title: 'A [bracketed] *title* (with parens)' }))).toBe(
      '[A \\[bracketed\\] \\*title\\* (with parens)](https://arxiv.org/abs/2401.00009)',
    );
  });
});

describe('CSV export', () => {
  const BOM = '\uFEFF';

  it('writes RFC 4180 CSV with a BOM, CRLF line ends and one row per paper', () => {
    expect(toCsv([LLAMA, MALDACENA])).toBe(
      BOM +
        [
          CSV_COLUMNS.join(','),
          'arxiv:2407.21783,2407.21783,10.48550/arXiv.2407.21783,,The Llama 3 Herd of Models,Abhimanyu Dubey; Abhinav Jauhri; Abhinav Pandey,,2024,2024-07-31,cs.AI,' +
            'https://arxiv.org/abs/2407.21783,https://arxiv.org/pdf/2407.21783,yes,2024-08-02T09:30:00.000Z,no,,yes,2024-08-02T09:30:01.000Z,' +
            'Compare with §3.2: 50% & more,2024-08-02T09:30:02.000Z,2024-08-02T09:30:00.000Z,',
          'arxiv:hep-th/9711200,hep-th/9711200,10.48550/arXiv.hep-th/9711200,,The Large N Limit of Superconformal Field Theories and Supergravity,Juan M. Maldacena,,1997,,hep-th,' +
            'https://arxiv.org/abs/hep-th/9711200,https://arxiv.org/pdf/hep-th/9711200,no,,yes,2024-08-03T09:30:00.000Z,no,,,,2024-08-03T09:30:00.000Z,',
        ].join('\r\n') +
        '\r\n',
    );
    expect(CSV_COLUMNS).toEqual([
      'id', 'arxiv_id', 'doi', 'other_ids', 'title', 'authors', 'venue', 'year', 'date', 'primary_category', 'url', 'pdf_url',
      'starred', 'starred_at', 'read', 'read_at', 'in_queue', 'queued_at', 'note', 'note_updated_at', 'added_at', 'tags',
    ]);
  });

  it('quotes commas, quotes and line breaks, and parses back to the same cells', () => {
    const quoted = record({ id: 'arxiv:2401.00010', title: 'Say "hello", world', note: 'two\r\nlines, "quoted"', authors: ['Ä, Ö'] });
    const csv = toCsv([TRICKY, quoted]);
    expect(csv).toContain('"Say ""hello"", world"');
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => [row.title, row.authors, row.note])).toEqual([
      [TRICKY.title, 'Émile Zoë; Meta and Friends AI; O’Neil, Jr.', TRICKY.note],
      [quoted.title, 'Ä, Ö', quoted.note],
    ]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+1 great paper'],
    ['-2+3+cmd|\' /C calc\'!A0'],
    ['@SUM(A1:A9)'],
    ['\tstarts with a tab'],
    ['\rstarts with a carriage return'],
    ['=1+1\nand a second line'],
  ])('neutralises a cell that a spreadsheet would run as a formula: %j', (dangerous) => {
    const paper = record({ id: 'arxiv:2401.00011', title: dangerous, authors: [dangerous], note: dangerous });
    const parsed = Papa.parse<Record<string, string>>(toCsv([paper]).slice(1), { header: true, skipEmptyLines: true });
    const row = parsed.data[0]!;
    for (const column of ['title', 'authors', 'note'] as const) expect(row[column]).toBe(`'${dangerous}`);
    // Harmless cells are left as they are.
    expect(row.id).toBe('arxiv:2401.00011');
  });

  it('leaves cells alone that only contain those characters later on', () => {
    const paper = record({ id: 'arxiv:2401.00012', title: 'x = y + z', note: 'mail me @ home' });
    const row = Papa.parse<Record<string, string>>(toCsv([paper]).slice(1), { header: true }).data[0]!;
    expect([row.title, row.note]).toEqual(['x = y + z', 'mail me @ home']);
  });
});

describe('JSON backup and files', () => {
  it('wraps every stored field but the search index in a versioned envelope', () => {
    const backup = JSON.parse(toBackup([LLAMA, MALDACENA], new Date(T0)));
    expect(backup).toEqual({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '2024-08-02T09:30:00.000Z',
      papers: [LLAMA, MALDACENA].map(({ words: _words, ...paper }) => paper),
    });
    expect(backup.papers[0]).toMatchObject({ changedAt: LLAMA.changedAt, createdAt: T0, queuePos: 1, seen: LLAMA.seen });
  });

  it('writes one paper per line, compact and diff-friendly', () => {
    const head = `{\n  "format": "shelfmark-backup",\n  "version": ${BACKUP_VERSION},\n  "exportedAt": "2024-08-02T09:30:00.000Z",\n  "papers": [`;
    expect(toBackup([MALDACENA, LLAMA], new Date(T0))).toBe(
      `${head}\n    ${JSON.stringify(backupPaper(MALDACENA))},\n    ${JSON.stringify(backupPaper(LLAMA))}\n  ]\n}\n`,
    );
    expect(toBackup([], new Date(T0))).toBe(`${head}]\n}\n`);
    expect(JSON.parse(toBackup([], new Date(T0))).papers).toEqual([]);
  });

  it('names files shelfmark-<scope>-<local date>.<ext>', () => {
    const lateEvening = new Date(2026, 10, 27, 23, 30); // local time
    expect(localDate(lateEvening)).toBe('2026-11-27');
    expect(exportFileName('notes', 'markdown', lateEvening)).toBe('shelfmark-notes-2026-11-27.md');
    expect(exportFileName('queue', 'bibtex', lateEvening)).toBe('shelfmark-queue-2026-11-27.bib');
    expect(exportFileName('all', 'json', lateEvening)).toBe('shelfmark-all-2026-11-27.json');
    expect(exportFileName('search', 'csv', lateEvening)).toBe('shelfmark-search-2026-11-27.csv');
  });

  it('builds a whole file: name, type and content', async () => {
    const file = await exportFile([LLAMA], 'bibtex', { scope: 'starred', now: new Date(2026, 0, 5) });
    expect(file).toEqual({ name: 'shelfmark-starred-2026-01-05.bib', mimeType: 'application/x-bibtex;charset=utf-8', data: BIB_LLAMA });
  });
});

describe('papers of every scheme', () => {
  it('BibTeX: the DOI where one is known (id or alias), the paper’s page as url, the venue, the year of publication', () => {
    expect(toBibtex([PROMPT_WORTH, AUTOML, GAN_BALANCE])).toBe(
      [
        `@misc{scao2021many,
  title = {{How many data points is a prompt worth?}},
  author = {Teven Le Scao and Alexander Rush},
  year = {2021},
  howpublished = {Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics},
  url = {https://aclanthology.org/2021.naacl-main.208/}
}
`,
        `@misc{calefato2023assessing,
  title = {{Assessing the Use of AutoML for Data-Driven Software Engineering.}},
  author = {Fabio Calefato and Luigi Quaranta and Filippo Lanubile and Marcos Kalinowski},
  year = {2023},
  howpublished = {ESEM},
  url = {https://doi.org/10.1109/ESEM56168.2023.10304796},
  doi = {10.1109/esem56168.2023.10304796},
  annote = {Compare with the AutoML survey}
}
`,
        `@misc{anonymous2017improving,
  title = {{Improving Discriminator-Generator Balance in Generative Adversarial Networks}},
  author = {Anonymous},
  year = {2017},
  howpublished = {ICLR 2018 Conference Blind Submission},
  url = {https://openreview.net/forum?id=SyBPtQfAZ}
}
`,
      ].join('\n'),
    );
    const entries = parseBack(toBibtex([AUTOML, { ...GAN_BALANCE, links: {}, aliases: ['doi:10.1000/abc_1%'] }]));
    expect(entries.map((entry) => [entry.fields.doi, entry.fields.url])).toEqual([
      ['10.1109/esem56168.2023.10304796', 'https://doi.org/10.1109/ESEM56168.2023.10304796'],
      ['10.1000/abc_1%', 'https://openreview.net/forum?id=SyBPtQfAZ'],
    ]);
  });

  it('Markdown: every id linked to its page, the PDF, the venue', () => {
    const text = toMarkdown([AUTOML, PROMPT_WORTH], { title: 'Everything', exportedAt: new Date(T0) });
    expect(text).toContain(
      '- **Ids:** [DOI 10.1109/esem56168.2023.10304796](https://doi.org/10.1109/ESEM56168.2023.10304796) · [dblp conf/esem/CalefatoQLK23](https://dblp.org/rec/conf/esem/CalefatoQLK23.html)\n- **Venue:** ESEM',
    );
    expect(text).toContain(
      '## [How many data points is a prompt worth?](https://aclanthology.org/2021.naacl-main.208/)\n\n- **Authors:** Teven Le Scao, Alexander Rush\n' +
        '- **Ids:** [ACL 2021.naacl-main.208](https://aclanthology.org/2021.naacl-main.208/) · [PDF](https://aclanthology.org/2021.naacl-main.208.pdf)\n',
    );
  });

  it('CSV: the DOI, other ids, venue, year and both links of each paper', () => {
    const parsed = Papa.parse<Record<string, string>>(toCsv([PROMPT_WORTH, AUTOML, GAN_BALANCE]).slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((row) => [row.id, row.arxiv_id, row.doi, row.other_ids, row.venue, row.year, row.url, row.pdf_url])).toEqual([
      ['acl:2021.naacl-main.208', '', '', '', PROMPT_WORTH.venue, '2021', 'https://aclanthology.org/2021.naacl-main.208/', 'https://aclanthology.org/2021.naacl-main.208.pdf'],
      ['doi:10.1109/esem56168.2023.10304796', '', '10.1109/esem56168.2023.10304796', 'dblp:conf/esem/CalefatoQLK23', 'ESEM', '2023', 'https://doi.org/10.1109/ESEM56168.2023.10304796', ''],
      ['openreview:SyBPtQfAZ', '', '', '', 'ICLR 2018 Conference Blind Submission', '2017', 'https://openreview.net/forum?id=SyBPtQfAZ', 'https://openreview.net/pdf?id=SyBPtQfAZ'],
    ]);
  });

  it('JSON backup: the ids, aliases, venue and year as stored', () => {
    const papers = JSON.parse(toBackup([AUTOML], new Date(T0))).papers;
    expect(papers[0]).toEqual(backupPaper(AUTOML));
    expect(papers[0]).toMatchObject({ id: AUTOML.id, aliases: AUTOML.aliases, venue: 'ESEM' });
  });
});
