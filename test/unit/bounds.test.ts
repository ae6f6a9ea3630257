import { describe, expect, it } from 'vitest';
import { boundPaperRef, boundStoredPaper, cleanPageText, clipText, paperLinksOf } from '@/lib/bounds';
import { CAPS, LIMITS } from '@/lib/limits';
import { PaperRefSchema, withinMessageBudget } from '@/lib/messages';
import { applyAction } from '@/lib/store/library';
import { freshDatabase } from '../db-helpers';

const ID = 'arxiv:2401.00001';

describe('cleanPageText: invisible characters never reach storage', () => {
  it.each([
    ['a right-to-left override', 'Invoice \u202Egnp.exe', 'Invoice gnp.exe'],
    ['isolates and marks', '\u2066Title\u2069 \u200Fhere\u200E \u061C', 'Title here'],
    ['zero-width characters', 'At\u200Bten\u200Ction\u200D \u2060is\uFEFF all', 'Attention is all'],
    ['a soft hyphen and tag characters', 'Trans\u00ADformers\u{E0041}', 'Transformers'],
    ['control characters', 'Null\u0000 and\u0007 bell\u009B', 'Null and bell'],
    ['Hangul fillers (blank letters)', 'A\u3164B\u115F', 'AB'],
    ['whitespace runs, newlines and tabs', '  A\n\ttitle\u00A0 here ', 'A title here'],
  ])('removes %s', (_name, text, clean) => {
    expect(cleanPageText(text)).toBe(clean);
  });

  it('keeps every visible script, accents and math', () => {
    const text = 'Émile Zoë · 李雷 · Ωμέγα · مرحبا · שלום · $x^2 + \\alpha$ · 🧪';
    expect(cleanPageText(text)).toBe(text);
  });

  it('clips with an ellipsis, never inside a surrogate pair', () => {
    expect(clipText('abcdef', 4)).toBe('abc…');
    expect(clipText('ab🧪cd', 4)).toBe('ab…');
    expect(clipText('abc', 4)).toBe('abc');
  });
});

