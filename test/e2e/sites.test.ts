import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SITE_PAGES } from '../fixtures/shared-pages';
import { fixture } from '../pages';
import { control, cardIds, launch, pressed, readSharedPage, type Browser } from './harness';
import { syntheticArxivListing } from './synthetic-listing';

/**
 * The sites beyond arXiv and Hugging Face, in the built extension in Chromium: every real page of
 * ../shared/pages and our fixtures of today's layouts, served at their real URLs; one paper
 * followed from one site to another, under its id or one of its aliases; keyboard triage on each
 * site, checked in the database; OpenReview's cards rendered after load.
 */

const FIXTURE_PAGES = {
  aclVolume: { url: 'https://aclanthology.org/volumes/2024.acl-long/', html: fixture('acl_volume_2024.acl-long_2026.html'), ids: ['acl:2024.acl-long.1', 'acl:2024.acl-long.2', 'acl:2024.acl-long.3'] },
  aclEvent: { url: 'https://aclanthology.org/events/acl-2019/', html: fixture('acl_event_acl-2019_2019.html'), ids: ['acl:P19-1001', 'acl:P19-1002', 'acl:W19-4201'] },
  aclPaper2026: { url: 'https://aclanthology.org/W19-4201/', html: fixture('acl_paper_W19-4201_2026.html'), ids: ['acl:W19-4201'] },
  dblpPerson: {
    url: 'https://dblp.org/pid/299/8187.html',
    html: fixture('dblp_person_2024.html'),
    ids: ['arxiv:2211.05100', 'openreview:rkmtTJZCb', 'acl:2021.naacl-main.208', 'arxiv:2104.08691', 'arxiv:2103.08493', 'dblp:conf/xyz/Scao20'],
  },
  scholarModern: {
    url: 'https://scholar.google.de/scholar?hl=en&as_sdt=0%2C5&q=transformers',
    html: fixture('gscholar_search_2024_transformers.html'),
    ids: [
      'arxiv:1706.03762', 'doi:10.1145/3394171.3413938', 'doi:10.1007/s11263-015-0816-y', 'acl:N19-1423', 'arxiv:2010.11929',
      'scholar:uqH5fcF8mcYJ', 'cvf:He_Deep_Residual_Learning_CVPR_2016', 'scholar:Zr3h2v6Kk3wJ',
    ],
  },
  openreviewVenue: { url: 'https://openreview.net/group?id=ICLR.cc/2024/Conference', html: fixture('openreview_group_ICLR2024_2024.html'), ids: ['openreview:YicbFdNTTy', 'openreview:Hy7f0bQkRx', 'openreview:k-Zq_9sN2w'] },
  openreviewForum: { url: 'https://openreview.net/forum?id=YicbFdNTTy', html: fixture('openreview_forum_2024.html'), ids: ['openreview:YicbFdNTTy'] },
  cvfListing: {
    url: 'https://openaccess.thecvf.com/CVPR2024?day=all',
    html: fixture('cvf_CVPR2024_listing.html'),
    ids: ['arxiv:2312.02142', 'arxiv:2312.06741', 'cvf:Liberatori_Test-Time_Zero-Shot_Temporal_Action_Localization_CVPR_2024', 'cvf:Huo_C2KD_Bridging_the_Modality_Gap_for_Cross-Modal_Knowledge_Distillation_CVPR_2024'],
  },
  cvfPaper: {
    url: 'https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html',
    html: fixture('cvf_paper_CVPR2024.html'),
    ids: ['arxiv:2312.02142'],
  },
  arxivHtml: { url: 'https://arxiv.org/html/2603.02438v1', html: fixture('arxiv_html_2603.02438v1.html'), ids: ['arxiv:2603.02438'] },
};

/** An arXiv listing of the CoRR papers on the dblp search page (the 2024 listing markup). */
const ARXIV_LISTING = 'https://arxiv.org/list/cs.SE/2303';
const CORR_PAPERS = ['2303.14702', '2307.10774'];

interface StoredPaper {
  id: string;
  aliases?: string[];
  starred: boolean;
  queued: boolean;
  read: boolean;
}

