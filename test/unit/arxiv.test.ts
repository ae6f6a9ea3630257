import { ADAPTERS } from '@/lib/sites';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { Annotator, type Send } from '@/lib/content/annotator';
import { EMPTY_STATE, type PaperState } from '@/lib/store/library';
import { shadowOf } from '@/lib/content/shadow';
import { CAPS } from '@/lib/limits';
import { PaperRefSchema } from '@/lib/messages';
import type { PaperRef } from '@/lib/paper';
import { adapterFor } from '@/lib/sites';
import { arxiv } from '@/lib/sites/arxiv';
import { createPageContext } from '@/lib/sites/types';
import { canonicalIds, SHARED_PAGES } from '../fixtures/shared-pages';
import { fixture, parsePage, sharedPage } from '../pages';
import { EXTRAS_LOADED } from './content-fixture';

function readPage(html: string, url: string) {
  const doc = parsePage(html);
  const page = createPageContext(doc, url);
  const cards = arxiv.findCards(doc, page);
  const papers = cards.map((card) => arxiv.readCard(card, page));
  return { doc, page, cards, ids: cards.map((card) => arxiv.cardId(card)), papers };
}

function paperOf(papers: (PaperRef | null)[], id: string, nth = 0): PaperRef {
  const found = papers.filter((paper) => paper?.id === id)[nth];
  if (!found) throw new Error(`no paper ${id} (#${nth}) on the page`);
  return found;
}

/** Every card read in full, with the id its cheap read gives, and acceptable to the background. */
function expectAllRead(result: ReturnType<typeof readPage>) {
  result.papers.forEach((paper, i) => {
    expect(paper, `card ${i}`).not.toBeNull();
    expect(paper!.id).toBe(result.ids[i]);
    expect(PaperRefSchema.safeParse(paper).success, `card ${i} fits the message schema`).toBe(true);
    expect(paper!.title).not.toMatch(/^Title:/);
  });
}

describe('arXiv adapter: URLs', () => {
  it.each([
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/list/cs.CL/recent?skip=50&show=50',
    'https://arxiv.org/list/hep-th/pastweek?skip=0&show=25',
    'https://arxiv.org/list/cs/new',
    'https://arxiv.org/list/cond-mat.stat-mech/new',
    'https://arxiv.org/list/physics.soc-ph/2607',
    'https://arxiv.org/list/cs.CL/2026-07',
    'https://arxiv.org/list/math/2026',
    'https://arxiv.org/list/hep-th/99',
    'https://arxiv.org/list/hep-th/9901',
    'https://arxiv.org/list/cs.CL/current',
    'https://arxiv.org/catchup/cs.CL/2026-07-27?abs=True',
    'https://arxiv.org/abs/2602.11156',
    'https://arxiv.org/abs/2602.11156v2',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/abs/math.GT/0309136',
    'https://arxiv.org/search/?query=distributed+systems&searchtype=all',
    'https://arxiv.org/search/advanced?advanced=1&terms-0-term=holography',
    'https://arxiv.org/search/cs?searchtype=author&query=Huang,+S',
    'https://www.arxiv.org/list/cs.CL/new',
    'https://export.arxiv.org/list/cs.CL/recent',
    'https://export.arxiv.org/abs/2602.11156',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(arxiv);
  });

  it.each([
    'https://arxiv.org/',
    'https://arxiv.org/pdf/2602.11156',
    'https://arxiv.org/format/2602.11156',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/not-an-id',
    'https://arxiv.org/list/cs.CL',
    'https://arxiv.org/list/cs.CL/newest',
    'https://arxiv.org/catchup',
    'https://arxiv.org/help/api',
    'https://arxiv.org/archive/cs',
    'https://info.arxiv.org/help/submit',
    'https://arxiv.org.evil.example/list/cs.CL/new',
    'https://example.com/list/cs.CL/new',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).toBeNull();
  });

  it("tells a paper's own page (one card, the first screen's) from a listing", () => {
    const paperPage = (url: string) => arxiv.paperPage!(new URL(url));
    for (const url of ['https://arxiv.org/abs/2602.11156v2', 'https://arxiv.org/abs/hep-th/9901001', 'https://arxiv.org/html/2603.02438v1']) {
      expect(paperPage(url), url).toBe(true);
    }
    for (const url of ['https://arxiv.org/list/cs.CL/recent', 'https://arxiv.org/catchup/cs.CL/2026-07-27', 'https://arxiv.org/search/?query=holography&searchtype=all']) {
      expect(paperPage(url), url).toBe(false);
    }
  });
});

