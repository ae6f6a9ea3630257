import type { PaperState, UserAction } from '../library';
import type { ResponseData } from '../messaging';
import type { Request } from '../messages';
import type { PaperId, PaperRef } from '../paper';
import { cleanText } from '../paper';
import { adapterFor } from '../sites';
import { createPageContext, type PageContext, type SiteAdapter } from '../sites/types';
import { createControls, type CardControls } from './controls';
import { PAGE_CSS } from './styles';

/**
 * Annotates the paper cards of one page: finds them with the site's adapter, gives each one
 * control root, keeps every card of the same paper in the same state, and follows the page as
 * it changes (cards added on scroll, in-page navigation of single-page apps).
 */

export type Send = <R extends Request>(request: R) => Promise<ResponseData[R['type']]>;

export interface AnnotatorOptions {
  document: Document;
  /** The page's current URL (read on every scan: single-page apps change it without reloading). */
  location: () => string;
  send: Send;
  /** Aborted when the content script is invalidated (extension reloaded or removed). */
  signal: AbortSignal;
  log?: (message: string, ...details: unknown[]) => void;
}

interface MountedCard {
  card: Element;
  controls: CardControls;
}

const PAGE_STYLE_ID = 'shelfmark-page-style';
/** Mutations are coalesced: one scan per burst of page changes. */
const SCAN_DELAY_MS = 30;

export class Annotator {
  private adapter: SiteAdapter | null = null;
  private page: PageContext | null = null;
  private href = '';
  private readonly mounted = new Map<Element, MountedCard>();
  private readonly cardsById = new Map<PaperId, Set<MountedCard>>();
  private readonly states = new Map<PaperId, PaperState>();
  private observer: MutationObserver | null = null;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  /** Cards seen that could not be read, by the last scan. */
  skipped = 0;

  constructor(private readonly options: AnnotatorOptions) {}