/** The library as the extension stores it (ids, aliases, states), read in its background worker. */
async function library(browser: Browser): Promise<StoredPaper[]> {
  const worker = await browser.background();
  return worker.evaluate(
    () =>
      new Promise<StoredPaper[]>((resolve, reject) => {
        const open = indexedDB.open('shelfmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('papers')) return resolve([]);
          const request = db.transaction('papers').objectStore('papers').getAll();
          request.onsuccess = () => {
            db.close();
            const records = request.result as { id: string; aliases?: string[]; starredAt?: number; queuePos?: number; readAt?: number }[];
            resolve(
              records.map((record) => ({
                id: record.id,
                ...(record.aliases ? { aliases: record.aliases } : {}),
                starred: record.starredAt !== undefined,
                queued: record.queuePos !== undefined,
                read: record.readAt !== undefined,
              })),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const PAGES = {
  ...Object.fromEntries(Object.values(SITE_PAGES).map((page) => [page.url, readSharedPage(page.file)])),
  ...Object.fromEntries(Object.values(FIXTURE_PAGES).map((page) => [page.url, page.html])),
  [ARXIV_LISTING]: syntheticArxivListing(CORR_PAPERS.length, (n) => CORR_PAPERS[n]!),
};

let browser: Browser;
/** What Shelfmark logged as failing on any page (the saved pages' own scripts fail offline: not ours). */
const shelfmarkErrors: string[] = [];

beforeAll(async () => {
  browser = await launch({ pages: PAGES });
  browser.context.on('page', (page) => {
    page.on('console', (message) => {
      if (/\[Shelfmark\].*(failed|could not)/i.test(message.text())) shelfmarkErrors.push(`${page.url()}: ${message.text()}`);
    });
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('every real page of the new sites: exactly its cards are marked, and their controls answer', () => {
  it.each(Object.entries(SITE_PAGES))('%s', async (_, site) => {
    const expected = site.ids(readSharedPage(site.file));
    expect(expected).toHaveLength(site.count);
    const page = await browser.open(site.url, expected.length);
    try {
      expect(await cardIds(page)).toEqual(expected);
      if (expected.length) {
        await expect.poll(() => control(page, expected[0]!, 'Star').pressed()).toBe('false');
        await expect.poll(() => control(page, expected.at(-1)!, 'Add to queue').pressed()).toBe('false');
      } else {
        // The "not a robot" page: nothing added (no controls, no page control), nothing failed.
        await page.waitForTimeout(500);
        expect(await page.locator('shelfmark-dock').count()).toBe(0);
        expect(await page.locator('[data-shelfmark-card]').count()).toBe(0);
      }
      expect(shelfmarkErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('today’s layouts (our fixtures): their cards are marked, and their controls answer', () => {
  it.each(Object.entries(FIXTURE_PAGES))('%s', async (_, site) => {
    const page = await browser.open(site.url, site.ids.length);
    try {
      expect(await cardIds(page)).toEqual(site.ids);
      for (const id of site.ids) await expect.poll(() => control(page, id, 'Star').pressed()).toBe('false');
      expect(shelfmarkErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('one paper, one record, across sites', () => {
  it('a dblp CoRR entry and its arXiv listing: starred on one, starred on the other, both ways', async () => {
    const dblp = await browser.open(SITE_PAGES.dblpSearch.url, 30);
    await control(dblp, 'arxiv:2303.14702', 'Star').click();
    await expect.poll(() => pressed(dblp, 'arxiv:2303.14702', 'Star')).toBe('true');

    const arxiv = await browser.open(ARXIV_LISTING, 2);
    expect(await cardIds(arxiv)).toEqual(['arxiv:2303.14702', 'arxiv:2307.10774']);
    await expect.poll(() => pressed(arxiv, 'arxiv:2303.14702', 'Star')).toBe('true');
    expect(await pressed(arxiv, 'arxiv:2307.10774', 'Star')).toBe('false');

    // Queued on arXiv: the open dblp tab follows.
    await control(arxiv, 'arxiv:2303.14702', 'Add to queue').click();
    await expect.poll(() => pressed(dblp, 'arxiv:2303.14702', 'Add to queue')).toBe('true');
    expect(await library(browser)).toContainEqual({ id: 'arxiv:2303.14702', aliases: ['dblp:journals/corr/abs-2303-14702'], starred: true, queued: true, read: false });
    for (const page of [dblp, arxiv]) await page.close();
  });

  it('an ACL paper page and the author pages that list it (both layouts)', async () => {
    const paper = await browser.open(FIXTURE_PAGES.aclPaper2026.url, 1);
    await control(paper, 'acl:W19-4201', 'Mark read').click();
    await expect.poll(() => pressed(paper, 'acl:W19-4201', 'Mark read')).toBe('true');
    for (const author of [SITE_PAGES.aclAuthor2023, SITE_PAGES.aclAuthor2026]) {
      const page = await browser.open(author.url, 6);
      await expect.poll(() => pressed(page, 'acl:W19-4201', 'Mark read')).toBe('true');
      expect(await pressed(page, 'acl:W18-6560', 'Mark read')).toBe('false');
      // A read paper is dimmed on the listing (by a style keyed by its id: no attribute says so), the others not.
      await page.mouse.move(1200, 5);
      const opacity = (id: string) => page.locator(`[data-shelfmark-card="${id}"]`).evaluate((element) => getComputedStyle(element).opacity);
      await expect.poll(() => opacity('acl:W19-4201')).toBe('0.5');
      expect(await opacity('acl:W18-6560')).toBe('1');
      await page.close();
    }
    await paper.close();
  });

  it('an OpenReview forum and a Scholar result that shows the same paper by its arXiv version: one record, under the better id', async () => {
    const forum = await browser.open(FIXTURE_PAGES.openreviewForum.url, 1);
    await control(forum, 'openreview:YicbFdNTTy', 'Star').click();
    await expect.poll(() => pressed(forum, 'openreview:YicbFdNTTy', 'Star')).toBe('true');

    // The Scholar result's id is arXiv's; its OpenReview forum is an alias: it finds the record.
    const scholar = await browser.open(FIXTURE_PAGES.scholarModern.url, 8);
    await expect.poll(() => pressed(scholar, 'arxiv:2010.11929', 'Star')).toBe('true');

    // Acting there gives the record the card's ids, named by the best (arXiv); the forum tab follows.
    await control(scholar, 'arxiv:2010.11929', 'Add to queue').click();
    await expect.poll(() => pressed(forum, 'openreview:YicbFdNTTy', 'Add to queue')).toBe('true');
    const stored = (await library(browser)).filter((paper) => paper.id === 'arxiv:2010.11929' || paper.id === 'openreview:YicbFdNTTy');
    expect(stored).toEqual([
      { id: 'arxiv:2010.11929', aliases: ['openreview:YicbFdNTTy', 'scholar:5d0m7x0rU-cJ'], starred: true, queued: true, read: false },
    ]);
    // The venue page lists it by its forum id: the same record.
    const venue = await browser.open(FIXTURE_PAGES.openreviewVenue.url, 3);
    await expect.poll(() => pressed(venue, 'openreview:YicbFdNTTy', 'Add to queue')).toBe('true');
    for (const page of [forum, scholar, venue]) await page.close();
  });
});

/** j to the first card, s; j, q; j, r: the first three cards starred, queued, read. */
async function triage(page: Page): Promise<void> {
  await page.mouse.click(2, 2); // the page, not a field, has the keyboard
  for (const key of ['j', 's', 'j', 'q', 'j', 'r']) await page.keyboard.press(key);
}

describe('keyboard triage on each site, checked in the database', () => {
  // A library of its own: the papers starred and queued above are left alone.
  let fresh: Browser;
  beforeAll(async () => {
    fresh = await launch({ pages: PAGES });
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it.each([
    ['ACL Anthology (2026 author page)', SITE_PAGES.aclAuthor2026.url, SITE_PAGES.aclAuthor2026.ids(readSharedPage(SITE_PAGES.aclAuthor2026.file))],
    ['dblp (search)', SITE_PAGES.dblpSearch.url, SITE_PAGES.dblpSearch.ids(readSharedPage(SITE_PAGES.dblpSearch.file))],
    ['Google Scholar (2018+ layout)', SITE_PAGES.scholar2020.url, SITE_PAGES.scholar2020.ids(readSharedPage(SITE_PAGES.scholar2020.file))],
    ['OpenReview (today’s venue page)', FIXTURE_PAGES.openreviewVenue.url, FIXTURE_PAGES.openreviewVenue.ids],
    ['CVF (today’s listing)', FIXTURE_PAGES.cvfListing.url, FIXTURE_PAGES.cvfListing.ids],
  ])('%s: j s j q j r', async (_, url, ids) => {
    const page = await fresh.open(url, ids.length);
    try {
      const [first, second, third] = ids as [string, string, string];
      await triage(page);
      await expect.poll(() => pressed(page, third, 'Mark read')).toBe('true');
      expect(await pressed(page, first, 'Star')).toBe('true');
      expect(await pressed(page, second, 'Add to queue')).toBe('true');
      const stored = await library(fresh);
      const state = (id: string) => stored.find((paper) => paper.id === id);
      expect(state(first)).toMatchObject({ starred: true, queued: false, read: false });
      expect(state(second)).toMatchObject({ starred: false, queued: true, read: false });
      expect(state(third)).toMatchObject({ starred: false, queued: false, read: true });
    } finally {
      await page.close();
    }
  });

  it('an arXiv HTML paper: its one card, from the keyboard', async () => {
    const page = await fresh.open(FIXTURE_PAGES.arxivHtml.url, 1);
    await page.mouse.click(2, 2);
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await expect.poll(() => pressed(page, 'arxiv:2603.02438', 'Star')).toBe('true');
    expect((await library(fresh)).find((paper) => paper.id === 'arxiv:2603.02438')).toMatchObject({ starred: true });
    await page.close();
  });
});

describe('OpenReview renders its cards after load, and moves between pages without a load', () => {
  const URL = 'https://openreview.net/group?id=NeurIPS.cc/2025/Conference';
  const SHELL = `<!DOCTYPE html><html><head><title>NeurIPS 2025 | OpenReview</title></head><body><div id="__next"><main id="group-container"><div class="tab-content"><p>Loading…</p></div></main></div>
<script>
  const note = (id, title) => '<li><div class="note"><h4><a href="/forum?id=' + id + '">' + title + '</a></h4><div class="note-authors"><a href="/profile?id=~A_B1">A B</a></div></div></li>';
  setTimeout(() => {
    document.querySelector('.tab-content').innerHTML = '<ul class="list-unstyled submissions-list">' + note('FirstTab01', 'A poster') + note('FirstTab02', 'Another poster') + '</ul>';
  }, 300);
  window.showTab = () => {
    document.querySelector('.tab-content').innerHTML = '<ul class="list-unstyled submissions-list">' + note('OralTab001', 'An oral') + '</ul>';
  };
</script></body></html>`;

  it('finds the cards a tab renders after load, and those of the next tab', async () => {
    browser.serve({ [URL]: SHELL });
    const page = await browser.open(URL, 2);
    expect(await cardIds(page)).toEqual(['openreview:FirstTab01', 'openreview:FirstTab02']);
    await control(page, 'openreview:FirstTab02', 'Star').click();
    await page.evaluate(() => (window as unknown as { showTab(): void }).showTab());
    await expect.poll(() => cardIds(page)).toEqual(['openreview:OralTab001']);
    await page.close();
  });

  it('reached in-page from a profile page (no content script there): the router brings it', async () => {
    const PROFILE = 'https://openreview.net/profile?id=~A_B1';
    browser.serve({ [PROFILE]: '<!DOCTYPE html><html><head><title>A B | OpenReview</title></head><body><div id="__next"><main>A profile</main></div></body></html>' });
    const page = await browser.open(PROFILE);
    await page.waitForTimeout(300);
    expect(await cardIds(page)).toEqual([]);
    // OpenReview's own router moves to a venue page and renders it, without a load.
    await page.evaluate(() => {
      history.pushState({}, '', '/group?id=NeurIPS.cc/2025/Conference');
      document.querySelector('main')!.innerHTML =
        '<div class="tab-content"><ul class="list-unstyled submissions-list"><li><div class="note"><h4><a href="/forum?id=RoutedIn01">Reached in-page</a></h4></div></li></ul></div>';
    });
    await expect.poll(() => cardIds(page), { timeout: 15_000 }).toEqual(['openreview:RoutedIn01']);
    await control(page, 'openreview:RoutedIn01', 'Star').click();
    await expect.poll(() => pressed(page, 'openreview:RoutedIn01', 'Star')).toBe('true');
    await page.close();
  });
});

describe('dark mode where the site has one', () => {
  it('follows an arXiv HTML paper’s dark theme (html[data-theme="dark"])', async () => {
    const page = await browser.open(FIXTURE_PAGES.arxivHtml.url, 1);
    const colour = () => control(page, 'arxiv:2603.02438', 'Star').evaluate((button: Element) => getComputedStyle(button).color);
    await control(page, 'arxiv:2603.02438', 'Star').click();
    await expect.poll(() => pressed(page, 'arxiv:2603.02438', 'Star')).toBe('true');
    expect(await colour()).toBe('rgb(217, 119, 6)');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    expect(await colour()).toBe('rgb(251, 191, 36)');
    await page.close();
  });
});
