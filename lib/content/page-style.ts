import type { PaperId } from '../paper';

/**
 * How read papers look on a page (dimmed, or hidden where the user asked), without writing their
 * state into the page: no attribute, class or stylesheet a page script can query. The rules are
 * keyed by the card's id (`data-shelfmark-card`, which the page already shows) and inserted by the
 * background with `scripting.insertCSS`, whose sheets are not in `document.styleSheets`.
 * What the page can still observe is what is drawn: a dimmed card's computed opacity, a hidden
 * card's display (README, Privacy); the "dim read papers" setting turns dimming off.
 */

/** Attributes Shelfmark puts on a page's elements: the card's id, on the card and on the other elements of its entry. */
export const CARD_ATTRIBUTE = 'data-shelfmark-card';
export const PART_ATTRIBUTE = 'data-shelfmark-part';

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
  show(dim: Iterable<PaperId>, hide: Iterable<PaperId>): void {
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

/** The rules: one selector per card and part; a read card comes back to full strength under the pointer, focus or the cursor. */
export function readCss(dim: Iterable<PaperId>, hide: Iterable<PaperId>): string {
  const selectors = (ids: Iterable<PaperId>, suffix = '') =>
    [...ids].flatMap((id) => [`[${CARD_ATTRIBUTE}=${quoted(id)}]${suffix}`, `[${PART_ATTRIBUTE}=${quoted(id)}]${suffix}`]);
  const dimmed = selectors(dim, ':not(:hover, :focus-within, [data-shelfmark-current])');
  const hidden = selectors(hide);
  return [
    dimmed.length ? `${dimmed.join(',\n')} { opacity: 0.5 !important; }` : '',
    hidden.length ? `${hidden.join(',\n')} { display: none !important; }` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