describe('arXiv adapter: /recent, 2026 layout (real page)', () => {
  const { url, file } = SHARED_PAGES.arxivRecent;
  const result = readPage(sharedPage(file), url);

  it('finds exactly the 50 entries, in page order', () => {
    expect(result.ids).toEqual(canonicalIds(SHARED_PAGES.arxivRecent));
  });

  it('reads every entry in full', () => {
    expectAllRead(result);
  });

  it('dates each entry by the heading of its day', () => {
    expect(result.papers.map((paper) => paper?.date)).toEqual([...Array(47).fill('2026-07-27'), ...Array(3).fill('2026-07-24')]);
  });

  it('reads title, authors, subjects and links of a new submission', () => {
    expect(result.papers[0]).toEqual({
      id: 'arxiv:2607.22529',
      title: 'Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills',
      authors: [
        'Siyuan Huang', 'Pengyu Cheng', 'Haotian Liu', 'Tao Chen', 'Yihao Liu', 'Jingwei Ni', 'Shijie Zhou',
        'Ziyi Yang', 'Gangwei Jiang', 'Mengyu Zhou', 'Yu Cheng', 'Xiaoxi Jiang', 'Guanjun Jiang',
      ],
      date: '2026-07-27',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL'],
      links: { abs: 'https://arxiv.org/abs/2607.22529', pdf: 'https://arxiv.org/pdf/2607.22529' },
    });
  });

  it('takes the version from the HTML link, and reads comments and journal references', () => {
    expect(paperOf(result.papers, 'arxiv:2607.22376')).toMatchObject({
      version: 1,
      authors: ['Varun Ghat Ravikumar', 'Sina Ahmadi', 'Lena Jäger', 'Rico Sennrich'],
      paperComments: 'Accepted at CLiC-it 2026',
      links: { html: 'https://arxiv.org/html/2607.22376v1' },
    });
    expect(paperOf(result.papers, 'arxiv:2607.22041')).toMatchObject({
      title: 'Developing and Validating the Spanish Version of the Large Language Models Dependency Scale (LLM-D12-SP)',
      paperComments: '32 pages',
      journalRef: 'Discover Psychology 2026',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.CY'],
    });
  });

  it('keeps the primary subject of a cross-list first', () => {
    expect(paperOf(result.papers, 'arxiv:2607.22513')).toMatchObject({
      primaryCategory: 'cs.CY',
      categories: ['cs.CY', 'cs.AI', 'cs.CL'],
      paperComments: '16 pages, 2 tables',
    });
    expect(paperOf(result.papers, 'arxiv:2607.22513').version).toBeUndefined();
  });

  it('shows no abstract on /recent (arXiv shows none there)', () => {
    expect(result.papers.every((paper) => paper?.abstract === undefined)).toBe(true);
  });
});

