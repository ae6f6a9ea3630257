import { boundPaperRef } from '../bounds';
import { cleanText, idLabel, parsePaperId, type PaperId, type PaperRef } from '../paper';
import { MAY_NAME_PAPER } from './link-hint';
import { inline } from './place';
import { readText } from './read';
import { withReader, type SiteAdapter, type SiteCards } from './types';

/**
 * The generic adapter: any page, read by the papers it links to (a lab's publication list, a blog's
 * references, a forum thread, a model card). It is in no site's list (lib/sites/index.ts): it runs
 * where the user asks for it (the popup's "Show Shelfmark on this page", a site they enabled:
 * entrypoints/generic.content.ts, which serves whatever page it is run on), and in `npm run parse`
 * when no site adapter serves a URL.
 *
 * A paper is every link that names it by the identity rules (lib/paper.ts parsePaperId: every link
 * form of every scheme). Its card is the nearest block around one of its links that links no other
 * paper (a table row of a publications page, a list item of a reference list; a cell becomes its
 * row when the row holds no other paper); the block holding most of its links wins, the first on
 * ties. Where every block around its links also links other papers (a paragraph citing three, a
 * comment), its first link is the card and its controls go right after it. One card per paper,
 * however often it is linked; nothing where no paper is linked.
 */

/** Elements that make a block of a page's text (where a card may be). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'body',
]);

/** Where a paper's title may be in its card, when its links say none (`<span class="papertitle">`, a heading, bold text). */
const TITLE_PLACES = 'h1, h2, h3, h4, h5, h6, [class*="title" i], strong, b';

/**
 * A link's text when it names its paper (a title), else undefined: "arXiv", "[PDF]", "here", an
 * address or an id name none. Used for cards here and for the link menu (lib/background/quick-actions.ts).
 */
export function linkTitle(text: string | null | undefined): string | undefined {
  const clean = cleanText(text);
  if (clean.length < 12 || clean.length > 400 || /^(?:https?:|www\.|arxiv:|doi:|10\.\d)/i.test(clean) || parsePaperId(clean)) return undefined;
  return clean;
}

export interface GenericCard {
  id: PaperId;
  /** The card: a block, or the paper's first link when it shares every block with other papers. */
  element: Element;
  inline: boolean;
  /** Every link to the paper on the page, in document order. */
  links: HTMLAnchorElement[];
}

const found = new WeakMap<Element, GenericCard>();

/** Every paper linked under `root`, each with its card (see above), in document order of the cards. */
export function findGenericCards(root: ParentNode): GenericCard[] {
  const byId = new Map<PaperId, HTMLAnchorElement[]>();
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const href = link.href;
    if (!MAY_NAME_PAPER.test(href)) continue;
    const id = parsePaperId(href);
    if (!id) continue;
    const links = byId.get(id);
    if (links) links.push(link);
    else byId.set(id, [link]);
  }
  if (byId.size === 0) return [];

  // Which paper each link names, to tell whether a block links another paper.
  const paperOf = new Map<Element, PaperId>();
  for (const [id, links] of byId) for (const link of links) paperOf.set(link, id);
  /** The papers a block links, stopping at the second. */
  const papersIn = (block: Element): Set<PaperId> => {
    const ids = new Set<PaperId>();
    for (const link of Array.from(block.querySelectorAll('a[href]'))) {
      const id = paperOf.get(link);
      if (id) ids.add(id);
      if (ids.size > 1) break;
    }
    return ids;
  };

  const cards: GenericCard[] = [];
  for (const [id, links] of byId) {
    let best: { block: Element; count: number } | undefined;
    for (const link of links) {
      let block = nearestBlock(link);
      if (!block || block.localName === 'body' || papersIn(block).size > 1) continue;
      // A cell of a row that holds this paper alone: the row is the card (a publications table).
      const row = block.localName === 'td' || block.localName === 'th' ? block.closest('tr') : null;
      if (row && papersIn(row).size === 1) block = row;
      const count = links.filter((other) => block!.contains(other)).length;
      if (!best || count > best.count) best = { block, count };
    }
    const card: GenericCard = best ? { id, element: best.block, inline: false, links } : { id, element: links[0]!, inline: true, links };
    found.set(card.element, card);
    cards.push(card);
  }
  return cards.sort((a, b) => (a.element.compareDocumentPosition(b.element) & 4 /* FOLLOWING */ ? -1 : 1));
}

/** A table row holding one paper alone (a publications table): its controls take a line of their own. */
function isRow(element: Element): boolean {
  const card = found.get(element);
  return card !== undefined && !card.inline && element.localName === 'tr';
}

function nearestBlock(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (BLOCKS.has(node.localName)) return node;
  }
  return null;
}

/** What the card shows of its paper: a title (a link's text, the card's title, else the id), its links. */
export function readGenericCard(card: GenericCard): PaperRef {
  const fromLinks = card.links.map((link) => linkTitle(link.textContent ?? '')).find(Boolean);
  const fromCard = card.inline ? undefined : linkTitle(readText(card.element.querySelector(TITLE_PLACES)));
  const abs = card.links.find((link) => !/\.pdf(?:$|[?#])/i.test(link.href))?.href;
  const pdf = card.links.find((link) => /\.pdf(?:$|[?#])|\/pdf\//i.test(link.href))?.href;
  const ref: PaperRef = { id: card.id, title: fromLinks ?? fromCard ?? idLabel(card.id), links: { ...(abs ? { abs } : {}), ...(pdf ? { pdf } : {}) } };
  return boundPaperRef(ref);
}

export const genericCards: SiteCards = {
  name: 'generic',
  label: 'this page',
  // Run only where the user asked for it, and then on any page there.
  matches: () => true,
  linksPapers: true,
  findCards: (root) => findGenericCards(root).map((card) => card.element),
  cardId: (element) => found.get(element)?.id ?? null,
  mountControls(element, controls) {
    // In a row, at the end of its last cell, on a line of their own (below the text beside a teaser);
    // elsewhere right after the paper's last link in the card (the end of a reference, the sentence of
    // a comment), in its line of text, which they neither cut nor make taller (place.ts).
    if (isRow(element)) (element.lastElementChild ?? element).append(controls);
    else (found.get(element)?.links.filter((link) => element.contains(link)).at(-1) ?? element).after(inline(controls));
  },
  // In a line of text an empty root would push the words after it: those roots go in with their controls.
  controlsInLine: (element) => !isRow(element),
};

/**
 * The whole adapter. Its reader may run in another bundle than the one that found the card (the
 * content script's extras): there the page is read once more to know the card.
 */
export const generic: SiteAdapter = /* @__PURE__ */ withReader(genericCards, (element) => {
  if (!found.has(element)) findGenericCards(element.ownerDocument);
  const card = found.get(element);
  return card ? readGenericCard(card) : null;
});
