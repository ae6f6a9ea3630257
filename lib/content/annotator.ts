import type { PaperState, UserAction } from '../store/library';
import type { ResponseData } from '../messaging';
import type { Request } from '../messages';
import type { PaperId, PaperRef } from '../paper';
import { cleanText } from '../paper';
import type { Settings } from '../settings';
import { adapterFor } from '../sites';
import { createPageContext, type PageContext, type SiteAdapter } from '../sites/types';
import { createControls, toggleValue, type CardControls, type ToggleKind } from './controls';
import { PAGE_CSS } from './styles';
import { t } from '../i18n';

/**
 * Annotates the paper cards of one page: finds them with the site's adapter, gives each one
 * control root, keeps every card of the same paper in the same state, marks read cards on the
 * card element itself (subdued, or hidden when the user asked for it on this site), and follows
 * the page as it changes (cards added on scroll, in-page navigation of single-page apps).
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
  /** Called (at most once per task) after cards were added or removed or their states changed. */
  onChange?: () => void;
}

/** One annotated card: the site's element and the controls mounted in it. */
export interface MountedCard {
  readonly card: Element;
  readonly controls: CardControls;
}

/** Attributes Shelfmark sets on a card element (styled by PAGE_CSS). */
export const CARD_ATTRIBUTES = {
  read: 'data-shelfmark-read',
  hidden: 'data-shelfmark-hidden',
  current: 'data-shelfmark-current',
} as const;

const PAGE_STYLE_ID = 'shelfmark-page-style';
/**
 * Cards whose buttons are built at once, per page load and then per scan: more than a screen
 * holds. The others are built in idle time right after (or when first needed), so a 2,000-card
 * listing is not held up by them.
 */
const BUILT_AT_ONCE = 60;
/** Longest stretch of idle-time building, in milliseconds: input is never kept waiting longer. */
const BUILD_SLICE_MS = 8;
/** What a page knows of a paper nobody has acted on. */
const NO_STATE: PaperState = { starred: false, read: false, queued: false, note: '' };

export class Annotator {
  private adapter: SiteAdapter | null = null;
  private page: PageContext | null = null;
  private href = '';
  private readonly mounted = new Map<Element, MountedCard>();
  private readonly byRoot = new WeakMap<Element, MountedCard>();
  private readonly cardsById = new Map<PaperId, Set<MountedCard>>();
  private readonly states = new Map<PaperId, PaperState>();
  /** Mounted cards in document order, as of the last scan. */
  private order: MountedCard[] = [];
  private settings: Settings = { hideRead: {} };
  private observer: MutationObserver | null = null;
  private scanFrame: number | undefined;
  /** The document is still being parsed: controls are mounted as cards arrive, states asked for at the end. */
  private loading = false;
  /** Papers mounted whose state has not been asked for yet. */
  private readonly unasked = new Set<PaperId>();
  /** Cards mounted whose buttons are still to be built, in document order. */
  private unbuilt: MountedCard[] = [];
  /** Whether the page was a listing at the last scan (what hides read cards depends on it). */
  private wasListing = false;
  /** Cards built at once so far while the page loads (the scans of one load share BUILT_AT_ONCE). */
  private builtWhileLoading = 0;
  private buildHandle: (() => void) | undefined;
  private changeQueued = false;
  /** Cards seen that could not be read, by the last scan. */
  skipped = 0;

  constructor(private readonly options: AnnotatorOptions) {}

  /**
   * Starts annotating. Started while the page is still being parsed (document_start), it scans
   * once per frame, right before the frame is painted, so no card is ever painted without its
   * controls and nothing jumps; the states of all cards are asked for in one message once the
   * document is parsed. Only then does it start observing mutations: observing the parser would
   * mean one mutation record per node of the page (tens of thousands on a 2,000-card listing).
   */
  start(): void {
    const { document, signal } = this.options;
    if (signal.aborted) return;
    signal.addEventListener('abort', () => this.stop(), { once: true });
    this.loading = document.readyState === 'loading';
    if (this.loading) {
      document.addEventListener('DOMContentLoaded', () => this.finishLoading(), { once: true, signal });
      this.scanEachFrameWhileLoading();
    } else {
      this.observe();
    }
    this.scan();
  }