describe('arXiv adapter: search results (real page, 941 KB)', () => {
  const { url, file } = SHARED_PAGES.arxivSearch;
  const result = readPage(sharedPage(file), url);

  it('finds exactly the 200 results, in page order', () => {
    expect(result.ids).toEqual(canonicalIds(SHARED_PAGES.arxivSearch));
  });

  it('reads every result in full', () => {
    expectAllRead(result);
  });

  it('reads a result: version, authors, full abstract without its toggle, "Submitted" date, tags, comments', () => {
    const first = result.papers[0]!;
    expect(first).toMatchObject({
      id: 'arxiv:2512.03003',
      title: 'The role of the top Yukawa coupling in triple Higgs production at the LHC',
      version: 1,
      authors: ['Luca Panizzi'],
      date: '2025-12-02',
      primaryCategory: 'hep-ph',
      categories: ['hep-ph'],
      paperComments: '6 pages, 4 figures, 1 table',
      links: { abs: 'https://arxiv.org/abs/2512.03003', pdf: 'https://arxiv.org/pdf/2512.03003' },
    });
    expect(first.abstract).toMatch(/^In this letter I quantify the effects of varying the top Yukawa coupling/);
    expect(first.abstract).toMatch(/and other global observables\.$/);
    expect(first.abstract).not.toMatch(/More|Less|…/);
  });

  it('reads secondary categories, journal references and later versions', () => {
    expect(paperOf(result.papers, 'arxiv:2512.02934').categories).toEqual(['quant-ph', 'cond-mat.stat-mech']);
    expect(paperOf(result.papers, 'arxiv:2512.02894')).toMatchObject({
      journalRef: 'Physica B: Condensed Matter, 417533 (2025)',
      categories: ['cond-mat.mtrl-sci', 'cond-mat.supr-con'],
    });
    expect(result.papers.filter((paper) => paper?.journalRef)).toHaveLength(7);
    expect(paperOf(result.papers, 'arxiv:2512.07321').version).toBe(2);
  });

  it('counts authors the result does not name ("11 additional authors not shown")', () => {
    const long = paperOf(result.papers, 'arxiv:2512.04147');
    expect(long.authors).toHaveLength(25);
    expect(long.authorCount).toBe(36);
    expect(result.papers.filter((paper) => paper?.authorCount !== undefined)).toHaveLength(3);
  });
});

describe('arXiv adapter: abstract page (real page)', () => {
  const { url, file } = SHARED_PAGES.arxivAbs;
  const result = readPage(sharedPage(file), url);

  it('has the paper itself as its one card', () => {
    expect(result.ids).toEqual(['arxiv:2602.11156']);
  });

  it('reads the paper in full', () => {
    expectAllRead(result);
    const paper = result.papers[0]!;
    expect(paper).toMatchObject({
      title: 'HybridRAG: A Practical LLM-based ChatBot Framework based on Pre-Generated Q&A over Raw Unstructured Documents',
      version: 1,
      authors: ['Sungmoon Kim', 'Hyuna Jeon', 'Dahye Kim', 'Mingyu Kim', 'Dong-Kyu Chae', 'Jiwoong Kim'],
      date: '2025-11-30',
      primaryCategory: 'cs.CL',
      categories: ['cs.CL', 'cs.AI', 'cs.IR'],
      links: { abs: 'https://arxiv.org/abs/2602.11156', pdf: 'https://arxiv.org/pdf/2602.11156' },
    });
    expect(paper.abstract).toMatch(/^Retrieval-Augmented Generation \(RAG\) has emerged/);
    expect(paper.abstract).toMatch(/under limited computational resources\.$/);
    expect(paper.links?.html).toBeUndefined();
  });

  it('puts the controls under the title', () => {
    const [card] = result.cards;
    const controls = result.doc.createElement('shelfmark-controls');
    arxiv.mountControls(card!, controls);
    expect(controls.previousElementSibling?.matches('h1.title')).toBe(true);
  });
});

