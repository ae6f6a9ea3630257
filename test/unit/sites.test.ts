import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { PaperRefSchema } from '@/lib/messages';
import { ADAPTERS, adapterFor } from '@/lib/sites';
import { arxiv } from '@/lib/sites/arxiv';
import { huggingface } from '@/lib/sites/huggingface';
import { createPageContext, SITE_NAMES, type SiteAdapter } from '@/lib/sites/types';
import { acl } from '@/lib/sites/acl';
import { cvf } from '@/lib/sites/cvf';
import { dblp } from '@/lib/sites/dblp';
import { openreview } from '@/lib/sites/openreview';
import { scholar } from '@/lib/sites/scholar';
import { huggingfaceRepos } from '@/lib/sites/huggingface-repos';
import { SHARED_PAGES, SITE_PAGES } from '../fixtures/shared-pages';
import { decodePage, FIXTURES, fixture, parsePage, SHARED_PAGES as SHARED_PAGES_DIR, sharedPage } from '../pages';
import { parseReport } from '../../scripts/parse-report';

describe('the adapter registry', () => {
  it('has every site, and no URL is served by two adapters', () => {
    // Hugging Face has two (its paper pages, its model, dataset and Space pages); the generic adapter is in none.
    expect([...new Set(ADAPTERS.map((adapter) => adapter.name))]).toEqual(SITE_NAMES.filter((name) => name !== 'generic'));
    for (const url of [
      ...Object.values(SHARED_PAGES).map((page) => page.url),
      ...Object.values(SITE_PAGES).map((page) => page.url),
      'https://aclanthology.org/volumes/2024.acl-long/',
      'https://dblp.org/pid/299/8187.html',
      'https://scholar.google.de/scholar?q=transformers',
      'https://openreview.net/forum?id=YicbFdNTTy',
      'https://openaccess.thecvf.com/CVPR2024?day=all',
      'https://arxiv.org/html/2603.02438v1',
      'https://arxiv.org/list/cs.IR/new',
      'https://huggingface.co/papers?q=llm+inference',
      'https://huggingface.co/papers/trending',
      'https://huggingface.co/meta-llama/Llama-3.1-8B',
      'https://huggingface.co/datasets/HuggingFaceFW/fineweb/tree/main',
      'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard',
    ]) {
      expect(ADAPTERS.filter((adapter) => adapter.matches(new URL(url))), url).toHaveLength(1);
    }
  });

  it('reads Hugging Face’s model, dataset and Space pages by their paper links, and none of its own pages', () => {
    for (const url of ['https://huggingface.co/meta-llama/Llama-3.1-8B', 'https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main', 'https://huggingface.co/datasets/HuggingFaceFW/fineweb', 'https://huggingface.co/spaces/a/b']) {
      expect(adapterFor(url), url).toBe(huggingfaceRepos);
    }
    for (const url of ['https://huggingface.co/models', 'https://huggingface.co/docs/hub', 'https://huggingface.co/meta-llama', 'https://huggingface.co/', 'https://huggingface.co/blog/some-post', 'https://huggingface.co/datasets']) {
      expect(adapterFor(url), url).not.toBe(huggingfaceRepos);
    }
  });

  it('refuses what is not a URL', () => {
    expect(adapterFor('not a url')).toBeNull();
    expect(adapterFor('')).toBeNull();
  });
});

/**
 * Pages to break: the real ones (but the 941 KB arXiv search, the 2.7 MB OpenReview venue and the
 * 1.2 MB CVF listing, too slow to clone a hundred times: a slice of each, cut at card boundaries,
 * stands in) and our fixtures.
 */