  /** Removes everything Shelfmark added to the page (notes being typed are sent first). */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.scanFrame !== undefined) cancelAnimationFrame(this.scanFrame);
    this.scanFrame = undefined;
    this.buildHandle?.();
    this.buildHandle = undefined;
    this.unbuilt = [];
    for (const entry of [...this.mounted.values()]) this.unmount(entry);
    this.order = [];
    this.options.document.getElementById(PAGE_STYLE_ID)?.remove();
  }

  /** The site adapter serving the current page, if any. */
  get site(): SiteAdapter | null {
    return this.adapter;
  }

  /** The URL of the page as last scanned. */
  get url(): string {
    return this.href;
  }

  /** True when read papers are hidden on the current site (they are only subdued otherwise). */
  get hideRead(): boolean {
    return this.adapter ? this.settings.hideRead[this.adapter.name] === true : false;
  }

  /**
   * A listing: more than one card. Read papers are hidden on listings only: on a paper's own page
   * (an arXiv abstract, a Hugging Face paper page) the one card is the page.
   */
  get isListing(): boolean {
    return this.mounted.size > 1;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    for (const entry of this.mounted.values()) this.markCard(entry, this.states.get(entry.controls.id));
    this.changed();
  }

  /** States pushed by the background (a change made in another tab, the popup, ...). */
  applyStates(states: Record<PaperId, PaperState>): void {
    for (const [id, state] of Object.entries(states)) {
      // Only papers shown here matter; others are not remembered.
      if (!this.cardsById.has(id)) continue;
      this.setState(id, state);
    }
  }

  /** Cards the user can see and move between, in document order. */
  visibleCards(): MountedCard[] {
    return this.order.filter((entry) => entry.card.isConnected && !entry.card.hasAttribute(CARD_ATTRIBUTES.hidden));
  }

  /** Counts for the page control: cards shown, and how many of them are read. */
  summary(): { cards: number; read: number } {
    let read = 0;
    for (const entry of this.mounted.values()) if (this.states.get(entry.controls.id)?.read) read++;
    return { cards: this.mounted.size, read };
  }

  /** The annotated card whose controls contain `node` (a control root or anything in it), if any. */
  cardOf(node: Node | null): MountedCard | undefined {
    const root = node instanceof Element ? node.closest('shelfmark-controls') : null;
    return root ? this.byRoot.get(root) : undefined;
  }

  /** What the card shows about its paper: its id and visible text at the least. */
  paperOf(entry: MountedCard): PaperRef {
    const id = entry.controls.id;
    const read = this.adapter && this.page ? this.adapter.readCard(entry.card, this.page) : null;
    if (read && read.id === id) return read;
    // The card could not be read in full: its id and visible text still identify the paper.
    return { id, title: cleanText(entry.card.textContent).slice(0, 300) || id };
  }

  stateOf(id: PaperId): PaperState {
    return this.states.get(id) ?? NO_STATE;
  }

  /** Flips one of the card's toggles (keyboard); the click on a button does the same. */
  toggle(entry: MountedCard, kind: ToggleKind): Promise<boolean> {
    return this.act(entry, { kind, value: !toggleValue(this.stateOf(entry.controls.id), kind) });
  }

  /** Saves every note being typed on the page now (the page is being hidden or closed). */
  flushNotes(urgent: boolean): void {
    for (const entry of this.mounted.values()) entry.controls.flushNote(urgent);
  }

  /** A scan right before the next frame is painted: cards the page adds never show without controls. */
  scheduleScan(): void {
    if (this.scanFrame !== undefined) return;
    // Not called in hidden tabs: their scan waits until they are shown, which costs nothing meanwhile.
    this.scanFrame = requestAnimationFrame(() => {
      this.scanFrame = undefined;
      if (!this.options.signal.aborted) this.scan();
    });
  }

  private scanEachFrameWhileLoading(): void {
    this.scanFrame = requestAnimationFrame(() => {
      this.scanFrame = undefined;
      if (!this.loading || this.options.signal.aborted) return;
      this.scan();
      this.scanEachFrameWhileLoading();
    });
  }

  private finishLoading(): void {
    this.loading = false;
    if (this.scanFrame !== undefined) cancelAnimationFrame(this.scanFrame);
    this.scanFrame = undefined;
    // Page data an adapter reads once (Hugging Face's hydration JSON) is complete only now.
    if (this.adapter) this.page = createPageContext(this.options.document, this.href);
    this.scan(false);
    this.observe();
  }

  /** From now on, changes of the page (cards added on scroll, re-rendered) are scanned for. */
  private observe(): void {
    this.observer = new MutationObserver((records) => {
      if (records.some((record) => !isOwnMutation(record))) this.scheduleScan();
    });
    this.observer.observe(this.options.document, { childList: true, subtree: true });
  }

  /**
   * One pass over the page: mounts controls on new cards, then asks for their states in one message.
   * `recheck` also re-reads the cards already annotated, for sites that swap a card's content in
   * place; while the page is being parsed there is no need (the parser only adds), and on a
   * 2,000-card listing skipping it saves re-reading every card on every frame.
   */
  scan(recheck = !this.loading): void {
    const started = performance.now();
    try {
      this.followLocation();
      const adapter = this.adapter;
      if (!adapter || !this.options.document.documentElement) return;
      this.ensurePageStyle();
      const order: MountedCard[] = [];
      let skipped = 0;
      let added = 0;
      for (const card of adapter.findCards(this.options.document, this.page ?? undefined)) {
        const existing = this.mounted.get(card);
        if (existing && !recheck) {
          order.push(existing);
          continue;
        }
        const id = adapter.cardId(card);
        if (existing) {
          // The site may swap a card's content in place, or re-render it without our root.
          if (existing.controls.id === id && card.contains(existing.controls.root)) {
            order.push(existing);
            continue;
          }
          this.unmount(existing);
        }
        if (!id) {
          skipped++;
          continue;
        }
        const entry = this.mount(adapter, card, id);
        order.push(entry);
        added++;
        if (this.builtAtOnce(added)) entry.controls.build();
        else this.unbuilt.push(entry);
        if (!this.states.has(id)) this.unasked.add(id);
      }
      let removed = 0;
      for (const entry of recheck ? [...this.mounted.values()] : []) {
        if (!entry.card.isConnected) {
          this.unmount(entry);
          removed++;
        }
      }
      this.order = order;
      if (this.isListing !== this.wasListing) {
        this.wasListing = this.isListing;
        for (const entry of this.mounted.values()) this.markCard(entry, this.states.get(entry.controls.id));
      }
      if (skipped !== this.skipped && skipped > 0) this.options.log?.(`skipped ${skipped} card(s) that could not be read`);
      this.skipped = skipped;
      if (this.unasked.size && !this.loading) {
        void this.fetchStates([...this.unasked]);
        this.unasked.clear();
      }
      if (this.unbuilt.length) this.buildInIdleTime();
      if (added || removed) {
        this.changed();
        // Visible in the page's performance timeline (DevTools, the benchmark): what a scan costs.
        mark('shelfmark:scan', started, { added, cards: order.length });
      }
    } catch (error) {
      // Never break the host page: a failed scan is logged and the next mutation retries.
      this.options.log?.('scan failed', error);
    }
  }

  /** A control was used: show the change at once, save it, and settle on what the background answers. */
  async act(entry: MountedCard, action: UserAction): Promise<boolean> {
    const id = entry.controls.id;
    const before = this.states.get(id);
    this.setState(id, applyLocally(before ?? NO_STATE, action));
    try {
      const paper = this.paperOf(entry);
      const seen = this.adapter ? { site: this.adapter.name, url: this.href } : undefined;
      const state = await this.options.send({ type: 'act', paper, action, seen });
      this.setState(id, state);
      return true;
    } catch (error) {
      // The shown state goes back; a note's text stays in its editor, unsaved, to be sent again.
      this.setState(id, before ?? NO_STATE);
      const message = error instanceof Error ? error.message : String(error);
      this.options.log?.('could not save', id, action.kind, error);
      for (const card of this.cardsById.get(id) ?? []) card.controls.showError(friendlyError(message));
      return false;
    }
  }

  /** Whether the `added`-th card added by this scan gets its buttons at once. */
  private builtAtOnce(added: number): boolean {
    if (!this.loading) return added <= BUILT_AT_ONCE;
    return this.builtWhileLoading++ < BUILT_AT_ONCE;
  }

  /** Builds the buttons of the cards still without them, a slice at a time, when the page is idle. */
  private buildInIdleTime(): void {
    if (this.buildHandle) return;
    const run = (deadline?: IdleDeadline) => {
      this.buildHandle = undefined;
      if (this.options.signal.aborted) return;
      const started = performance.now();
      const hasTime = () =>
        performance.now() - started < BUILD_SLICE_MS && (!deadline || deadline.didTimeout || deadline.timeRemaining() > 1);
      let built = 0;
      let next = 0;
      for (; next < this.unbuilt.length && hasTime(); next++) {
        const entry = this.unbuilt[next]!;
        // Cards the page removed meanwhile are skipped; cards already built (focus, a note) too.
        if (this.mounted.get(entry.card) !== entry || entry.controls.built) continue;
        entry.controls.build();
        built++;
      }
      this.unbuilt = this.unbuilt.slice(next);
      if (built) mark('shelfmark:build', started, { built });
      if (this.unbuilt.length) this.buildInIdleTime();
    };
    // The timeout keeps building going on a page that is never idle for long.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: 250 });
      this.buildHandle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 1);
      this.buildHandle = () => clearTimeout(handle);
    }
  }

  private followLocation(): void {
    const href = this.options.location();
    if (href === this.href) return;
    this.href = href;
    const adapter = adapterFor(href);
    if (adapter !== this.adapter) {
      for (const entry of [...this.mounted.values()]) this.unmount(entry);
      this.order = [];
      this.adapter = adapter;
      this.changed();
    }
    this.page = adapter ? createPageContext(this.options.document, href) : null;
  }

  private mount(adapter: SiteAdapter, card: Element, id: PaperId): MountedCard {
    const entry: MountedCard = {
      card,
      controls: createControls(this.options.document, id, (action) => this.act(entry, action)),
    };
    adapter.mountControls(card, entry.controls.root);
    this.mounted.set(card, entry);
    this.byRoot.set(entry.controls.root, entry);
    let cards = this.cardsById.get(id);
    if (!cards) this.cardsById.set(id, (cards = new Set()));
    cards.add(entry);
    const state = this.states.get(id);
    if (state) {
      entry.controls.update(state);
      this.markCard(entry, state);
    }
    return entry;
  }

  private unmount(entry: MountedCard): void {
    // A card the site removes while its note is being typed keeps what was typed.
    entry.controls.flushNote();
    entry.controls.root.remove();
    for (const part of cardParts(entry.card)) {
      for (const name of Object.values(CARD_ATTRIBUTES)) part.removeAttribute(name);
    }
    this.mounted.delete(entry.card);
    const cards = this.cardsById.get(entry.controls.id);
    cards?.delete(entry);
    if (cards?.size === 0) {
      this.cardsById.delete(entry.controls.id);
      this.states.delete(entry.controls.id);
      this.unasked.delete(entry.controls.id);
    }
  }

  private async fetchStates(ids: PaperId[]): Promise<void> {
    const asked = performance.now();
    try {
      const states = await this.options.send({ type: 'getStates', ids });
      this.applyStates(states);
      mark('shelfmark:states', asked, { cards: ids.length });
    } catch (error) {
      this.options.log?.('could not load paper states', error);
    }
  }

  private setState(id: PaperId, state: PaperState): void {
    this.states.set(id, state);
    for (const entry of this.cardsById.get(id) ?? []) {
      entry.controls.update(state);
      this.markCard(entry, state);
    }
    this.changed();
  }

  /** Read papers recede: the card element itself is subdued, or hidden if the user asked. */
  private markCard(entry: MountedCard, state: PaperState | undefined): void {
    const read = state?.read === true;
    for (const part of cardParts(entry.card)) {
      part.toggleAttribute(CARD_ATTRIBUTES.read, read);
      part.toggleAttribute(CARD_ATTRIBUTES.hidden, read && this.hideRead && this.isListing);
    }
  }

  private changed(): void {
    if (this.changeQueued || !this.options.onChange) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      if (!this.options.signal.aborted) this.options.onChange?.();
    });
  }

  private ensurePageStyle(): void {
    const { document } = this.options;
    if (document.getElementById(PAGE_STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = PAGE_STYLE_ID;
    style.textContent = PAGE_CSS;
    (document.head ?? document.documentElement).append(style);
  }
}

/**
 * The elements that show one card: the card itself, and for a <dt> (an entry of a description
 * list, as arXiv lists papers) the <dd> elements that follow it and describe the same entry.
 * What is done to a card (subdued, hidden, outlined) is done to all of them.
 */
export function cardParts(card: Element): Element[] {
  const parts = [card];
  if (card.localName !== 'dt') return parts;
  for (let next = card.nextElementSibling; next?.localName === 'dd'; next = next.nextElementSibling) parts.push(next);
  return parts;
}

/** Puts a span of Shelfmark's work in the page's performance timeline. */
function mark(name: string, start: number, detail: Record<string, number>): void {
  try {
    performance.measure(name, { start, detail });
  } catch {
    // Older engines without User Timing Level 3: the figure is only a convenience.
  }
}

/** Our own insertions and removals need no new scan. */
function isOwnMutation(record: MutationRecord): boolean {
  return [...record.addedNodes, ...record.removedNodes].every(
    (node) =>
      node instanceof Element &&
      (node.localName === 'shelfmark-controls' || node.localName === 'shelfmark-dock' || node.id === PAGE_STYLE_ID),
  );
}

/** The state a page shows as soon as the user acts, before the background answers. */
export function applyLocally(state: PaperState, action: UserAction): PaperState {
  switch (action.kind) {
    case 'star':
      return { ...state, starred: action.value };
    case 'read':
      // As the library does: a paper marked read leaves the reading queue.
      return { ...state, read: action.value, queued: action.value ? false : state.queued };
    case 'queue':
      return { ...state, queued: action.value };
    case 'note':
      return { ...state, note: action.text };
  }
}

function friendlyError(message: string): string {
  if (/context invalidated|receiving end does not exist/i.test(message)) return t('cardUpdatedReload');
  return message.length > 120 ? `${message.slice(0, 117)}…` : message;
}