describe('arXiv adapter: /new with its three sections (fixture)', () => {
  const result = readPage(fixture('arxiv_list_cs.IR_new.html'), 'https://arxiv.org/list/cs.IR/new');

  it('finds new submissions, cross-lists and replacements, a paper listed twice on both its cards', () => {
    expect(result.ids).toEqual([
      'arxiv:2602.11201', 'arxiv:2602.11230', 'arxiv:2602.11302',
      'arxiv:2602.11156', 'arxiv:2602.10999',
      'arxiv:2602.11156', 'arxiv:2511.01234', 'arxiv:cs/0601001',
    ]);
    expectAllRead(result);
  });

  it("decides each entry's id by its own abstract link, not by the ids its comments and abstract cite", () => {
    const first = result.papers[0]!;
    expect(first.id).toBe('arxiv:2602.11201');
    expect(first.paperComments).toBe('12 pages; extends arXiv:2401.00001 and this https URL');
    expect(first.abstract).toContain('Building on arXiv:2401.00002,');
    expect(result.ids).not.toContain('arxiv:2401.00001');
    expect(result.ids).not.toContain('arxiv:2401.00002');
  });

  it('dates every section by the day the listing was announced', () => {
    expect(new Set(result.papers.map((paper) => paper?.date))).toEqual(new Set(['2026-02-13']));
  });

  it('reads the abstract /new shows, the title without its descriptor and with its TeX', () => {
    expect(result.papers[0]).toMatchObject({
      title: 'Sparse $k$-NN Retrieval at Web Scale',
      authors: ['Ada Okafor', 'Björn Lindqvist', 'Chie Tanaka'],
      version: 1,
      primaryCategory: 'cs.IR',
      categories: ['cs.IR', 'cs.CL'],
      links: { html: 'https://arxiv.org/html/2602.11201v1' },
    });
    expect(result.papers[1]).toMatchObject({ journalRef: 'Proceedings of SIGIR 2026, pp. 101-110', abstract: 'Click logs are noisy but plentiful. We train dense retrievers on them and measure what they learn.' });
  });

  it('reads both cards of the paper listed twice, each with what it shows', () => {
    const cross = paperOf(result.papers, 'arxiv:2602.11156', 0);
    const replaced = paperOf(result.papers, 'arxiv:2602.11156', 1);
    expect(cross.version).toBeUndefined();
    expect(replaced.version).toBe(2);
    expect(replaced.paperComments).toBe('v2: experiments on a second benchmark');
    expect(cross.primaryCategory).toBe('cs.CL');
  });

  it('reads an old-style id among the replacements', () => {
    expect(paperOf(result.papers, 'arxiv:cs/0601001')).toMatchObject({
      title: 'A Probabilistic Model of Relevance, Revisited',
      links: { abs: 'https://arxiv.org/abs/cs/0601001', pdf: 'https://arxiv.org/pdf/cs/0601001' },
      categories: ['cs.IR', 'cs.DL'],
    });
  });

  it('puts the controls in the id line, after the download links', () => {
    const dt = result.cards[0]!;
    const controls = result.doc.createElement('shelfmark-controls');
    arxiv.mountControls(dt, controls);
    expect(controls.parentElement).toBe(dt);
    expect(dt.lastElementChild).toBe(controls);
    expect(controls.style.display).toBe('inline-block');
    // The entry still reads the same with the controls in it.
    expect(arxiv.cardId(dt)).toBe('arxiv:2602.11201');
  });
});

describe('arXiv adapter: /pastweek (fixture)', () => {
  const result = readPage(fixture('arxiv_list_hep-th_pastweek.html'), 'https://arxiv.org/list/hep-th/pastweek?skip=0&show=5');

  it('reads the days with entries; the day with "No updates for this time period" yields nothing', () => {
    expect(result.ids).toEqual(['arxiv:2602.12001', 'arxiv:2602.11877', 'arxiv:2602.11510', 'arxiv:2602.11488', 'arxiv:2602.11402']);
    expectAllRead(result);
    expect(result.papers.map((paper) => paper?.date)).toEqual(['2026-02-13', '2026-02-13', '2026-02-12', '2026-02-12', '2026-02-12']);
  });

  it('reads cross-lists, journal references and subjects', () => {
    expect(result.papers[1]).toMatchObject({ primaryCategory: 'gr-qc', categories: ['gr-qc', 'hep-th'], journalRef: 'Phys. Rev. D 113, 044001 (2026)' });
    expect(result.papers[4]?.categories).toEqual(['hep-th', 'math-ph', 'math.MP']);
    expect(result.papers[3]?.paperComments).toBe('Extends arXiv:2509.01234; see also this https URL');
  });
});