const PAGES: [SiteAdapter, string, () => string][] = [
  [arxiv, SHARED_PAGES.arxivRecent.url, () => sharedPage(SHARED_PAGES.arxivRecent.file)],
  [arxiv, SHARED_PAGES.arxivAbs.url, () => sharedPage(SHARED_PAGES.arxivAbs.file)],
  [arxiv, 'https://arxiv.org/list/cs.IR/new', () => fixture('arxiv_list_cs.IR_new.html')],
  [arxiv, 'https://arxiv.org/list/cs.CL/new', () => fixture('arxiv_list_cs.CL_new_pre2024.html')],
  [arxiv, 'https://arxiv.org/search/advanced?advanced=1', () => fixture('arxiv_search_advanced_holography.html')],
  [huggingface, SHARED_PAGES.hfDaily2024.url, () => sharedPage(SHARED_PAGES.hfDaily2024.file)],
  [huggingface, SHARED_PAGES.hfPaper.url, () => sharedPage(SHARED_PAGES.hfPaper.file)],
  [huggingface, SHARED_PAGES.hfDaily2026Fragment.url, () => sharedPage(SHARED_PAGES.hfDaily2026Fragment.file)],
  [huggingface, 'https://huggingface.co/papers?q=llm+inference', () => fixture('hf_papers_search.html')],
  [arxiv, 'https://arxiv.org/html/2603.02438v1', () => fixture('arxiv_html_2603.02438v1.html')],
  [acl, SITE_PAGES.aclAuthor2023.url, () => sharedPage(SITE_PAGES.aclAuthor2023.file)],
  [acl, SITE_PAGES.aclAuthor2026.url, () => sharedPage(SITE_PAGES.aclAuthor2026.file)],
  [acl, SITE_PAGES.aclPaper.url, () => sharedPage(SITE_PAGES.aclPaper.file)],
  [acl, 'https://aclanthology.org/volumes/2024.acl-long/', () => fixture('acl_volume_2024.acl-long_2026.html')],
  [acl, 'https://aclanthology.org/events/acl-2019/', () => fixture('acl_event_acl-2019_2019.html')],
  [dblp, SITE_PAGES.dblpSearch.url, () => sharedPage(SITE_PAGES.dblpSearch.file)],
  [dblp, 'https://dblp.org/pid/299/8187.html', () => fixture('dblp_person_2024.html')],
  [scholar, SITE_PAGES.scholar2020.url, () => sharedPage(SITE_PAGES.scholar2020.file)],
  [scholar, SITE_PAGES.scholar2016.url, () => sharedPage(SITE_PAGES.scholar2016.file)],
  [scholar, SITE_PAGES.scholarCaptcha.url, () => sharedPage(SITE_PAGES.scholarCaptcha.file)],
  [scholar, 'https://scholar.google.de/scholar?q=transformers', () => fixture('gscholar_search_2024_transformers.html')],
  [openreview, SITE_PAGES.openreviewIclr2018.url, () => slice(sharedPage(SITE_PAGES.openreviewIclr2018.file), '<li class="note" data-id=', 40)],
  [openreview, 'https://openreview.net/group?id=ICLR.cc/2024/Conference', () => fixture('openreview_group_ICLR2024_2024.html')],
  [openreview, 'https://openreview.net/forum?id=YicbFdNTTy', () => fixture('openreview_forum_2024.html')],
  [cvf, SITE_PAGES.cvfIccv2015.url, () => slice(sharedPage(SITE_PAGES.cvfIccv2015.file), '<dt class="ptitle">', 40)],
  [cvf, 'https://openaccess.thecvf.com/CVPR2024?day=all', () => fixture('cvf_CVPR2024_listing.html')],
  [cvf, 'https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html', () => fixture('cvf_paper_CVPR2024.html')],
];

/** A big page with only its first `cards` cards: everything from the `cards`+1-th card's start to its list's end is cut. */
function slice(html: string, cardStart: string, cards: number): string {
  let at = -1;
  for (let n = 0; n <= cards; n++) at = html.indexOf(cardStart, at + 1);
  return at < 0 ? html : html.slice(0, at);
}

