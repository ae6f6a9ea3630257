import { paperLinks, type PaperIdentity, type PaperRef } from '../paper';
import { identityOf, isParsed, pageHost, readText, yearIn } from './read';
import { boundPaperRef } from '../bounds';
import { SCHOLAR_HOSTS, isHostIn } from './hosts';
import { inline } from './place';
import { withReader, type SiteAdapter, type SiteCards } from './types';

/*
 * Google Scholar, on scholar.google.com and every country domain (scholar.google.co.jp, …: see
 * hosts.ts). Page kinds and example URLs (result pages, every layout since 2016):
 *   results   /scholar?q=…, /scholar?hl=en&as_sdt=0,5&q=…, /scholar?cites=… (citing papers),
 *             /scholar?cluster=… (all versions), /scholar?start=10&q=… (next page)
 * Not served: /citations?user=… (profiles: another markup), /scholar_settings, /scholar_alerts,
 * /scholar_lookup, / (the search box), scholar.google.com.evil.example.
 * "Please show you're not a robot" (a captcha in place of the results, at the same /scholar URL)
 * has no result: nothing is added and nothing fails.
 *
 * A result is `div.gs_r` holding `div.gs_ri` (2018+: `div.gs_r.gs_or.gs_scl` with `data-cid`; 2016:
 * a bare `div.gs_r`). The alert footer is a `gs_r` too (`gs_alrt_btm`) but holds no `gs_ri`. The id
 * comes from the result's own links, its title and the version links beside it ([PDF] arxiv.org):
 * an arXiv link, an Anthology or OpenReview page, a DOI (in a resolver URL or a publisher URL such as
 * dl.acm.org/doi/… or link.springer.com/article/…), a CVF page; else Scholar's cluster id
 * (`data-cid`; 2016 layout: the cluster of its "Related articles" link), which is then an alias.
 * The snippet and the citation line are text: a DOI written there is never read.
 */
const SELECTORS = {
  /** A result, in every layout; only those with a `gs_ri` are papers. */
  result: '.gs_r',
  body: '.gs_ri',
  /** The title line, its link (absent for [CITATION] entries), and its [PDF]/[BOOK] badge. */
  title: 'h3.gs_rt',
  titleLink: 'h3.gs_rt a[href]',
  titleBadge: '.gs_ctc, .gs_ctu, .gs_ct1, .gs_ct2',
  /** Versions beside the result: "[PDF] arxiv.org", "[HTML] acm.org". */
  versionLinks: '.gs_ggs a[href]',
  /** "Authors - Venue, Year - host". */
  byline: '.gs_a',
  /** The actions row (Save, Cite, Cited by, Related articles, All versions): where the controls go. */
  actions: '.gs_fl',
  /** 2016 layout: the cluster id in the "Related articles" link (q=related:<cluster>:scholar.google.com/). */
  relatedLink: 'a[href*="q=related:"]',
} as const;

const RESULTS_PATH = /^\/scholar\/?$/;

export const scholarCards: SiteCards = {
  name: 'scholar',
  label: 'Google Scholar',

  matches(url) {
    return isHostIn(SCHOLAR_HOSTS, url.hostname) && RESULTS_PATH.test(url.pathname);
  },

  findCards(root) {
    return [...root.querySelectorAll(SELECTORS.result)].filter(
      (result) => result.querySelector(`:scope > ${SELECTORS.body}`) && result.querySelector(SELECTORS.title) && isParsed(result),
    );
  },

  cardId(card) {
    return identityOfResult(card)?.id ?? null;
  },

  cardAliases(card) {
    return identityOfResult(card)?.aliases ?? [];
  },

  mountControls(card, controls) {
    // At the end of the actions row (Save, Cite, Cited by …), which they extend.
    const body = card.querySelector(SELECTORS.body);
    const actions = body?.querySelector(`:scope > ${SELECTORS.actions}`);
    if (actions) {
      actions.append(inline(controls, '8px 0'));
    } else {
      (body ?? card).append(controls);
    }
  },
};

/** The whole adapter: the cards, and what each shows of its paper (read when the user first saves it). */
export const scholar: SiteAdapter = /* @__PURE__ */ withReader(scholarCards, (card) => {
  const identity = identityOfResult(card);
  const title = readText(card.querySelector(SELECTORS.title), SELECTORS.titleBadge);
  if (!identity || !title) return null;
  return boundPaperRef({
    id: identity.id,
    aliases: identity.aliases,
    title,
    ...byline(readText(card.querySelector(SELECTORS.byline))),
    // The standard pages of its id: the result's own links (a publisher, a PDF host) lead off-site
    // and would not be kept (lib/bounds.ts paperLinksOf).
    links: paperLinks(identity.id),
  }, pageHost(card));
});

/** The result's own links, then its cluster id. */
function identityOfResult(result: Element): PaperIdentity | null {
  const links = [result.querySelector(SELECTORS.titleLink), ...result.querySelectorAll(SELECTORS.versionLinks)].map(unwrapRedirect);
  return identityOf([], [...links, clusterOf(result)]);
}

/** `/scholar_url?url=<target>&…` (Scholar's redirect, on some accounts) is its target; other links are as written. */
function unwrapRedirect(link: Element | null): string | undefined {
  const href = link?.getAttribute('href')?.trim();
  if (!href) return undefined;
  if (!href.startsWith('/scholar_url?')) return href;
  try {
    return new URL(href, 'https://scholar.google.com/').searchParams.get('url') ?? undefined;
  } catch {
    return undefined;
  }
}

function clusterOf(result: Element): string | undefined {
  const cid = result.getAttribute('data-cid') ?? /q=related:([\w-]+):/.exec(result.querySelector(SELECTORS.relatedLink)?.getAttribute('href') ?? '')?.[1];
  return cid ? `scholar:${cid}` : undefined;
}

/**
 * "PJ Forsyth, N Mortimer, IM Turnbull - Terra Antartica, 2002 - sidst3.dst.unisi.it": the authors
 * (Scholar shortens first names and drops the last ones with "…"), the venue and the year.
 */
function byline(text: string): Pick<PaperRef, 'authors' | 'venue' | 'year'> {
  const [people = '', source = ''] = text.split(/\s+-\s+/);
  const authors = people
    .split(',')
    .map((name) => name.replace(/…|\.\.\.$/g, '').trim())
    .filter(Boolean);
  const year = yearIn(/,?\s*((?:1[89]|20)\d{2})\s*$/.exec(source)?.[1]);
  const venue = source.replace(/,?\s*(?:1[89]|20)\d{2}\s*$/, '').replace(/…$/, '').trim();
  return { authors, venue: venue || undefined, year };
}