describe('arXiv adapter: a month of 1999, old-style ids (fixture)', () => {
  const result = readPage(fixture('arxiv_list_hep-th_9901.html'), 'https://arxiv.org/list/hep-th/9901');

  it('reads old-style ids, archives with a "v" in their name included', () => {
    expect(result.ids).toEqual(['arxiv:hep-th/9901001', 'arxiv:gr-qc/9901005', 'arxiv:solv-int/9901003', 'arxiv:math/9901010']);
    expectAllRead(result);
  });

  it('gives no day to entries of a month listing (it names none)', () => {
    expect(result.papers.map((paper) => paper?.date)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads subject classes and keeps an id cited in comments out of the id', () => {
    expect(result.papers[3]).toMatchObject({ primaryCategory: 'math.QA', paperComments: 'Replaces math.QA/9812001' });
    expect(result.papers[0]).toMatchObject({ journalRef: 'Nucl. Phys. B 550 (1999) 1', links: { pdf: 'https://arxiv.org/pdf/hep-th/9901001' } });
  });
});

describe('arXiv adapter: catchup (fixture)', () => {
  it('dates the entries by the day in the page title', () => {
    const result = readPage(fixture('arxiv_catchup_cs.CL_2026-02-13.html'), 'https://arxiv.org/catchup/cs.CL/2026-02-13?abs=True');
    expect(result.ids).toEqual(['arxiv:2602.11199', 'arxiv:2602.11050']);
    expectAllRead(result);
    expect(result.papers.map((paper) => paper?.date)).toEqual(['2026-02-13', '2026-02-13']);
    expect(result.papers[0]?.abstract).toBe('We train byte-level models for Turkish and Finnish.');
  });
});

describe('arXiv adapter: the pre-2024 listing layout (fixture)', () => {
  const result = readPage(fixture('arxiv_list_cs.CL_new_pre2024.html'), 'https://arxiv.org/list/cs.CL/new');

  it('reads entries whose ids sit in .list-identifier, dated by headings before each list', () => {
    expect(result.ids).toEqual(['arxiv:2310.12345', 'arxiv:2310.12400', 'arxiv:2310.11111', 'arxiv:2309.00001']);
    expectAllRead(result);
    expect(new Set(result.papers.map((paper) => paper?.date))).toEqual(new Set(['2023-10-20']));
  });

  it('reads math typeset by MathJax back as its TeX', () => {
    expect(result.papers[0]).toMatchObject({
      title: 'Attention Sinks in $O(n^2)$ Transformers',
      abstract: 'Why do the first tokens draw so much attention? We measure it in $k$ models.',
      authors: ['Jane Doe', 'Richard Roe'],
      paperComments: '8 pages',
      categories: ['cs.CL', 'cs.LG'],
    });
  });
});

describe('arXiv adapter: advanced search (fixture)', () => {
  const result = readPage(fixture('arxiv_search_advanced_holography.html'), 'https://arxiv.org/search/advanced?advanced=1');

  it('reads old-style ids and results for an older version', () => {
    expect(result.ids).toEqual(['arxiv:hep-th/9711200', 'arxiv:2101.00001', 'arxiv:2509.01234']);
    expectAllRead(result);
    expect(result.papers[0]).toMatchObject({ version: 3, date: '1998-01-22', journalRef: 'Adv.Theor.Math.Phys.2:231-252,1998', categories: ['hep-th', 'gr-qc'] });
    // The result matched v1; its "Latest version" link (another /abs/ link in the entry) does not change it.
    expect(result.papers[1]).toMatchObject({ id: 'arxiv:2101.00001', version: 1 });
  });

  it('counts the authors of a list cut at 25, and keeps DOI tags out of the categories', () => {
    expect(result.papers[2]).toMatchObject({ authorCount: 42, categories: ['hep-th', 'astro-ph.CO', 'gr-qc'], links: { pdf: 'https://arxiv.org/pdf/2509.01234' } });
    expect(result.papers[2]?.authors).toHaveLength(25);
    expect(result.papers[0]?.categories).not.toContain('doi');
  });

  it('puts the controls in the id line', () => {
    const [li] = result.cards;
    const controls = result.doc.createElement('shelfmark-controls');
    arxiv.mountControls(li!, controls);
    expect(controls.parentElement?.matches('p.list-title')).toBe(true);
  });
});

describe('arXiv adapter: empty and odd pages', () => {
  const page = (body: string) => `<html><body><div id="dlpage"><h1>Computation and Language</h1>${body}</div></body></html>`;

  it('yields nothing, and no error, for a listing without entries', () => {
    for (const body of [
      `<h3>Showing new listings for Friday, 13 February 2026</h3><p>No updates today.</p>`,
      `<dl id='articles'><h3>Mon, 16 Feb 2026</h3><p>No updates for this time period.</p></dl>`,
      '',
    ]) {
      expect(readPage(page(body), 'https://arxiv.org/list/cs.CL/new').cards).toEqual([]);
    }
  });

  it('yields null ids for entries without their own abstract link, and reads the rest', () => {
    const result = readPage(
      page(`<dl id='articles'>
        <dt>[1] <a href="/pdf/2602.00001">pdf</a></dt><dd><div class="list-title">Only a PDF link</div></dd>
        <dt>[2] <a href="/abs/garbage" title="Abstract">arXiv:garbage</a></dt><dd><div class="list-title">Broken id</div></dd>
        <dt>[3]</dt>
        <dt>[4] <a href ="/abs/2602.00004" title="Abstract">arXiv:2602.00004</a></dt><dd><div class="list-title"><span class="descriptor">Title:</span> Fine</div></dd>
        <dt>[5] <a href ="/abs/2602.00005" title="Abstract">arXiv:2602.00005</a></dt>
      </dl>`),
      'https://arxiv.org/list/cs.CL/recent',
    );
    expect(result.ids).toEqual([null, null, null, 'arxiv:2602.00004', 'arxiv:2602.00005']);
    expect(result.papers.map((paper) => paper?.title ?? null)).toEqual([null, null, null, 'Fine', null]);
  });

  it('keeps hostile text as text and cuts oversized fields to what the background accepts', () => {
    const long = 'x'.repeat(5_000);
    const authors = Array.from({ length: 6_000 }, (_, i) => `<a href="/a">Author ${i}</a>`).join(', ');
    const result = readPage(
      page(`<dl id='articles'><dt><a href ="/abs/2602.00001" title="Abstract">arXiv:2602.00001</a></dt>
        <dd><div class="meta"><div class="list-title">&lt;img src=x onerror=alert(1)&gt; ${long}</div>
        <div class="list-authors">${authors}</div>
        <div class="list-subjects"><span class="primary-subject">Evil (cs.XX)</span>; ${Array.from({ length: 300 }, (_, i) => `S (s.x${'a'.repeat(i % 20)})`).join('; ')}</div></div></dd></dl>`),
      'https://arxiv.org/list/cs.CL/recent',
    );
    const [paper] = result.papers;
    expect(paper?.title.startsWith('<img src=x onerror=alert(1)> xxx')).toBe(true);
    expect(paper!.title.length).toBe(CAPS.title);
    expect(paper!.authors).toHaveLength(CAPS.authors);
    expect(paper!.authorCount).toBe(6_000);
    expect(PaperRefSchema.safeParse(paper).success).toBe(true);
  }, 30_000);

  it('reads an abstract page by its canonical link when the citation line is missing', () => {
    const doc = parsePage(`<html><head><link rel="canonical" href="https://arxiv.org/abs/2602.11156"/></head>
      <body><div id="abs"><div class="dateline">[Submitted on 30 Nov 2025 (v1), last revised 2 Dec 2025 (this version, v2)]</div>
      <h1 class="title mathjax"><span class="descriptor">Title:</span>HybridRAG</h1></div></body></html>`);
    const page = createPageContext(doc, 'https://arxiv.org/abs/2602.11156v2');
    const [card] = arxiv.findCards(doc, page);
    expect(arxiv.cardId(card!)).toBe('arxiv:2602.11156');
    expect(arxiv.readCard(card!, page)).toMatchObject({ title: 'HybridRAG', date: '2025-11-30' });
  });
});

describe('arXiv on the page: a paper listed twice keeps both cards in the same state', () => {
  it('stars the cross-list and shows the replacement starred too, with one state request for the page', async () => {
    document.body.innerHTML = parsePage(fixture('arxiv_list_cs.IR_new.html')).body.innerHTML;
    const controller = new AbortController();
    const requests: unknown[] = [];
    const stored: Record<string, PaperState> = {};
    const send: Send = async (request) => {
      requests.push(request);
      if (request.type === 'getStates') return Object.fromEntries(request.ids.map((id) => [id, stored[id] ?? EMPTY_STATE])) as never;
      if (request.type === 'act' && request.action.kind === 'star') {
        stored[request.paper.id] = { ...(stored[request.paper.id] ?? EMPTY_STATE), starred: request.action.value };
        return stored[request.paper.id] as never;
      }
      return null as never;
    };
    const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: ADAPTERS, location: () => 'https://arxiv.org/list/cs.IR/new', send, signal: controller.signal });
    try {
      annotator.start();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const roots = [...document.querySelectorAll<HTMLElement>('[data-shelfmark-id]')];
      expect(roots.map((root) => root.dataset.shelfmarkId)).toEqual([
        'arxiv:2602.11201', 'arxiv:2602.11230', 'arxiv:2602.11302', 'arxiv:2602.11156',
        'arxiv:2602.10999', 'arxiv:2602.11156', 'arxiv:2511.01234', 'arxiv:cs/0601001',
      ]);
      // Each control root sits in its entry's id line.
      expect(roots.every((root) => root.parentElement?.localName === 'dt')).toBe(true);
      expect(requests).toHaveLength(1);
      const twice = roots.filter((root) => root.dataset.shelfmarkId === 'arxiv:2602.11156');
      const star = (root: HTMLElement) => shadowOf(root)!.querySelector<HTMLButtonElement>('button[aria-label="Star"]')!;
      star(twice[0]!).click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(twice.map((root) => star(root).getAttribute('aria-pressed'))).toEqual(['true', 'true']);
      expect(roots.filter((root) => !twice.includes(root)).every((root) => star(root).getAttribute('aria-pressed') === 'false')).toBe(true);
      // What was saved is what the cross-list card shows.
      const act = requests.find((request) => (request as { type: string }).type === 'act') as { paper: PaperRef };
      expect(act.paper).toMatchObject({ id: 'arxiv:2602.11156', title: expect.stringMatching(/^HybridRAG/), primaryCategory: 'cs.CL', date: '2026-02-13' });
    } finally {
      controller.abort();
      document.body.innerHTML = '';
    }
  });
});

