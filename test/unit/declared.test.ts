import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { declaredPaper } from '@/lib/sites/declared';
import { readLinkText, readPageMeta, type PageMeta } from '@/lib/tab/page-meta';
import { linkTitle } from '@/lib/sites/generic';
import { sharedPage } from '../pages';

/** What the injected reader returns for `html` served at `url` (run here in jsdom, as in the page). */
function metaOf(html: string, url: string): PageMeta {
  const { window } = new JSDOM(html, { url });
  const globals = globalThis as unknown as { document: Document; location: Location };
  const saved = { document: globals.document, location: globals.location };
  Object.assign(globals, { document: window.document, location: window.location });
  try {
    return readPageMeta();
  } finally {
    Object.assign(globals, saved);
  }
}

describe('the paper a tab declares', () => {
  it('an arXiv PDF by its address alone; a file name or the id is not a title', () => {
    expect(declaredPaper({ url: 'https://arxiv.org/pdf/2504.06261v2', title: '2504.06261v2.pdf', tags: [] })).toEqual({
      paper: { id: 'arxiv:2504.06261', title: 'arXiv:2504.06261', version: 2, links: { pdf: 'https://arxiv.org/pdf/2504.06261v2' } },
      titled: false,
    });
    expect(declaredPaper({ url: 'https://arxiv.org/pdf/2504.06261', title: 'Parallel Decoding', tags: [] })?.paper.title).toBe('Parallel Decoding');
  });

  it('the real arXiv abstract page: its citation_* tags', () => {
    const meta = metaOf(sharedPage('arxiv_abs_2602.11156_2026.html'), 'https://arxiv.org/abs/2602.11156');
    const declared = declaredPaper(meta)!;
    expect(declared.titled).toBe(true);
    expect(declared.paper).toMatchObject({
      id: 'arxiv:2602.11156',
      title: 'HybridRAG: A Practical LLM-based ChatBot Framework based on Pre-Generated Q&A over Raw Unstructured Documents',
    });
    expect(declared.paper.authors?.length).toBeGreaterThan(0);
  });

  it('the real Hugging Face paper page: its og:title without "Paper page - "', () => {
    const meta = metaOf(sharedPage('hf_paper_2509.24002_bs4-prettified.html'), 'https://huggingface.co/papers/2509.24002');
    expect(declaredPaper(meta)?.paper).toMatchObject({ id: 'arxiv:2509.24002', title: expect.stringMatching(/^MCPMark: A Benchmark/) });
  });

  it('a DOI landing page: DOI, Dublin Core names, venue, date; an arXiv id among the tags names the paper, the DOI becomes an alias', () => {
    const tags: PageMeta['tags'] = [
      ['dc.title', 'A Journal Article'],
      ['dc.creator', 'Hopper, Grace'],
      ['citation_doi', 'https://doi.org/10.1145/3580305.3599421'],
      ['citation_journal_title', 'Communications of the ACM'],
      ['citation_date', '2023/5/7'],
    ];
    expect(declaredPaper({ url: 'https://journal.example.org/a/1', title: 'x', tags })).toEqual({
      paper: {
        id: 'doi:10.1145/3580305.3599421',
        title: 'A Journal Article',
        authors: ['Grace Hopper'],
        date: '2023-05-07',
        venue: 'Communications of the ACM',
        links: { abs: 'https://journal.example.org/a/1' },
      },
      titled: true,
    });
    const both = declaredPaper({ url: 'https://journal.example.org/a/1', title: 'x', tags: [...tags, ['citation_arxiv_id', '2305.10601']] });
    expect(both?.paper).toMatchObject({ id: 'arxiv:2305.10601', aliases: ['doi:10.1145/3580305.3599421'] });
  });

  it('nothing for a page that declares no paper, or declares one by nothing Shelfmark can name', () => {
    expect(declaredPaper({ url: 'https://news.ycombinator.com/item?id=1', title: 'Ask HN', tags: [] })).toBeNull();
    expect(declaredPaper({ url: 'https://blog.example.com/', title: 'Blog', tags: [['citation_title', 'Untitled'], ['dc.identifier', 'ISSN 1234-5678']] })).toBeNull();
    expect(declaredPaper({ url: 'https://arxiv.org/list/cs.CL/new', title: 'cs.CL new', tags: [] })).toBeNull();
  });

  it('keeps what it reads within the caps, without invisible characters, and a year alone as a year', () => {
    const declared = declaredPaper({
      url: 'https://x.example.org/p',
      title: '',
      tags: [['citation_title', `\u202E${'T'.repeat(5_000)}`], ['citation_doi', '10.1000/xyz'], ['citation_date', '1998']],
    })!;
    expect(declared.paper.title).toHaveLength(1_000);
    expect(declared.paper.title.startsWith('T')).toBe(true);
    expect(declared.paper).toMatchObject({ year: 1998 });
    expect(declared.paper.date).toBeUndefined();
  });

  it('the injected reader keeps only bibliographic tags, at most 300, each clipped', () => {
    const many = Array.from({ length: 400 }, (_, i) => `<meta name="citation_author" content="Author ${i}">`).join('');
    const meta = metaOf(`<head><meta name="viewport" content="x"><meta property="og:title" content="${'x'.repeat(3_000)}">${many}</head>`, 'https://a.example/');
    expect(meta.tags).toHaveLength(300);
    expect(meta.tags[0]).toEqual(['og:title', 'x'.repeat(2_000)]);
    expect(meta.tags.some(([name]) => name === 'viewport')).toBe(false);
  });
});

describe('the link menu’s title: a link’s text when it names a paper', () => {
  it.each([
    ['The Llama 3 Herd of Models', 'The Llama 3 Herd of Models'],
    ['  Attention   Is All You Need ', 'Attention Is All You Need'],
    ['arXiv', undefined],
    ['[PDF]', undefined],
    ['here', undefined],
    ['https://arxiv.org/abs/2407.21783', undefined],
    ['arXiv:2407.21783', undefined],
    ['10.1145/3394171.3413938', undefined],
    [undefined, undefined],
  ])('%j → %j', (text, title) => {
    expect(linkTitle(text)).toBe(title);
  });

  it('reads the text of the first link to the address, in the page', () => {
    const { window } = new JSDOM('<p><a href="https://arxiv.org/abs/1">First  link</a><a href="https://arxiv.org/abs/1">second</a></p>', { url: 'https://a.example/' });
    const globals = globalThis as unknown as { document: Document };
    const saved = globals.document;
    globals.document = window.document;
    try {
      expect(readLinkText('https://arxiv.org/abs/1')).toBe('First link');
      expect(readLinkText('https://arxiv.org/abs/2')).toBe('');
    } finally {
      globals.document = saved;
    }
  });
});
