import type { PaperLinks, PaperRef } from '../paper';
import { cardParts, CURRENT_ATTRIBUTE, type Annotator, type PageCard } from './annotator';
import type { Command } from './keyboard';
import { isUserEvent } from './trust';

/**
 * Keyboard triage of a listing: a cursor on one card (outlined, focused, scrolled into view) that
 * j/k move, and the commands that act on it. The cursor also follows the mouse and Tab: using a
 * card's controls makes that card the current one.
 */

export interface TriageOptions {
  /** Opens a paper's page, here or in a new tab. */
  open: (url: string, newTab: boolean) => void;
  toggleHelp: () => void;
  toggleHideRead: () => void;
}

export class Triage {
  private current: PageCard | null = null;

  constructor(
    private readonly annotator: Annotator,
    private readonly options: TriageOptions,
  ) {}

  /** The card the keys act on, if it is still on the page. */
  get currentCard(): PageCard | null {
    return this.current?.card.isConnected ? this.current : null;
  }

  /** Runs a command; false when there was nothing to act on (the key is then left to the page). `at`: when the key was pressed. */
  run(command: Command, at = Date.now()): boolean {
    switch (command) {
      case 'next':
        return this.move(1);
      case 'previous':
        return this.move(-1);
      case 'help':
        this.options.toggleHelp();
        return true;
      case 'hideRead':
        // Only a listing hides read papers (its pill shows the setting): elsewhere the key is the page's.
        if (!this.annotator.isListing) return false;
        this.options.toggleHideRead();
        this.keepCursorVisible();
        return true;
    }
    const entry = this.currentCard;
    if (!entry) return false;
    switch (command) {
      case 'star':
      case 'queue':
        void this.annotator.toggle(entry, command, at);
        return true;
      case 'read':
        void this.annotator.toggle(entry, 'read', at);
        // With read papers hidden, the card just read disappears: the cursor goes on to the next one.
        this.keepCursorVisible();
        return true;
      case 'note':
        this.annotator.controlsOf(entry).openNote();
        return true;
      case 'tag':
        this.annotator.controlsOf(entry).openTags();
        return true;
      case 'open':
      case 'openInNewTab': {
        const open = (paper: PaperRef) => {
          const url = paperUrl(paper, this.annotator.url);
          if (url) this.options.open(url, command === 'openInNewTab');
          return url !== null;
        };
        const paper = this.annotator.paperOfNow(entry);
        if (paper) return open(paper);
        // The card's reader is still loading: the page opens when it has read the card.
        void this.annotator.paperOf(entry).then(open);
        return true;
      }
    }
  }

  /** Moves the cursor `step` cards down (1) or up (-1) among the visible ones. */
  move(step: 1 | -1): boolean {
    const cards = this.annotator.visibleCards();
    if (cards.length === 0) return false;
    const from = this.currentCard;
    let index: number;
    if (from && cards.includes(from)) {
      index = Math.min(cards.length - 1, Math.max(0, cards.indexOf(from) + step));
    } else if (from) {
      // The current card was hidden: continue from where it was in the full listing.
      index = this.neighbourOfHidden(from, cards, step);
    } else {
      // No cursor yet: start at the first card in view (or the last one, going up).
      index = firstInView(cards, step);
    }
    this.setCurrent(cards[index]!, true);
    return true;
  }

  /**
   * Makes `entry` the current card. `focus`: move keyboard focus there and scroll it into view
   * (j/k). `outline`: show it; a click with the mouse moves the cursor without outlining the card.
   */
  setCurrent(entry: PageCard, focus: boolean, outline = true): void {
    if (this.current !== entry) {
      this.clear();
      this.current = entry;
    }
    for (const part of cardParts(entry.card)) part.toggleAttribute(CURRENT_ATTRIBUTE, outline);
    if (focus) {
      // Its controls first (a card far down the page has none yet), then the whole entry in view if
      // it fits (its last part, then its first: the first wins when it does not).
      const controls = this.annotator.controlsOf(entry);
      const parts = cardParts(entry.card);
      parts[parts.length - 1]!.scrollIntoView?.({ block: 'nearest' });
      if (parts.length > 1) entry.card.scrollIntoView?.({ block: 'nearest' });
      const paper = this.annotator.paperOfNow(entry);
      controls.focus(paper?.title);
      // Named once the card's reader has loaded, if the cursor is still there.
      if (!paper) void this.annotator.paperOf(entry).then(({ title }) => this.current === entry && controls.focus(title));
    }
  }

  /**
   * Focus moved into a card's controls: that card becomes the current one, outlined when the
   * keyboard brought focus there (Tab), not when a click did.
   */
  followFocus(event: Event): void {
    if (!isUserEvent(event)) return;
    const entry = this.annotator.cardOf(event.target as Node | null);
    // Focus Shelfmark moved itself (j/k) lands on the current card: nothing to change.
    if (!entry || entry === this.current) return;
    const inner = entry.controls?.activeElement;
    this.setCurrent(entry, false, inner?.matches(':focus-visible') ?? false);
  }

  /** Removes the outline (Shelfmark stopped). */
  clear(): void {
    for (const part of this.current ? cardParts(this.current.card) : []) part.removeAttribute(CURRENT_ATTRIBUTE);
    this.current = null;
  }

  private keepCursorVisible(): void {
    const entry = this.currentCard;
    if (entry && this.annotator.isHidden(entry)) this.move(1);
  }

  private neighbourOfHidden(from: PageCard, cards: PageCard[], step: 1 | -1): number {
    const position = (entry: PageCard) => from.card.compareDocumentPosition(entry.card);
    if (step === 1) {
      const next = cards.findIndex((entry) => position(entry) & Node.DOCUMENT_POSITION_FOLLOWING);
      return next === -1 ? cards.length - 1 : next;
    }
    const before = cards.filter((entry) => position(entry) & Node.DOCUMENT_POSITION_PRECEDING).length;
    return Math.max(0, before - 1);
  }
}

/** The first card whose top is in the viewport (going down), or the last one above its bottom (going up). */
function firstInView(cards: PageCard[], step: 1 | -1): number {
  const view = cards[0]!.card.ownerDocument.defaultView;
  const height = view?.innerHeight ?? 0;
  if (step === 1) {
    const index = cards.findIndex((entry) => entry.card.getBoundingClientRect().bottom >= 0);
    return index === -1 ? cards.length - 1 : index;
  }
  for (let i = cards.length - 1; i >= 0; i--) {
    if (cards[i]!.card.getBoundingClientRect().top < height) return i;
  }
  return 0;
}

/** Where `o` goes: the paper's page on the site being read, else its arXiv abstract. */
export function paperUrl(paper: PaperRef, pageUrl: string): string | null {
  const links: PaperLinks = paper.links ?? {};
  const candidates = [links.huggingface, links.abs, links.html, links.pdf].filter((href): href is string => !!href);
  const host = safeHost(pageUrl);
  const sameSite = candidates.find((href) => safeHost(href) === host);
  return sameSite ?? links.abs ?? candidates[0] ?? null;
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
