import type { PaperId } from '../paper';

/**
 * How read papers look on a page (dimmed, or hidden where the user asked), without writing their
 * state into the page: no attribute, class or stylesheet a page script can query. The rules are
 * keyed by the card's id (`data-shelfmark-card`, which the page already shows) and inserted by the
 * background with `scripting.insertCSS`, whose sheets are not in `document.styleSheets`.
 * What the page can still observe is what is drawn: a dimmed card's computed opacity, a hidden
 * card's display (README, Privacy); the "dim read papers" setting turns dimming off.
 */

/** The one attribute Shelfmark puts on a page's card: its id (the page contract). */
export const CARD_ATTRIBUTE = 'data-shelfmark-card';

/**
 * A read paper: its id, how many elements after its card belong to its entry (an arXiv listing's
 * <dd>), and whether a card of it is alone in its parent (a grid cell: Hugging Face).
 */
export interface ReadCard {
  id: PaperId;
  following: number;
  alone?: boolean;
}

/** Inserts `css` in the page (for this frame) and removes each of `remove`, which may or may not be there. */
export type InsertStyle = (css: string, remove: string[]) => Promise<void>;

/** Waits before trying again after a failure, in milliseconds; the last one repeats. */
const RETRY_DELAYS_MS = [250, 1_000, 3_000, 10_000];

export class PageStyle {
  /** The rules wanted, and those known to be in the page. */
  private wanted = '';
  private applied = '';
  /** Rules that may be in the page: sent, but their answer was lost. */
  private readonly uncertain = new Set<string>();
  private busy = false;
  private failures = 0;

  constructor(
    private readonly insert: InsertStyle,
    private readonly signal: AbortSignal,
  ) {}

  /** Read papers to dim, and to hide. */
  show(dim: readonly ReadCard[], hide: readonly ReadCard[]): void {
    this.wanted = readCss(dim, hide);
    void this.sync();
  }

  private async sync(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.wanted !== this.applied && !this.signal.aborted) {
        const css = this.wanted;
        const remove = [...this.uncertain, this.applied].filter((old) => old && old !== css);
        try {
          await this.insert(css, remove);
          this.applied = css;
          this.uncertain.clear();
          this.failures = 0;
        } catch {
          if (css) this.uncertain.add(css);
          const delay = RETRY_DELAYS_MS[Math.min(this.failures++, RETRY_DELAYS_MS.length - 1)]!;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

/** A CSS string holding an id (canonical ids are plain, but quotes and backslashes are escaped anyway). */
function quoted(id: PaperId): string {
  return `"${id.replace(/["\\]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

/**
 * The rules: a selector per card and per element after it that belongs to its entry (`+ dd`); a
 * read card comes back to full strength under the pointer, focus or the keyboard cursor; a hidden
 * card's parent goes too when the card is all it holds.
 */
export function readCss(dim: readonly ReadCard[], hide: readonly ReadCard[]): string {
  const selectors = (cards: readonly ReadCard[], suffix = '') =>
    cards.flatMap(({ id, following }) => {
      const card = `[${CARD_ATTRIBUTE}=${quoted(id)}]`;
      return Array.from({ length: following + 1 }, (_, n) => `${card}${' + dd'.repeat(n)}${suffix}`);
    });
  const dimmed = selectors(dim, ':not(:hover, :focus-within, [data-shelfmark-current])');
  // A card alone in its parent hides with it: Hugging Face wraps each <article> in a grid cell, and
  // an empty cell would leave a hole in the grid (it closes up instead). Only there: a :has() rule is
  // checked against every element of the page at every style update (500 of them on a 2,000-entry
  // listing: about 3 s of style recalculation, measured).
  const hidden = [...selectors(hide), ...hide.filter((card) => card.alone).map(({ id }) => `:has(> [${CARD_ATTRIBUTE}=${quoted(id)}]:only-child)`)];
  return [
    dimmed.length ? `${dimmed.join(',\n')} { opacity: 0.5 !important; }` : '',
    hidden.length ? `${hidden.join(',\n')} { display: none !important; }` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