describe('arXiv adapter: an HTML paper (/html/<id>)', () => {
  const URL_V1 = 'https://arxiv.org/html/2603.02438v1';

  it.each([URL_V1, 'https://arxiv.org/html/2603.02438', 'https://arxiv.org/html/2603.02438v1/', 'https://www.arxiv.org/html/2603.02438v2'])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(arxiv);
  });

  it.each(['https://arxiv.org/html/2603.02438v1/x1.png', 'https://arxiv.org/html/submission/12345', 'https://arxiv.org/html/', 'https://arxiv.org/html/not-an-id'])(
    'does not serve %s',
    (url) => {
      expect(adapterFor(url)).toBeNull();
    },
  );

  it('is one card, the paper at its address: title, authors, abstract (TeX kept), version; the references are other papers', () => {
    const doc = new JSDOM(fixture('arxiv_html_2603.02438v1.html'), { url: URL_V1 }).window.document;
    const page = createPageContext(doc, URL_V1);
    const cards = arxiv.findCards(doc, page);
    expect(cards.map((card) => arxiv.cardId(card))).toEqual(['arxiv:2603.02438']);
    expect(arxiv.readCard(cards[0]!, page)).toEqual({
      id: 'arxiv:2603.02438',
      title: 'ORCA: Orchestrated Reasoning with Collaborative Agents for Document Visual Question Answering',
      version: 1,
      authors: ['Aniruddha Roy', 'Pretam Ray', 'Pawan Goyal'],
      abstract: 'Document Visual Question Answering requires reasoning over text, layout and visual elements, with answers scored by $\\mathrm{ANLS}$.',
      links: { abs: 'https://arxiv.org/abs/2603.02438', pdf: 'https://arxiv.org/pdf/2603.02438', html: URL_V1 },
    });
    const root = doc.createElement('shelfmark-controls');
    arxiv.mountControls(cards[0]!, root);
    expect(root.previousElementSibling?.localName).toBe('h1');
  });

  it('read away from its address (a saved copy), the header’s link back to the abstract names it', () => {
    const doc = parsePage(fixture('arxiv_html_2603.02438v1.html'));
    expect(arxiv.findCards(doc).map((card) => arxiv.cardId(card))).toEqual(['arxiv:2603.02438']);
  });
});
