import { paperLinks, type PaperIdentity, type PaperRef } from '../paper';
import { identityOf, isParsed, pageHost, readText, readTexts, yearIn } from './read';
import { boundPaperRef } from '../bounds';
import { DBLP_HOSTS, isHostIn } from './hosts';
import { withReader, type SiteAdapter, type SiteCards } from './types';

/*
 * dblp, dblp.org. Page kinds and example URLs (all list publications with the same entry markup):
 *   search   /search?q=calefato, /search/publ?q=calefato
 *   person   /pid/48/5662.html
 *   venue    /db/conf/esem/esem2023.html, /db/journals/corr/corr2303.html, /db/journals/tosem/tosem31.html
 *   record   /rec/conf/esem/CalefatoQLK23.html (one entry)
 * Not served: /pid/48/5662.xml and .bib (exports), /rec/….bib, /search/publ/api?q= (the API),
 * /db/conf/esem/index.html and other indexes (they list volumes: served, they would show no entry,
 * but they are not asked for), /statistics/, /faq/, mirrors such as dblp.uni-trier.de (another host,
 * another permission).
 *
 * An entry is `<li class="entry <type>" id="<dblp key>">`: its electronic editions (`li.ee` links:
 * a DOI, arXiv, OpenReview, the Anthology) give its id, the key is an alias (or the id, when no
 * edition names one). A CoRR entry (`informal`, `journals/corr/abs-…`) links arXiv or arXiv's DOI,
 * so it is the arXiv paper; the published version has its own DOI: two records, unless an entry
 * links both.
 */
const SELECTORS = {
  /** One publication, its dblp key in `id`. */
  entry: 'li.entry[id]',
  /** Its electronic editions ("electronic edition via DOI", "… @ arXiv.org"). */
  editions: 'nav.publ li.ee > a[href]',
  /** The citation: authors, title, venue, year. */
  citation: 'cite',
  title: '.title',
  author: '[itemprop="author"] [itemprop="name"]',
  venue: '[itemprop="isPartOf"] [itemprop="name"]',
  year: '[itemprop="datePublished"]',
} as const;

const PATH = /^\/(?:search(?:\/publ)?\/?|pid\/[\w/-]+\.html|db\/(?:conf|journals|series|books|reference)\/[\w/.-]+\.html|rec\/[\w/.+-]+\.html)$/;

export const dblpCards: SiteCards = {
  name: 'dblp',
  label: 'dblp',

  matches(url) {
    return isHostIn(DBLP_HOSTS, url.hostname) && PATH.test(url.pathname) && !url.pathname.startsWith('/search/publ/api');
  },

  findCards(root) {
    return [...root.querySelectorAll(SELECTORS.entry)].filter(isParsed);
  },

  cardId(card) {
    return identityOfEntry(card)?.id ?? null;
  },

  cardAliases(card) {
    return identityOfEntry(card)?.aliases ?? [];
  },

  mountControls(card, controls) {
    // Under the citation (authors, title, venue), beside the entry's type box and menu.
    const citation = card.querySelector(SELECTORS.citation);
    if (citation) citation.after(controls);
    else card.append(controls);
  },
};

/** The whole adapter: the cards, and what each shows of its paper (read when the user first saves it). */
export const dblp: SiteAdapter = /* @__PURE__ */ withReader(dblpCards, (card) => readEntry(card));

function identityOfEntry(entry: Element): PaperIdentity | null {
  return identityOf(entry.querySelectorAll(SELECTORS.editions), [`dblp:${entry.id}`]);
}

function readEntry(entry: Element): PaperRef | null {
  const identity = identityOfEntry(entry);
  const citation = entry.querySelector(SELECTORS.citation);
  // dblp ends every title with a period ("… in GitHub."); a question keeps its mark.
  const title = readText(citation?.querySelector(SELECTORS.title)).replace(/(?<![.?!])\.$/, '');
  if (!identity || !citation || !title) return null;
  return boundPaperRef({
    id: identity.id,
    aliases: identity.aliases,
    title,
    authors: readTexts(citation, SELECTORS.author),
    venue: readText(citation.querySelector(SELECTORS.venue)) || undefined,
    year: yearIn(readText(citation.querySelector(SELECTORS.year))),
    // The standard pages of its id. Its electronic editions on other hosts (a CEUR-WS PDF, a publisher's
    // page without a DOI) would not be kept (lib/bounds.ts paperLinksOf): its dblp record links them.
    links: paperLinks(identity.id),
  }, pageHost(entry));
}
