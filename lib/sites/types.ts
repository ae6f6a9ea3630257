import type { PaperId, PaperRef } from '../paper';

/**
 * Every site Shelfmark reads (a stored paper's `seen.site`, a per-site setting's key); `generic` is
 * any other page, read by the papers it links to (lib/sites/generic.ts).
 */
export const SITE_NAMES = ['huggingface', 'arxiv', 'acl', 'dblp', 'scholar', 'openreview', 'cvf', 'generic'] as const;

export type SiteName = (typeof SITE_NAMES)[number];

/**
 * One adapter per site: a pure module that knows the site's URLs and markup.
 * Adapters never throw on odd markup: a card they cannot read yields null and is counted as skipped.
 *
 * A site's cards (SiteCards) are what its content script needs as a page loads: finding them and
 * placing their controls. Reading what a card shows of its paper (readCard) is needed only when the
 * user first saves it: the content scripts leave it out and load it then (lib/content/extras.ts).
 */
export interface SiteCards {
  name: SiteName;
  /** Human name, shown where a paper was seen ("Hugging Face"). */
  label: string;
  /** True when this adapter serves the page at `url`. A pure function of the URL. */
  matches(url: URL): boolean;
  /**
   * Every paper card under `root`, in document order. `page` tells which page this is when the
   * markup alone does not (a Hugging Face paper page); without it, the document's own URL is used.
   */
  findCards(root: ParentNode, page?: PageContext): Element[];
  /**
   * The card's canonical id, read cheaply (one attribute). Run on every scan, so that a card
   * whose content the site swapped in place (single-page navigation) is noticed and re-annotated.
   */
  cardId(card: Element): PaperId | null;
  /**
   * The card's other ids (a dblp key beside its DOI, a Scholar cluster beside its arXiv link), read
   * as cheaply: a stored record may be known under one of them. Sites whose cards show one id leave it out.
   */
  cardAliases?(card: Element): PaperId[];
  /** Everything the card shows about its paper (the whole adapter's; see SiteAdapter). */
  readCard?(card: Element, page: PageContext): PaperRef | null;
  /**
   * True on a paper's own page (an arXiv abstract, a Hugging Face paper page), whose one card is
   * the first screen's: its controls go in as soon as it is found, without reading the viewport's
   * height (which lays the page out). Listings leave it out.
   */
  paperPage?(url: URL): boolean;
  /** Puts the control root into the card, where it fits the card's layout. */
  mountControls(card: Element, controls: HTMLElement): void;
  /**
   * True when mountControls puts the controls at the end of a line of the card's text (place.ts
   * `inline`), where they move nothing: their root then goes in only once they are built (near the
   * viewport), not into every card of a long listing at once. Otherwise the empty root goes in at
   * once and keeps their room.
   */
  controlsInLine?(card: Element): boolean;
  /**
   * True for pages that link papers from their own text (the generic adapter, and Hugging Face's
   * model pages through it): its cards are the page's paragraphs, rows and links, not entries of a
   * list of papers. Read papers are neither dimmed nor hidden there, which would take the page's own
   * text away, and the page is no listing (no "Hide read" pill); the controls show the state.
   */
  linksPapers?: boolean;
}

/** A site's whole adapter: its cards, and what each card shows about its paper. */
export interface SiteAdapter extends SiteCards {
  /** Everything the card shows about its paper, or null when it cannot be read. */
  readCard(card: Element, page: PageContext): PaperRef | null;
}

/**
 * The whole adapter of a site's cards. Each call is marked `@__PURE__`, so that a bundle that imports
 * only the cards leaves out the reader and everything only it uses.
 */
export function withReader(cards: SiteCards, readCard: SiteAdapter['readCard']): SiteAdapter {
  return { ...cards, readCard };
}

/** What a read of one page shares between its cards. */
export interface PageContext {
  url: URL;
  document: Document;
  /** "Now", for dates a page prints without their year (Hugging Face's "Sep 28"). Defaults to the clock. */
  now?: Date;
  /** Per-page data an adapter parses once (Hugging Face's hydration JSON, say), keyed by the adapter. */
  cache: Map<string, unknown>;
}

export function createPageContext(document: Document, url: URL | string): PageContext {
  return { url: typeof url === 'string' ? new URL(url) : url, document, cache: new Map() };
}