/** One change a site (or a hostile page) might make to the markup. */
const mutation = fc.record({
  kind: fc.constantFrom('remove', 'strip attributes', 'garble href', 'garble text', 'garble props', 'move', 'unwrap'),
  target: fc.nat(),
  other: fc.nat(),
  text: fc.oneof(
    fc.string(),
    fc.constantFrom('/abs/', '/papers/', '/papers/2401.00001', 'javascript:alert(1)', '<img src=x onerror=alert(1)>', '{"id":"2401.00001","title":', 'Mon, 99 Foo 2026', '1e400', 'arxiv:'),
  ),
});

describe('adapters never throw on odd markup', () => {
  it.each(PAGES.map(([adapter, url, html]) => [`${adapter.name} ${url}`, adapter, url, html] as const))(
    '%s, randomly broken',
    (_, adapter, url, html) => {
      const original = parsePage(html());
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (changes) => {
          const doc = original.cloneNode(true) as Document;
          for (const change of changes) {
            const all = doc.querySelectorAll('body *');
            if (all.length === 0) break;
            const element = all[change.target % all.length]!;
            const other = all[change.other % all.length]!;
            switch (change.kind) {
              case 'remove':
                element.remove();
                break;
              case 'strip attributes':
                for (const name of element.getAttributeNames()) element.removeAttribute(name);
                break;
              case 'garble href':
                (element.closest('a') ?? element).setAttribute('href', change.text);
                break;
              case 'garble text':
                element.textContent = change.text;
                break;
              case 'garble props':
                element.setAttribute('data-props', change.text.length % 2 ? `{"paper":{"id":"2401.00001","title":${JSON.stringify(change.text)},"authors":7}}` : change.text);
                element.setAttribute('data-target', 'DailyPapers');
                break;
              case 'move':
                if (!element.contains(other)) other.append(element);
                break;
              case 'unwrap':
                element.replaceWith(...element.childNodes);
                break;
            }
          }
          const page = createPageContext(doc, url);
          const cards = adapter.findCards(doc, page);
          for (const card of cards) {
            const id = adapter.cardId(card);
            const paper = adapter.readCard(card, page);
            if (paper) {
              expect(paper.id).toBe(id);
              expect(PaperRefSchema.safeParse(paper).success).toBe(true);
            }
            adapter.mountControls(card, doc.createElement('shelfmark-controls'));
            // The card still reads the same with the controls in it.
            expect(adapter.cardId(card)).toBe(id);
          }
        }),
        { numRuns: 25 },
      );
    },
    120_000,
  );
});

/**
 * While a page loads, the content script scans it every frame: a card offered then must already be
 * the card it will be, with its final id and aliases (a dblp entry cut before its arXiv link would
 * otherwise keep its dblp key for good). Each page is cut at 40 points and parsed as far as the
 * cut, the document still loading: the cards found are the first ones of the whole page, each
 * exactly as read on the whole page.
 */
describe('pages read while they are being parsed', () => {
  const NEW_SITES = new Set<SiteAdapter>([acl, dblp, scholar, openreview, cvf]);
  it.each(PAGES.filter(([adapter, url]) => NEW_SITES.has(adapter) || url.includes('/html/')).map(([adapter, url, html]) => [`${adapter.name} ${url}`, adapter, url, html] as const))(
    '%s',
    (_, adapter, url, html) => {
      const text = html();
      const read = (doc: Document) => {
        const page = createPageContext(doc, url);
        return adapter.findCards(doc, page).map((card) => ({ id: adapter.cardId(card), aliases: adapter.cardAliases?.(card) ?? [] }));
      };
      const whole = read(new JSDOM(text, { url }).window.document);
      let partial = 0;
      for (let cut = 1; cut <= 40; cut++) {
        const doc = new JSDOM(text.slice(0, Math.floor((text.length * cut) / 41)), { url }).window.document;
        Object.defineProperty(doc, 'readyState', { get: () => 'loading' });
        // The content script's page pill, appended to the body while the page loads (not page content).
        doc.body?.append(doc.createElement('shelfmark-dock'));
        const cards = read(doc);
        expect(cards, `cut ${cut}/41`).toEqual(whole.slice(0, cards.length));
        if (cards.length > 0 && cards.length < whole.length) partial++;
      }
      // The cuts really fell between cards (pages of one card have none).
      if (whole.length > 2) expect(partial).toBeGreaterThan(0);
    },
    60_000,
  );
});