  start(): void {
    const { document, signal } = this.options;
    if (signal.aborted) return;
    this.scan();
    this.observer = new MutationObserver((records) => {
      if (records.some((record) => !this.isOwnMutation(record))) this.scheduleScan();
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /** Removes everything Shelfmark added to the page. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.scanTimer);
    for (const entry of [...this.mounted.values()]) this.unmount(entry);
    this.options.document.getElementById(PAGE_STYLE_ID)?.remove();
  }

  /** States pushed by the background (a change made in another tab, the popup, ...). */
  applyStates(states: Record<PaperId, PaperState>): void {
    for (const [id, state] of Object.entries(states)) {
      // Only papers shown here matter; others are not remembered.
      if (!this.cardsById.has(id)) continue;
      this.setState(id, state);
    }
  }

  /** Ids annotated on the page, once each. */
  get ids(): PaperId[] {
    return [...this.cardsById.keys()];
  }

  scheduleScan(): void {
    if (this.scanTimer !== undefined) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      if (!this.options.signal.aborted) this.scan();
    }, SCAN_DELAY_MS);
  }

  /** One pass over the page: mounts controls on new cards, then asks for their states in one message. */
  scan(): void {
    try {
      this.followLocation();
      const adapter = this.adapter;
      if (!adapter) return;
      this.ensurePageStyle();
      const needState = new Set<PaperId>();
      let skipped = 0;
      for (const card of adapter.findCards(this.options.document)) {
        const id = adapter.cardId(card);
        const existing = this.mounted.get(card);
        if (existing) {
          // The site may swap a card's content in place, or re-render it without our root.
          if (existing.controls.id === id && card.contains(existing.controls.root)) continue;
          this.unmount(existing);
        }
        if (!id) {
          skipped++;
          continue;
        }
        this.mount(adapter, card, id);
        if (!this.states.has(id)) needState.add(id);
      }
      for (const entry of [...this.mounted.values()]) {
        if (!entry.card.isConnected) this.unmount(entry);
      }
      if (skipped !== this.skipped && skipped > 0) this.options.log?.(`skipped ${skipped} card(s) that could not be read`);
      this.skipped = skipped;
      if (needState.size) void this.fetchStates([...needState]);
    } catch (error) {
      // Never break the host page: a failed scan is logged and the next mutation retries.
      this.options.log?.('scan failed', error);
    }
  }

  private followLocation(): void {
    const href = this.options.location();
    if (href === this.href) return;
    this.href = href;
    const adapter = adapterFor(href);
    if (adapter !== this.adapter) {
      for (const entry of [...this.mounted.values()]) this.unmount(entry);
      this.adapter = adapter;
    }
    this.page = adapter ? createPageContext(this.options.document, href) : null;
  }

  private mount(adapter: SiteAdapter, card: Element, id: PaperId): void {
    const controls = createControls(this.options.document, id, (action) => void this.act(card, id, action));
    const entry: MountedCard = { card, controls };
    adapter.mountControls(card, controls.root);
    this.mounted.set(card, entry);
    let cards = this.cardsById.get(id);
    if (!cards) this.cardsById.set(id, (cards = new Set()));
    cards.add(entry);
    const state = this.states.get(id);
    if (state) controls.update(state);
  }

  private unmount(entry: MountedCard): void {
    entry.controls.root.remove();
    this.mounted.delete(entry.card);
    const cards = this.cardsById.get(entry.controls.id);
    cards?.delete(entry);
    if (cards?.size === 0) {
      this.cardsById.delete(entry.controls.id);
      this.states.delete(entry.controls.id);
    }
  }

  private async fetchStates(ids: PaperId[]): Promise<void> {
    try {
      const states = await this.options.send({ type: 'getStates', ids });
      this.applyStates(states);
    } catch (error) {
      this.options.log?.('could not load paper states', error);
    }
  }

  private setState(id: PaperId, state: PaperState): void {
    this.states.set(id, state);
    for (const entry of this.cardsById.get(id) ?? []) entry.controls.update(state);
  }

  /** A control was used: show the change at once, save it, and settle on what the background answers. */
  private async act(card: Element, id: PaperId, action: UserAction): Promise<void> {
    const before = this.states.get(id);
    const base = before ?? { starred: false, read: false, queued: false, note: '' };
    this.setState(id, applyLocally(base, action));
    try {
      const paper = this.readPaper(card, id);
      const seen = this.adapter ? { site: this.adapter.name, url: this.href } : undefined;
      const state = await this.options.send({ type: 'act', paper, action, seen });
      this.setState(id, state);
    } catch (error) {
      if (before) this.setState(id, before);
      else this.states.delete(id);
      const message = error instanceof Error ? error.message : String(error);
      this.options.log?.('could not save', id, action, error);
      for (const entry of this.cardsById.get(id) ?? []) entry.controls.showError(friendlyError(message));
    }
  }

  private readPaper(card: Element, id: PaperId): PaperRef {
    const read = this.adapter && this.page ? this.adapter.readCard(card, this.page) : null;
    if (read && read.id === id) return read;
    // The card could not be read in full: its id and visible text still identify the paper.
    return { id, title: cleanText(card.textContent).slice(0, 300) || id };
  }

  private ensurePageStyle(): void {
    const { document } = this.options;
    if (document.getElementById(PAGE_STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = PAGE_STYLE_ID;
    style.textContent = PAGE_CSS;
    (document.head ?? document.documentElement).append(style);
  }

  /** Our own insertions and removals need no new scan. */
  private isOwnMutation(record: MutationRecord): boolean {
    return [...record.addedNodes, ...record.removedNodes].every(
      (node) => node instanceof Element && (node.localName === 'shelfmark-controls' || node.id === PAGE_STYLE_ID),
    );
  }
}

export function applyLocally(state: PaperState, action: UserAction): PaperState {
  switch (action.kind) {
    case 'star':
      return { ...state, starred: action.value };
    case 'read':
      return { ...state, read: action.value };
    case 'queue':
      return { ...state, queued: action.value };
    case 'note':
      return { ...state, note: action.text };
  }
}

function friendlyError(message: string): string {
  if (/context invalidated|receiving end does not exist/i.test(message)) return 'Shelfmark was updated; reload the page.';
  return message.length > 120 ? `${message.slice(0, 117)}…` : message;
}