describe('boundPaperRef: what a record keeps of a card', () => {
  it('drops empty and invalid fields', () => {
    expect(
      boundPaperRef({
        id: ID,
        title: '  A  title ',
        version: 0,
        authors: ['', '  ', '\u200B'],
        authorCount: -1,
        organization: '',
        date: '2024-02-30',
        upvotes: 1.5,
        comments: Number.NaN,
        categories: [],
        links: { abs: 'javascript:alert(1)', pdf: 'https://arxiv.org/pdf/2401.00001' },
      }),
    ).toEqual({ id: ID, title: 'A title', links: { pdf: 'https://arxiv.org/pdf/2401.00001' } });
  });

  it('keeps the first authors of a 3,000-author paper and how many there are', () => {
    const authors = Array.from({ length: 3_000 }, (_, i) => `Author ${i + 1}`);
    const ref = boundPaperRef({ id: ID, title: 'Observation of a new particle', authors });
    expect(ref.authors).toEqual(authors.slice(0, CAPS.authors));
    expect(ref.authorCount).toBe(3_000);
    // A page that says how many (HF: "+2,990") keeps its count even with fewer names shown.
    expect(boundPaperRef({ id: ID, title: 'T', authors: ['A', 'B'], authorCount: 2_992 }).authorCount).toBe(2_992);
    expect(boundPaperRef({ id: ID, title: 'T', authors: ['A', 'B'], authorCount: 2 }).authorCount).toBeUndefined();
  });

  it('cuts every field to its cap, so a record from a page stays small', () => {
    const huge = 'x'.repeat(300_000);
    const words = Array.from({ length: 60_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const ref = boundPaperRef({
      id: ID,
      title: words,
      authors: Array.from({ length: 9_000 }, (_, i) => `${i} ${huge.slice(0, 1_000)}`),
      authorCount: 9_000,
      organization: huge,
      abstract: huge,
      primaryCategory: huge,
      categories: Array.from({ length: 500 }, (_, i) => `cat.${i}`),
      journalRef: huge,
      paperComments: huge,
      links: { abs: `https://arxiv.org/abs/2401.00001?${huge}`, pdf: 'https://arxiv.org/pdf/2401.00001v2' },
    });
    expect(ref.title).toHaveLength(CAPS.title);
    expect(ref.title.endsWith('…')).toBe(true);
    expect(ref.authors).toHaveLength(CAPS.authors);
    expect(ref.authors!.every((name) => name.length <= CAPS.authorName)).toBe(true);
    expect(ref.authorCount).toBe(9_000);
    expect([ref.organization, ref.abstract, ref.primaryCategory, ref.journalRef, ref.paperComments].map((text) => text!.length)).toEqual([
      CAPS.organization,
      CAPS.abstract,
      CAPS.category,
      CAPS.journalRef,
      CAPS.paperComments,
    ]);
    expect(ref.categories).toHaveLength(CAPS.categories);
    expect(ref.links).toEqual({ pdf: 'https://arxiv.org/pdf/2401.00001v2' }); // the oversized link is dropped
  });

  it('stores at most 100 KB of a page’s metadata, at worst (three-byte characters, every word distinct)', async () => {
    const db = freshDatabase();
    let next = 0x4e00;
    /** `n` CJK characters never used before: three bytes each in UTF-8, and words nothing folds together. */
    const wide = (n: number) => String.fromCodePoint(...Array.from({ length: n }, () => next++));
    const words = (count: number, length: number) => Array.from({ length: count }, () => wide(length)).join(' ');
    const message = {
      id: ID,
      title: words(600, 2),
      authors: Array.from({ length: 300 }, () => `${words(2, 40)} ${wide(18)}`),
      organization: wide(5_000),
      abstract: wide(10_000),
      primaryCategory: wide(1_000),
      categories: Array.from({ length: 100 }, () => wide(100)),
      journalRef: wide(5_000),
      paperComments: wide(5_000),
      links: { abs: 'https://arxiv.org/abs/2401.00001', pdf: 'https://arxiv.org/pdf/2401.00001', html: 'https://arxiv.org/html/2401.00001v1', huggingface: 'https://huggingface.co/papers/2401.00001' },
    };
    expect(withinMessageBudget({ type: 'act', paper: message, action: { kind: 'star', value: true } })).toBe(true);
    const seen = { site: 'arxiv' as const, url: `https://arxiv.org/list/cs.CL/new?${'x'.repeat(1_900)}` };
    await applyAction(db, boundPaperRef(PaperRefSchema.parse(message)), { kind: 'star', value: true }, { seen });
    const record = (await db.papers.get(ID))!;
    expect(record.authors.map((name) => name.length)).toEqual(Array(CAPS.authors).fill(CAPS.authorName));
    expect(record.words.length).toBeLessThanOrEqual(CAPS.words);
    const bytes = new TextEncoder().encode(JSON.stringify(record)).length;
    expect(bytes).toBeGreaterThan(60 * 1024); // the worst case is really built
    expect(bytes).toBeLessThan(100 * 1024);
  });
});

describe('paperLinksOf: a page link is kept only when it leads to this paper', () => {
  it.each([
    ['arXiv abstract', 'abs', 'https://arxiv.org/abs/2401.00001', true],
    ['a versioned PDF', 'pdf', 'https://arxiv.org/pdf/2401.00001v3', true],
    ['arXiv HTML', 'html', 'https://arxiv.org/html/2401.00001v1', true],
    ['its Hugging Face page', 'huggingface', 'https://huggingface.co/papers/2401.00001', true],
    ['export.arxiv.org', 'abs', 'http://export.arxiv.org/abs/2401.00001', true],
    ['an off-site URL', 'abs', 'https://evil.example/abs/2401.00001', false],
    ['a look-alike host', 'abs', 'https://arxiv.org.evil.example/abs/2401.00001', false],
    ['another paper on arXiv', 'abs', 'https://arxiv.org/abs/2401.00002', false],
    ['a Hugging Face page that is not the paper', 'huggingface', 'https://huggingface.co/login?next=%2Fpapers%2F2401.00001', false],
    ['credentials in the URL', 'abs', 'https://arxiv.org@evil.example/abs/2401.00001', false],
    ['javascript:', 'abs', 'javascript:alert(1)//arxiv.org/abs/2401.00001', false],
  ] as const)('%s', (_name, kind, url, kept) => {
    expect(paperLinksOf(ID, { [kind]: url })).toEqual(kept ? { [kind]: url } : {});
  });
});

describe('paperLinksOf: schemes without a link reader (the rule later site adapters follow)', () => {
  it('keeps a link on a host of the scheme, or on the site the card was on', () => {
    const id = 'doi:10.1145/3544548';
    const links = { abs: 'https://dl.acm.org/doi/10.1145/3544548', pdf: 'https://doi.org/10.1145/3544548', html: 'https://evil.example/x' };
    expect(paperLinksOf(id, links)).toEqual({ pdf: links.pdf });
    expect(paperLinksOf(id, links, 'dl.acm.org')).toEqual({ abs: links.abs, pdf: links.pdf });
    expect(paperLinksOf(id, { abs: 'https://user@dl.acm.org/x' }, 'dl.acm.org')).toEqual({});
    expect(paperLinksOf(id, { abs: 'https://dl.acm.org.evil.example/x' }, 'dl.acm.org')).toEqual({});
  });

  it('a stored paper’s site is where it was last seen', () => {
    const stored = { id: 'doi:10.1145/3544548', title: 'T', authors: [], links: { abs: 'https://dl.acm.org/doi/10.1145/3544548' } };
    expect(boundStoredPaper({ ...stored, seen: { url: 'https://dl.acm.org/toc/x' } }).links).toEqual(stored.links);
    expect(boundStoredPaper(stored).links).toEqual({});
  });
});

describe('withinMessageBudget', () => {
  it('counts strings, values, items and keys', () => {
    expect(withinMessageBudget('x'.repeat(99), 100)).toBe(true);
    expect(withinMessageBudget('x'.repeat(100), 100)).toBe(false);
    expect(withinMessageBudget({ a: [1, 2, 3] }, 100)).toBe(true);
    expect(withinMessageBudget(Array.from({ length: 60 }, () => 0), 100)).toBe(false);
    expect(withinMessageBudget({ [`k${'x'.repeat(200)}`]: 1 }, 100)).toBe(false);
  });

  it('refuses a message of a million authors without reading them', () => {
    const authors: string[] = new Array(1_000_000);
    Object.defineProperty(authors, 0, { get: () => { throw new Error('an author was read'); } });
    expect(withinMessageBudget({ type: 'act', paper: { id: ID, title: 'T', authors } })).toBe(false);
  });

  it('refuses a 6 MB title by its length alone', () => {
    expect(withinMessageBudget({ type: 'act', paper: { id: ID, title: 'x'.repeat(6_000_000) } })).toBe(false);
    expect(withinMessageBudget({ type: 'act', paper: { id: ID, title: 'x' }, action: { kind: 'note', text: 'n'.repeat(LIMITS.note) } })).toBe(true);
  });
});