describe('npm run parse', () => {
  const parse = (...args: string[]) => spawnSync('npx', ['vite-node', 'scripts/parse.ts', '--', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints what the adapter read on a saved page, as JSON', () => {
    const run = parse(`${FIXTURES}arxiv_list_cs.IR_new.html`, '--url', 'https://arxiv.org/list/cs.IR/new');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ adapter: 'arxiv', found: 8, annotated: 8, skipped: 0, unique: 7 });
    expect(report.cards.map((card: { id: string }) => card.id)).toEqual([
      'arxiv:2602.11201', 'arxiv:2602.11230', 'arxiv:2602.11302', 'arxiv:2602.11156',
      'arxiv:2602.10999', 'arxiv:2602.11156', 'arxiv:2511.01234', 'arxiv:cs/0601001',
    ]);
    expect(report.cards[0]).toMatchObject({ title: 'Sparse $k$-NN Retrieval at Web Scale', date: '2026-02-13' });
  }, 60_000);

  it.each([
    ...Object.values(SITE_PAGES).map((page) => [page.file, page.url, `${SHARED_PAGES_DIR}${page.file}`, page.ids, page.count] as const),
  ])('reads %s at its URL: every card, each with its id', (_, url, path, ids, count) => {
    const bytes = readFileSync(path);
    const report = parseReport(bytes, new URL(url), true) as { found: number; skipped: number; cards: string[] };
    const expected = ids(decodePage(bytes));
    expect(expected).toHaveLength(count);
    expect(report).toMatchObject({ found: count, skipped: 0 });
    expect(report.cards).toEqual(expected);
  }, 60_000);

  it.each([
    ['acl_volume_2024.acl-long_2026.html', 'https://aclanthology.org/volumes/2024.acl-long/', 3],
    ['acl_event_acl-2019_2019.html', 'https://aclanthology.org/events/acl-2019/', 3],
    ['acl_paper_2021.naacl-main.208.html', 'https://aclanthology.org/2021.naacl-main.208/', 1],
    ['dblp_person_2024.html', 'https://dblp.org/pid/299/8187.html', 6],
    ['gscholar_search_2024_transformers.html', 'https://scholar.google.de/scholar?q=transformers', 8],
    ['gscholar_no_results.html', 'https://scholar.google.com/scholar?q=qwxzjvkqpzz', 0],
    ['openreview_group_ICLR2024_2024.html', 'https://openreview.net/group?id=ICLR.cc/2024/Conference', 3],
    ['openreview_forum_2024.html', 'https://openreview.net/forum?id=YicbFdNTTy', 1],
    ['cvf_CVPR2024_listing.html', 'https://openaccess.thecvf.com/CVPR2024?day=all', 4],
    ['cvf_paper_CVPR2024.html', 'https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html', 1],
    ['arxiv_html_2603.02438v1.html', 'https://arxiv.org/html/2603.02438v1', 1],
  ])('reads our fixture %s in full, nothing skipped', (file, url, count) => {
    const report = parseReport(readFileSync(`${FIXTURES}${file}`), new URL(url)) as { found: number; skipped: number; cards: { id?: string; unread?: string }[] };
    expect(report).toMatchObject({ found: count, skipped: 0 });
    for (const card of report.cards) expect(card).not.toHaveProperty('unread');
  });

  it('says what is wrong with its arguments', () => {
    const run = parse(`${FIXTURES}arxiv_list_cs.IR_new.html`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no --url given/);
  }, 60_000);
});
