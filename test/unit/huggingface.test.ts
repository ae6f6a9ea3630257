import { describe, expect, it, vi } from 'vitest';
import { PaperRefSchema } from '@/lib/messages';
import { huggingface } from '@/lib/sites/huggingface';
import { adapterFor } from '@/lib/sites';
import { createPageContext, type PageContext } from '@/lib/sites/types';
import { canonicalIds, SHARED_PAGES } from '../fixtures/shared-pages';
import { fixture, parsePage, sharedPage } from '../pages';

const DAILY_2024 = [
  ['arxiv:2407.21783', 'The Llama 3 Herd of Models'],
  ['arxiv:2407.21705', 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation'],
  ['arxiv:2407.21770', 'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts'],
  ['arxiv:2407.21646', 'Towards Achieving Human Parity on End-to-end Simultaneous Speech Translation via LLM Agent'],
  ['arxiv:2407.21772', 'ShieldGemma: Generative AI Content Moderation Based on Gemma'],
  ['arxiv:2407.21630', 'TAROT: Task-Oriented Authorship Obfuscation Using Policy Optimization Methods'],
  ['arxiv:2407.21721', 'Open-Vocabulary Audio-Visual Semantic Segmentation'],
  ['arxiv:2407.21530', 'Data Contamination Report from the 2024 CONDA Shared Task'],
  ['arxiv:2407.20229', 'Improving 2D Feature Representations by 3D-Aware Fine-Tuning'],
  ['arxiv:2407.21781', 'Berkeley Humanoid: A Research Platform for Learning-based Control'],
  ['arxiv:2407.21686', 'Expressive Whole-Body 3D Gaussian Avatar'],
  ['arxiv:2407.21475', 'Fine-gained Zero-shot Video Sampling'],
  ['arxiv:2404.01300', 'NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D Representation Learning for Neural Radiance Fields'],
];

function readAll(html: string, url: string) {
  return readPage(html, url).papers;
}

/** Reads a page as the content script does; `now` pins dates printed without their year. */
function readPage(html: string, url: string, now?: string) {
  const doc = parsePage(html);
  const page: PageContext = { ...createPageContext(doc, url), ...(now ? { now: new Date(now) } : {}) };
  const cards = huggingface.findCards(doc, page);
  const ids = cards.map((card) => huggingface.cardId(card));
  const papers = cards.map((card) => huggingface.readCard(card, page));
  papers.forEach((paper, i) => {
    if (!paper) return;
    expect(paper.id, `card ${i}`).toBe(ids[i]);
    expect(PaperRefSchema.safeParse(paper).success, `card ${i} fits the message schema`).toBe(true);
  });
  return { doc, page, cards, ids, papers };
}

describe('Hugging Face adapter: URLs', () => {
  it.each([
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/',
    'https://huggingface.co/papers?date=2024-08-01',
    'https://huggingface.co/papers?q=diffusion',
    'https://huggingface.co/papers/date/2026-09-28',
    'https://huggingface.co/papers/week/2026-W39',
    'https://huggingface.co/papers/month/2026-09',
    'https://huggingface.co/papers/trending',
    'https://huggingface.co/papers/2509.24002',
    'https://huggingface.co/papers/2509.24002/',
    'https://huggingface.co/papers/2509.24002#community',
  ])('serves %s', (url) => {
    expect(adapterFor(url)).toBe(huggingface);
  });

  it.each([
    'https://huggingface.co/',
    'https://huggingface.co/models',
    'https://huggingface.co/papers/submit',
    'https://huggingface.co/papersX',
    'https://huggingface.co.evil.example/papers',
    'http://example.com/papers',
    'https://huggingface.co/papers/not-an-id',
    'https://huggingface.co/papers/2509.24002/community',
    'https://huggingface.co/papers/week',
    'https://huggingface.co/spaces/2509.24002',
  ])('does not serve %s', (url) => {
    expect(adapterFor(url)).toBeNull();
  });

  it("tells a paper's own page (one card, the first screen's) from a listing", () => {
    const paperPage = (url: string) => huggingface.paperPage!(new URL(url));
    expect(paperPage('https://huggingface.co/papers/2509.24002')).toBe(true);
    expect(paperPage('https://huggingface.co/papers/2509.24002#community')).toBe(true);
    for (const url of ['https://huggingface.co/papers', 'https://huggingface.co/papers?date=2024-08-01', 'https://huggingface.co/papers/trending', 'https://huggingface.co/papers/week/2026-W39']) {
      expect(paperPage(url), url).toBe(false);
    }
  });
});

describe('Hugging Face adapter: daily page, 2024 layout', () => {
  const html = sharedPage('hf_daily_2024-08-01.html');

  it('reads the 13 cards with their ids and titles, in page order', () => {
    const papers = readAll(html, 'https://huggingface.co/papers?date=2024-08-01');
    expect(papers.map((paper) => [paper?.id, paper?.title])).toEqual(DAILY_2024);
  });

  it('gives each paper its Hugging Face and arXiv links', () => {
    const [llama] = readAll(html, 'https://huggingface.co/papers?date=2024-08-01');
    expect(llama?.links).toMatchObject({
      huggingface: 'https://huggingface.co/papers/2407.21783',
      abs: 'https://arxiv.org/abs/2407.21783',
      pdf: 'https://arxiv.org/pdf/2407.21783',
    });
  });

  it('reads the id cheaply from each card, the same as the full read', () => {
    const doc = parsePage(html);
    expect(huggingface.findCards(doc).map((card) => huggingface.cardId(card))).toEqual(DAILY_2024.map(([id]) => id));
  });
});

describe('Hugging Face adapter: daily page, 2026 layout (two cards)', () => {
  it('reads both cards', () => {
    const papers = readAll(sharedPage('hf_daily_2026-09-28_cards-fragment.html'), 'https://huggingface.co/papers');
    expect(papers.map((paper) => [paper?.id, paper?.title])).toEqual([
      ['arxiv:2609.30222', 'TrackEverything: Long Horizon Dense Tracking via De-Duplicating 3D Scene Representations'],
      ['arxiv:2609.31590', 'AgentWorld: Benchmarking Long-Horizon Collaboration of Multi-agent LLMs'],
    ]);
  });
});

describe('Hugging Face adapter: odd markup', () => {
  it('finds no card on a page without papers, and does not throw', () => {
    const doc = parsePage('<main><h3><a href="/models">Models</a></h3><article></article></main>');
    expect(huggingface.findCards(doc)).toEqual([]);
  });

  it('yields null for a card whose link is not a paper id', () => {
    const doc = parsePage('<article><h3><a href="/papers/not-an-id">Broken</a></h3></article>');
    const [card] = huggingface.findCards(doc);
    expect(card).toBeDefined();
    expect(huggingface.cardId(card!)).toBeNull();
    expect(huggingface.readCard(card!, createPageContext(doc, 'https://huggingface.co/papers'))).toBeNull();
  });

  it('keeps hostile titles as text', () => {
    const doc = parsePage('<article><h3><a href="/papers/2401.00001">&lt;img src=x onerror=alert(1)&gt; Title</a></h3></article>');
    const [card] = huggingface.findCards(doc);
    const paper = huggingface.readCard(card!, createPageContext(doc, 'https://huggingface.co/papers'));
    expect(paper?.title).toBe('<img src=x onerror=alert(1)> Title');
  });
});

describe('Hugging Face adapter: the real pages, exact ids', () => {
  it.each([
    ['daily 2024', SHARED_PAGES.hfDaily2024],
    ['paper page', SHARED_PAGES.hfPaper],
    ['daily 2026 (two cards)', SHARED_PAGES.hfDaily2026Fragment],
  ] as const)('%s', (_, shared) => {
    const { ids, papers } = readPage(sharedPage(shared.file), shared.url);
    expect(ids).toEqual(canonicalIds(shared));
    expect(papers.every((paper) => paper !== null)).toBe(true);
  });
});

describe('Hugging Face adapter: daily page, 2024 layout, fields', () => {
  const { url, file } = SHARED_PAGES.hfDaily2024;

  it('reads names, abstracts and dates from the hydration props, counts from the cards', () => {
    const { papers } = readPage(sharedPage(file), url);
    const llama = papers[0]!;
    // 533 authors: the first hundred are kept, and how many there are.
    expect(llama.authors).toHaveLength(100);
    expect(llama.authors?.slice(0, 3)).toEqual(['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey']);
    expect(llama.authorCount).toBe(533);
    expect(llama.abstract).toMatch(/^Modern artificial intelligence \(AI\) systems are powered by foundation models\. This paper presents/);
    expect(llama).toMatchObject({ date: '2024-07-31', upvotes: 94, comments: 5 });
    expect(papers[1]).toMatchObject({
      title: 'Tora: Trajectory-oriented Diffusion Transformer for Video Generation',
      authors: ['Zhenghao Zhang', 'Junchao Liao', 'Menghao Li', 'Long Qin', 'Weizhi Wang'],
      upvotes: 24,
      comments: 2,
    });
    expect(papers[12]).toMatchObject({ id: 'arxiv:2404.01300', date: '2024-04-01', upvotes: 3, comments: 2 });
    expect(papers.map((paper) => paper?.upvotes)).toEqual([94, 24, 19, 16, 11, 8, 8, 8, 7, 7, 7, 5, 3]);
  });

  it('does not take the avatars of user accounts (titled by user name) for author names', () => {
    // Without the props, the 2024 card shows only avatars of accounts ("mannatsingh") and a count.
    const html = sharedPage(file).replace(/data-target="DailyPapers" data-props="[^"]*"/, 'data-target="DailyPapers"');
    expect(html).not.toContain('Abhimanyu Dubey');
    const { papers } = readPage(html, url);
    expect(papers[0]).toMatchObject({ authorCount: 533, upvotes: 94, comments: 5 });
    expect(papers[0]?.authors).toBeUndefined();
    expect(papers[0]?.abstract).toBeUndefined();
    // The day of the listing stands in for the paper's own date.
    expect(papers[0]?.date).toBe('2024-08-01');
  });

  it('parses the hydration props once per page, not once per card', () => {
    const doc = parsePage(sharedPage(file));
    const page = createPageContext(doc, url);
    const cards = huggingface.findCards(doc, page);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      huggingface.readCard(cards[0]!, page);
      const afterOne = parse.mock.calls.length;
      expect(afterOne).toBeGreaterThan(0);
      for (const card of cards) huggingface.readCard(card, page);
      expect(parse.mock.calls.length).toBe(afterOne);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('Hugging Face adapter: daily page, 2026 layout, fields', () => {
  const { url, file } = SHARED_PAGES.hfDaily2026Fragment;

  it('reads organisation, upvotes and comments of the first card', () => {
    const { papers } = readPage(sharedPage(file), url);
    expect(papers[0]).toEqual({
      id: 'arxiv:2609.30222',
      title: 'TrackEverything: Long Horizon Dense Tracking via De-Duplicating 3D Scene Representations',
      organization: 'Carnegie Mellon University',
      upvotes: 6,
      comments: 1,
      links: {
        huggingface: 'https://huggingface.co/papers/2609.30222',
        abs: 'https://arxiv.org/abs/2609.30222',
        pdf: 'https://arxiv.org/pdf/2609.30222',
      },
    });
  });

  it('reads the names shown and the author count of the second', () => {
    const { papers } = readPage(sharedPage(file), url);
    expect(papers[1]).toMatchObject({
      authors: ['Yuan Yuan', 'Jin Mo Yang', 'Young Min Cho', 'Yusen Zhang', 'Raphael Shu'],
      authorCount: 10,
      upvotes: 5,
    });
    expect(papers[1]?.comments).toBeUndefined();
    expect(papers[1]?.organization).toBeUndefined();
  });

  it('dates the cards of a daily page by the day in its URL', () => {
    const { papers } = readPage(sharedPage(file), 'https://huggingface.co/papers/date/2026-09-28');
    expect(papers.map((paper) => paper?.date)).toEqual(['2026-09-28', '2026-09-28']);
  });
});

describe('Hugging Face adapter: paper page (real page)', () => {
  const { url, file } = SHARED_PAGES.hfPaper;

  it('reads the paper itself as the one card', () => {
    const { papers } = readPage(sharedPage(file), url);
    expect(papers).toHaveLength(1);
    const paper = papers[0]!;
    expect(paper).toMatchObject({
      id: 'arxiv:2509.24002',
      title: 'MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use',
      organization: 'National University of Singapore',
      date: '2025-09-28',
      upvotes: 118,
      links: {
        huggingface: 'https://huggingface.co/papers/2509.24002',
        abs: 'https://arxiv.org/abs/2509.24002',
        pdf: 'https://arxiv.org/pdf/2509.24002',
      },
    });
    expect(paper.authors).toHaveLength(15);
    expect(paper.authors?.[0]).toBe('Zijian Wu');
    expect(paper.authors?.[14]).toBe('Michael Qizhe Shieh');
    expect(paper.abstract).toMatch(/^MCP standardizes how LLMs interact with external systems, forming the foundation for general agents\. However/);
    // Not the AI-generated summary boxed above it.
    expect(paper.abstract).not.toMatch(/^MCPMark is a comprehensive benchmark/);
  });

  it('reads the abstract and date from the page itself when the props are missing', () => {
    const html = sharedPage(file).replace(/data-props='[^']*' data-target="PaperContent"/, 'data-target="PaperContent"');
    expect(html).not.toContain('"ai_keywords"');
    const { papers } = readPage(html, url, '2026-11-27T12:00:00Z');
    expect(papers[0]?.abstract).toMatch(/^MCP standardizes how LLMs interact with external systems/);
    expect(papers[0]?.abstract).toMatch(/highlighting the stress-testing nature of MCPMark ?\.$/);
    // "Published on Sep 28", in the year of the day it was listed (/papers?date=2025-10-01).
    expect(papers[0]?.date).toBe('2025-09-28');
    expect(papers[0]?.authors).toHaveLength(15);
    // Without that link, the year is the latest one up to now.
    const unlisted = readPage(html.replace('href="/papers?date=2025-10-01"', 'href="/papers"'), url, '2026-11-27T12:00:00Z');
    expect(unlisted.papers[0]?.date).toBe('2026-09-28');
  });

  it('finds the id without the "arxiv:" chip, from the arXiv link', () => {
    const html = sharedPage(file).replace(/\n\s*arxiv:2509\.24002\n/, '\n');
    const { ids } = readPage(html, url);
    expect(ids).toEqual(['arxiv:2509.24002']);
  });

  it('puts the controls under the title', () => {
    const { doc, cards } = readPage(sharedPage(file), url);
    const controls = doc.createElement('shelfmark-controls');
    huggingface.mountControls(cards[0]!, controls);
    expect(controls.previousElementSibling?.localName).toBe('h1');
  });
});

describe('Hugging Face adapter: search results (fixture)', () => {
  const url = 'https://huggingface.co/papers?q=llm+inference';

  it('reads every result: abstract, author count or organisation, date, upvotes', () => {
    const { ids, papers } = readPage(fixture('hf_papers_search.html'), url, '2026-11-27T12:00:00Z');
    expect(ids).toEqual(['arxiv:2509.06493', 'arxiv:2504.06261', 'arxiv:2604.01734', 'arxiv:2602.11156']);
    expect(papers[0]).toMatchObject({ authors: ['Ran Xin', 'Zeyu Zheng'], authorCount: 5, date: '2025-09-08', upvotes: 2 });
    expect(papers[0]?.abstract).toMatch(/^The integration of Large Language Models \(LLMs\) into automated theorem proving/);
    expect(papers[1]).toMatchObject({ authorCount: 8, date: '2025-04-08', upvotes: 6, comments: 2 });
    expect(papers[1]?.authors).toBeUndefined();
    expect(papers[2]).toMatchObject({ organization: 'Apple', date: '2026-04-02', upvotes: 1 });
    expect(papers[2]?.authorCount).toBeUndefined();
    expect(papers[3]).toMatchObject({
      title: 'HybridRAG: A Practical LLM-based ChatBot Framework based on Pre-Generated Q&A over Raw Unstructured Documents',
      authorCount: 6,
      date: '2025-11-30',
    });
  });

  it('takes a date without its year as the latest such day up to now', () => {
    const { papers } = readPage(fixture('hf_papers_search.html'), url, '2026-03-01T12:00:00Z');
    expect(papers[2]?.date).toBe('2025-04-02');
  });
});

describe('Hugging Face adapter: trending (fixture)', () => {
  it('reads upvotes written short ("1.2k") and keeps GitHub stars out of them', () => {
    const { ids, papers } = readPage(fixture('hf_papers_trending.html'), 'https://huggingface.co/papers/trending', '2026-11-27T12:00:00Z');
    expect(ids).toEqual(['arxiv:2607.22529', 'arxiv:2609.30222', 'arxiv:2504.06261']);
    expect(papers.map((paper) => paper?.upvotes)).toEqual([1200, 87, 310]);
    expect(papers.map((paper) => paper?.comments)).toEqual([14, 1, undefined]);
    expect(papers.map((paper) => paper?.date)).toEqual(['2026-07-27', '2026-09-28', '2025-04-08']);
    expect(papers[0]).toMatchObject({ authors: ['Siyuan Huang', 'Pengyu Cheng', 'Haotian Liu'], authorCount: 13 });
    expect(papers[0]?.abstract).toMatch(/^We introduce Skill Self-Play/);
    expect(papers[1]?.organization).toBe('Carnegie Mellon University');
  });
});

describe('Hugging Face adapter: more odd markup', () => {
  it('reads cards that are not <article>s: the largest block holding one title', () => {
    const doc = parsePage(`<main><div class="grid">
      <div class="card"><div><h3><a href="/papers/2401.00001">One</a></h3></div><p>${'a '.repeat(60)}</p></div>
      <div class="card"><div><h3><a href="/papers/2401.00002">Two</a></h3></div></div>
    </div></main>`);
    const cards = huggingface.findCards(doc);
    expect(cards.map((card) => card.className)).toEqual(['card', 'card']);
    expect(huggingface.readCard(cards[0]!, createPageContext(doc, 'https://huggingface.co/papers?q=a'))?.abstract).toBe(`${'a '.repeat(60)}`.trim());
  });

  it('survives broken hydration props', () => {
    const doc = parsePage(`<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props='{"dailyPapers":[{"paper":{"id":"2401.00001","title":"x",'></div>
      <article><h3><a href="/papers/2401.00001">Kept</a></h3></article>`);
    const [card] = huggingface.findCards(doc);
    expect(huggingface.readCard(card!, createPageContext(doc, 'https://huggingface.co/papers'))?.title).toBe('Kept');
  });

  it('ignores props entries that are not papers, and hidden authors', () => {
    const props = JSON.stringify({
      dailyPapers: [
        { paper: { id: '2401.00001', title: 'T', summary: 'S', authors: [{ name: 'Shown' }, { name: 'Hidden', hidden: true }, { name: 42 }], upvotes: 'many' }, numComments: 3 },
        { id: 'not-an-id', title: 'x', summary: 'y' },
      ],
    }).replace(/'/g, '&#39;');
    const doc = parsePage(`<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props='${props}'></div>
      <article><h3><a href="/papers/2401.00001">T</a></h3></article>`);
    const [card] = huggingface.findCards(doc);
    expect(huggingface.readCard(card!, createPageContext(doc, 'https://huggingface.co/papers'))).toMatchObject({ authors: ['Shown'], abstract: 'S', comments: 3 });
    expect(huggingface.readCard(card!, createPageContext(doc, 'https://huggingface.co/papers'))?.upvotes).toBeUndefined();
  });

  it('finds no card on a paper page without a title', () => {
    const doc = parsePage('<main><p>Paper not found</p></main>');
    expect(huggingface.findCards(doc, createPageContext(doc, 'https://huggingface.co/papers/2401.00001'))).toEqual([]);
  });
});
