import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaperRefSchema } from '@/lib/messages';
import { ADAPTERS, adapterFor } from '@/lib/sites';
import { arxiv } from '@/lib/sites/arxiv';
import { huggingface } from '@/lib/sites/huggingface';
import { createPageContext, SITE_NAMES, type SiteAdapter } from '@/lib/sites/types';
import { SHARED_PAGES } from '../fixtures/shared-pages';
import { FIXTURES, fixture, parsePage, sharedPage } from '../pages';

describe('the adapter registry', () => {
  it('has every site, and no URL is served by two adapters', () => {
    expect(ADAPTERS.map((adapter) => adapter.name)).toEqual([...SITE_NAMES]);
    for (const url of [
      ...Object.values(SHARED_PAGES).map((page) => page.url),
      'https://arxiv.org/list/cs.IR/new',
      'https://huggingface.co/papers?q=llm+inference',
      'https://huggingface.co/papers/trending',
    ]) {
      expect(ADAPTERS.filter((adapter) => adapter.matches(new URL(url))), url).toHaveLength(1);
    }
  });

  it('refuses what is not a URL', () => {
    expect(adapterFor('not a url')).toBeNull();
    expect(adapterFor('')).toBeNull();
  });
});

/** Pages to break: the real ones (but the 941 KB search page, too slow to clone a hundred times) and our fixtures. */
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
];

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

  it('says what is wrong with its arguments', () => {
    const run = parse(`${FIXTURES}arxiv_list_cs.IR_new.html`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no --url given/);
  }, 60_000);
});
