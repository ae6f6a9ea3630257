import type { PaperState, UserAction } from '../store/library';
import type { ExtrasSource } from './extras';
import { RequestError, type ResponseData } from '../messaging';
import type { Request } from '../messages';
import type { PaperId, PaperRef } from '../paper';
import { cleanText } from '../paper';
import type { Settings } from '../settings';
import { findAdapter } from '../sites/match';
import { createPageContext, type PageContext, type SiteCards } from '../sites/types';
import { createControlRoot, createControls, toggleValue, type CardControls, type ToggleKind } from './controls';
import { CARD_ATTRIBUTE, PageStyle, type InsertStyle, type ReadCard } from './page-style';
import { NO_STATE, PaperStates, settles } from './paper-states';
import { StateRequests } from './state-requests';
import { t } from '../i18n';

/**
 * Annotates the paper cards of one page. Every card found gets one attribute at once,
 * `data-shelfmark-card="<id>"` (the page contract); its controls are mounted only when it comes near
 * the viewport (or the keyboard reaches it), so a 2,000-card listing costs what its first screens
 * cost. It keeps every card of the same paper in the same state, asks the background for the
 * states of the cards shown (near the viewport first, in chunks), shows read papers dimmed or
 * hidden (page-style.ts), and follows the page as it changes (cards added on scroll, in-page
 * navigation of single-page apps).
 */

export type Send = <R extends Request>(request: R) => Promise<ResponseData[R['type']]>;

export interface AnnotatorOptions {
  document: Document;
  /** The sites this content script reads (a site's content script bundles its own adapter only). */
  adapters: readonly SiteCards[];
  /** The page's current URL (read on every scan: single-page apps change it without reloading). */
  location: () => string;
  send: Send;
  /** Aborted when the content script is invalidated (extension reloaded or removed). */
  signal: AbortSignal;
  log?: (message: string, ...details: unknown[]) => void;
  /** Called (at most once per task) after cards were added or removed or their states changed. */
  onChange?: () => void;
  /** Puts the read papers' styles in the page (see page-style.ts); without it, read papers look like the others. */
  insertStyle?: InsertStyle;
  /**
   * The content script's extras (lib/content/extras.ts): the note and tag editors, and the cards'
   * reader where the adapters carry none (a content script's).
   */
  extras: ExtrasSource;
}

/** One card of the page: the site's element, its paper, its control root, and its controls once built in it. */
export interface PageCard {
  readonly card: Element;
  readonly id: PaperId;
  /** Its control root, once placed (place): at once, or with its controls (placesLater). */
  root: HTMLElement | null;
  controls: CardControls | null;
}

/** The keyboard cursor's outline, on the elements of the current card (not library state). */
export const CURRENT_ATTRIBUTE = 'data-shelfmark-current';

/** Cards mounted at once per scan: more than a screen holds (a card is at least this tall, in CSS pixels). */
const SMALLEST_CARD_PX = 60;
/** How far beyond the viewport controls are mounted ahead of scrolling: a screen above and below. */
const NEAR_MARGIN = '100% 0px';
/** The longest Shelfmark holds the page when it reads a long listing, in milliseconds: then it lets the page go on. */
const SLICE_MS = 8;
/**
 * Cards watched together: one card in this many is observed, and its coming near builds the controls
 * of its group and of the group before (a 50,000-card page has 12,500 observed cards, not 50,000).
 */
const GROUP = 4;

/** What one pass over the page found. */
interface Pass {
  /** Cards still to be mounted at once. */
  atOnce: number;
  /** Cards new in this pass, in document order: their roots go in together, at the end of the pass. */
  fresh: PageCard[];
  changed: boolean;
  skipped: number;
}

export class Annotator {
  private adapter: SiteCards | null = null;
  private page: PageContext | null = null;
  private href = '';
  private readonly cards = new Map<Element, PageCard>();
  private readonly byRoot = new WeakMap<Element, PageCard>();
  private readonly byId = new Map<PaperId, Set<PageCard>>();
  /** The other ids of papers shown (a DOI beside an arXiv id): the library may know them by one. */
  private readonly aliasesOf = new Map<PaperId, PaperId[]>();
  /** The papers shown under each of those other ids (states pushed under an alias reach them). */
  private readonly papersByAlias = new Map<PaperId, Set<PaperId>>();
  private readonly states = new PaperStates();
  private readonly requests: StateRequests;
  private readonly style: PageStyle | null;
  /** Observed cards, each with the cards whose controls are built when it comes near. */
  private readonly groups = new WeakMap<Element, PageCard[]>();
  /** Ids shown read, on this page. */
  private readonly readIds = new Set<PaperId>();
  /** A failed action per paper, shown as "Not saved" until its state is confirmed. */
  private readonly failed = new Map<PaperId, { action: UserAction; message: string }>();
  /** Actions on one paper are sent one after another, in the user's order. */
  private readonly chains = new Map<PaperId, Promise<unknown>>();
  /** Cards in document order, as of the last scan. */
  private order: PageCard[] = [];
  private settings: Settings = { hideRead: {}, dimRead: true };
  private observer: MutationObserver | null = null;
  private near: IntersectionObserver | null = null;
  private scanFrame: number | undefined;
  /** The document is still being parsed: the first screen's cards get their controls as they arrive. */
  private loading = false;
  /** While loading: cards still to be mounted at once (then the rest wait for the parser to finish). */
  private eagerLeft = 0;
  private wasListing = false;
  private changeQueued = false;
  /** The viewport's height as last read (0: to be read again). */
  private viewportHeight = 0;
  private stylesChanged = false;
  /** Cards seen that could not be read, by the last scan. */
  skipped = 0;

  constructor(private readonly options: AnnotatorOptions) {
    this.requests = new StateRequests({
      fetch: (ids) => options.send({ type: 'getStates', ids, ...this.aliasesFor(ids) }),
      apply: (states) => this.applyStates(states),
      signal: options.signal,
      log: options.log,
    });
    this.style = options.insertStyle ? new PageStyle(options.insertStyle, options.signal) : null;
  }

  /**
   * Starts annotating. Started while the page is still being parsed (document_start), it scans
   * once per frame, right before the frame is painted, until the first screen's cards have their
   * controls; the other cards are found once the document is parsed. Only then does it observe
   * mutations: observing the parser would mean one record per node of the page.
   */
  start(): void {
    const { document, signal } = this.options;
    if (signal.aborted) return;
    signal.addEventListener('abort', () => this.stop(), { once: true });
    document.defaultView?.addEventListener('resize', () => (this.viewportHeight = 0), { passive: true, signal });
    this.loading = document.readyState === 'loading';
    // The adapter first: on a paper's own page, the first screen is its one card.
    this.followLocation();
    this.eagerLeft = this.eagerCount();
    if (typeof IntersectionObserver === 'function') {
      this.near = new IntersectionObserver((records) => this.cameNear(records), { rootMargin: NEAR_MARGIN });
    }
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
    this.near?.disconnect();
    if (this.scanFrame !== undefined) cancelAnimationFrame(this.scanFrame);
    this.scanFrame = undefined;
    for (const entry of [...this.cards.values()]) this.drop(entry);
    this.order = [];
  }

  /** The site adapter serving the current page, if any. */
  get site(): SiteCards | null {
    return this.adapter;
  }

  /** The URL of the page as last scanned. */
  get url(): string {
    return this.href;
  }

  /** True when read papers are hidden on the current site (they are only dimmed otherwise). */
  get hideRead(): boolean {
    return this.adapter ? this.settings.hideRead[this.adapter.name] === true : false;
  }

  /**
   * A listing: more than one card, on a page that lists papers. Read papers are hidden on listings
   * only: on a paper's own page (an arXiv abstract, a Hugging Face paper page) the one card is the
   * page, and a page that links papers (SiteCards.linksPapers) would lose its own text.
   */
  get isListing(): boolean {
    return this.cards.size > 1 && this.adapter?.linksPapers !== true;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    this.changed();
  }

  /** States from the background (answers, and changes made in another tab, the popup, ...). */
  applyStates(states: Record<PaperId, PaperState>): void {
    for (const [id, state] of Object.entries(states)) {
      // Only papers shown here matter, under their own id or one of their aliases; others are not remembered.
      if (this.byId.has(id)) {
        if (this.states.confirm(id, state)) this.refresh(id);
        continue;
      }
      for (const paper of this.papersByAlias.get(id) ?? []) if (this.states.confirm(paper, state)) this.refresh(paper);
    }
  }

  /** Cards the user can see and move between, in document order (mounted or not). */
  visibleCards(): PageCard[] {
    return this.order.filter((entry) => entry.card.isConnected && !this.isHidden(entry));
  }

  isHidden(entry: PageCard): boolean {
    return this.hideRead && this.isListing && this.readIds.has(entry.id);
  }

  /** Counts for the page control: cards shown, and how many of them are read. */
  summary(): { cards: number; read: number } {
    let read = 0;
    for (const id of this.readIds) read += this.byId.get(id)?.size ?? 0;
    return { cards: this.cards.size, read };
  }

  /** The card whose controls contain `node` (a control root or anything in it), if any. */
  cardOf(node: Node | null): PageCard | undefined {
    const root = node instanceof Element ? node.closest('shelfmark-controls') : null;
    return root ? this.byRoot.get(root) : undefined;
  }

  /** The card's controls, mounted now if they were not (the keyboard reached it). */
  controlsOf(entry: PageCard): CardControls {
    return entry.controls ?? this.mount(entry);
  }

  /** What the card shows about its paper: its id and visible text at the least. */
  async paperOf(entry: PageCard): Promise<PaperRef> {
    const now = this.paperOfNow(entry);
    if (now) return now;
    try {
      await this.options.extras.load();
    } catch (error) {
      this.options.log?.('could not load the card reader', error);
    }
    return this.paperOfNow(entry) ?? this.cardText(entry);
  }

  /** The same, at once; null while the site's reader is not loaded yet (lib/content/extras.ts). */
  paperOfNow(entry: PageCard): PaperRef | null {
    const { adapter, page } = this;
    if (!adapter || !page) return this.cardText(entry);
    let read: PaperRef | null;
    // A whole adapter (the unit tests') reads its cards itself; a content script's, through the extras.
    if (adapter.readCard) read = adapter.readCard(entry.card, page);
    else {
      const extras = this.options.extras.loaded();
      if (!extras) return null;
      read = extras.readCard(adapter.name, entry.card, page);
    }
    return read && read.id === entry.id ? read : this.cardText(entry);
  }

  /** A card that could not be read in full: its id and visible text still identify the paper. */
  private cardText(entry: PageCard): PaperRef {
    return { id: entry.id, title: cleanText(entry.card.textContent).slice(0, 300) || entry.id };
  }

  stateOf(id: PaperId): PaperState {
    return this.states.shown(id) ?? NO_STATE;
  }

  /** Flips one of the card's toggles (keyboard) from what it shows; `at` is when the user pressed the key. */
  toggle(entry: PageCard, kind: ToggleKind, at = Date.now()): Promise<boolean> {
    return this.act(entry, { kind, value: !toggleValue(this.stateOf(entry.id), kind), at });
  }

  /** Saves every note being typed on the page now (the page is being hidden or closed). */
  flushNotes(urgent: boolean): void {
    for (const entry of this.cards.values()) entry.controls?.flushNote(urgent);
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
      // Once the first screen's cards have their controls, the rest can wait for the end of parsing.
      if (this.eagerLeft > 0 || !this.adapter) this.scanEachFrameWhileLoading();
    });
  }

  /**
   * The document is parsed: the cards the first screens did not hold are found now, in slices (a
   * 10,000-entry listing never holds the page for long), then changes are observed.
   */
  private async finishLoading(): Promise<void> {
    this.loading = false;
    if (this.scanFrame !== undefined) cancelAnimationFrame(this.scanFrame);
    this.scanFrame = undefined;
    // Page data an adapter reads once (Hugging Face's hydration JSON) is complete only now.
    if (this.adapter) this.page = createPageContext(this.options.document, this.href);
    try {
      this.followLocation();
      const adapter = this.adapter;
      if (adapter) {
        // Read in slices (reading does not change the layout); the roots all go in at once at the
        // end, one layout of the page rather than one per slice.
        let pass: Pass = { atOnce: this.eagerLeft, fresh: [], changed: false, skipped: 0 };
        const order: PageCard[] = [];
        // The cards read so far are the ones j/k move between, in order, while the others are read.
        this.order = order;
        let started = performance.now();
        for (const card of adapter.findCards(this.options.document, this.page ?? undefined)) {
          // The page may be painted while Shelfmark yields: when it was parsed before any frame
          // (a fast network), the first screen's cards are read and get their controls before that.
          if (performance.now() - started > SLICE_MS && pass.fresh.length >= pass.atOnce) {
            if (pass.atOnce > 0) {
              this.finishPass(pass);
              pass = { atOnce: 0, fresh: [], changed: false, skipped: pass.skipped };
            }
            await yieldToPage();
            if (this.options.signal.aborted || adapter !== this.adapter) return;
            started = performance.now();
          }
          const entry = this.visit(adapter, card, false, pass);
          if (entry) order.push(entry);
        }
        this.finishPass(pass);
      }
    } catch (error) {
      this.options.log?.('scan failed', error);
    }
    this.observe();
  }

  /** From now on, changes of the page (cards added on scroll, re-rendered) are scanned for. */
  private observe(): void {
    this.observer = new MutationObserver((records) => {
      if (records.some((record) => !isOwnMutation(record))) this.scheduleScan();
    });
    this.observer.observe(this.options.document, { childList: true, subtree: true });
  }

  /** Cards a screen can hold, at most: those a scan mounts at once (one on a paper's own page). */
  private eagerCount(): number {
    if (this.page && this.adapter?.paperPage?.(this.page.url)) return 1;
    // innerHeight forces a layout of a changed page: read once, and again only after a resize.
    this.viewportHeight ||= this.options.document.defaultView?.innerHeight || 1_000;
    return Math.ceil(this.viewportHeight / SMALLEST_CARD_PX);
  }

  /**
   * One pass over the page: marks new cards, mounts the controls of the first ones at once (those a
   * screen can hold: before this frame is painted) and leaves the others to come near the viewport.
   * `recheck` also re-reads the cards already known, for sites that swap a card's content in place;
   * while the page is being parsed there is no need (the parser only adds).
   */
  scan(recheck = !this.loading): void {
    try {
      this.followLocation();
      const adapter = this.adapter;
      if (!adapter || !this.options.document.documentElement) return;
      const pass: Pass = { atOnce: this.loading ? this.eagerLeft : this.eagerCount(), fresh: [], changed: false, skipped: 0 };
      const order: PageCard[] = [];
      for (const card of adapter.findCards(this.options.document, this.page ?? undefined)) {
        const entry = this.visit(adapter, card, recheck, pass);
        if (entry) order.push(entry);
      }
      if (recheck) {
        for (const entry of [...this.cards.values()]) {
          if (!entry.card.isConnected) {
            this.drop(entry);
            pass.changed = true;
          }
        }
      }
      this.order = order;
      this.finishPass(pass);
    } catch (error) {
      // Never break the host page: a failed scan is logged and the next mutation retries.
      this.options.log?.('scan failed', error);
    }
  }

  /** One card the adapter found: its entry, known, changed, or new (marked, its root to place); null when it cannot be read. */
  private visit(adapter: SiteCards, card: Element, recheck: boolean, pass: Pass): PageCard | null {
    let entry = this.cards.get(card);
    if (entry && recheck) {
      if (adapter.cardId(card) !== entry.id) {
        // The site swapped the card's content in place: it is another paper now.
        this.drop(entry);
        entry = undefined;
      } else if (entry.root && !card.contains(entry.root)) {
        // Re-rendered without our root: it gets a new one (with its controls, if it had them).
        const wasMounted = entry.controls !== null;
        this.unmount(entry);
        // A closed shadow root stays with its host: the card gets a new root.
        entry.root = null;
        if (wasMounted) this.mount(entry);
        else {
          this.place(entry);
          if (!this.groups.has(card)) this.watch([entry]);
        }
      }
    }
    if (entry) return entry;
    const id = adapter.cardId(card);
    if (!id) {
      pass.skipped++;
      return null;
    }
    entry = this.add(card, id);
    pass.fresh.push(entry);
    pass.changed = true;
    return entry;
  }

  /**
   * The end of a pass: the new cards' roots go in, all in one go (but those placed in a line of
   * text, which move nothing: see placesLater); those a screen holds get their controls at once,
   * the others when they come near the viewport.
   */
  private finishPass(pass: Pass): void {
    for (const entry of pass.fresh) if (!this.placesLater(entry)) this.place(entry);
    const atOnce = pass.fresh.slice(0, pass.atOnce);
    for (const entry of atOnce) this.mount(entry);
    this.watch(pass.fresh.slice(atOnce.length));
    if (this.loading) this.eagerLeft = pass.atOnce - atOnce.length;
    if (pass.skipped !== this.skipped && pass.skipped > 0) this.options.log?.(`skipped ${pass.skipped} card(s) that could not be read`);
    this.skipped = pass.skipped;
    if (pass.changed) this.changed();
  }

  /**
   * The user acted on a card: shown at once, then saved. Actions on one paper go one after another,
   * in order; each carries the value meant and its time, so retries and late answers are harmless.
   * Resolves true once saved; false when it was not (the card says so, until its state arrives).
   */
  act(entry: PageCard, action: UserAction): Promise<boolean> {
    const id = entry.id;
    this.states.begin(id, action);
    this.failed.delete(id);
    this.refresh(id);
    const saved = (this.chains.get(id) ?? Promise.resolve()).then(() => this.save(entry, action));
    const chain = saved.finally(() => {
      if (this.chains.get(id) === chain) this.chains.delete(id);
    });
    this.chains.set(id, chain);
    return saved;
  }

  private async save(entry: PageCard, action: UserAction): Promise<boolean> {
    const id = entry.id;
    let failure: unknown;
    try {
      // A note never waits for the reader: it may be sent as the page closes.
      const paper = action.kind === 'note' ? (this.paperOfNow(entry) ?? this.cardText(entry)) : await this.paperOf(entry);
      const seen = this.adapter ? { site: this.adapter.name, url: this.href } : undefined;
      const state = await this.options.send({ type: 'act', paper, action, seen });
      this.states.confirm(id, state);
    } catch (error) {
      failure = error;
      // The service worker may have stopped after writing: what the database holds tells.
      if (error instanceof RequestError && error.code === 'transport') {
        try {
          const states = await this.options.send({ type: 'getStates', ids: [id] });
          if (states[id]) this.states.confirm(id, states[id]);
          if (states[id] && settles(states[id], action)) failure = undefined;
        } catch {
          // Still unknown: reported as not saved; the next state to arrive corrects it if it was.
        }
      }
    }
    this.states.settle(id, action);
    if (failure !== undefined) {
      this.options.log?.('could not save', id, action.kind, failure);
      const why = failure instanceof RequestError ? failure.message : t('errorAdviceFailed');
      // The background's words say "Not saved: …" already; the sender's own say what happened.
      const notSaved = t('errorNotSaved');
      this.failed.set(id, { action, message: why.startsWith(notSaved) ? why : t('errorWithAdvice', notSaved, why) });
    }
    this.refresh(id);
    return failure === undefined;
  }

  /** Marks a new card (its id on its elements) and remembers it; its root is placed at the end of the pass, or with its controls (placesLater). */
  private add(card: Element, id: PaperId): PageCard {
    const entry: PageCard = { card, id, root: null, controls: null };
    card.setAttribute(CARD_ATTRIBUTE, id);
    // Its root goes in with the pass's others (finishPass): one change of the page's layout per pass.
    this.cards.set(card, entry);
    let cards = this.byId.get(id);
    if (!cards) this.byId.set(id, (cards = new Set()));
    cards.add(entry);
    if (!this.aliasesOf.has(id)) {
      const aliases = this.adapter?.cardAliases?.(card);
      if (aliases?.length) {
        this.aliasesOf.set(id, aliases);
        for (const alias of aliases) this.papersByAlias.set(alias, (this.papersByAlias.get(alias) ?? new Set()).add(id));
      }
    }
    return entry;
  }

  /** The aliases of these papers, for a state request: the library may know a paper by one of them. */
  private aliasesFor(ids: readonly PaperId[]): { aliases?: Record<PaperId, PaperId[]> } {
    const known = ids.flatMap((id) => (this.aliasesOf.has(id) ? [[id, this.aliasesOf.get(id)!] as const] : []));
    return known.length > 0 ? { aliases: Object.fromEntries(known) } : {};
  }

  /**
   * The card's root goes in when its controls are built, not before: it ends a line of the card's
   * text, where it moves nothing. 2,000 empty roots put into a laid-out listing cost its main
   * thread about 120 ms of style, layout (every id line shaped again) and paint (BENCHMARKS.md).
   */
  private placesLater(entry: PageCard): boolean {
    return this.adapter?.controlsInLine?.(entry.card) === true;
  }

  /** Puts the card's (empty) control root where the site's layout wants it. */
  private place(entry: PageCard): HTMLElement {
    const root = (entry.root ??= createControlRoot(this.options.document, entry.id));
    this.adapter?.mountControls(entry.card, root);
    this.byRoot.set(root, entry);
    return root;
  }

  /** Builds the cards' controls when they come near the viewport (`entries` in document order). */
  private watch(entries: PageCard[]): void {
    for (const entry of entries) this.requests.ask(entry.id, false);
    const near = this.near;
    if (!near) {
      for (const entry of entries) this.mount(entry); // no IntersectionObserver: everything at once
      return;
    }
    // Every GROUP-th card watches for its neighbours on both sides, and so does the last one: a card
    // after the last of those would otherwise be up to GROUP - 1 cards from it, out of the margin
    // when cards are tall (a dblp entry with its menus unstyled) and the page jumps to it.
    const sentinels = new Set<number>();
    for (let i = 0; i < entries.length; i += GROUP) sentinels.add(i);
    if (entries.length > 0) sentinels.add(entries.length - 1);
    for (const i of sentinels) {
      // The card itself: its root may not be in the page yet (placesLater).
      const sentinel = entries[i]!.card;
      this.groups.set(sentinel, entries.slice(Math.max(0, i - GROUP), i + GROUP));
      near.observe(sentinel);
    }
  }

  private cameNear(records: IntersectionObserverEntry[]): void {
    for (const record of records) {
      if (!record.isIntersecting) continue;
      this.near?.unobserve(record.target);
      for (const entry of this.groups.get(record.target) ?? []) {
        if (!entry.controls && entry.card.isConnected && this.cards.get(entry.card) === entry) this.mount(entry);
      }
      this.groups.delete(record.target);
    }
  }

  private mount(entry: PageCard): CardControls {
    const root = entry.root?.isConnected ? entry.root : this.place(entry);
    const controls = createControls(root, (action) => this.act(entry, action), this.options.extras, this.states.shown(entry.id), () => this.options.send({ type: 'tagNames' }));
    entry.controls = controls;
    const failed = this.failed.get(entry.id);
    if (failed) controls.showError(failed.message);
    this.requests.ask(entry.id, true);
    return controls;
  }

  /** Takes the card's control root out of the page (a note being typed is sent first). */
  private unmount(entry: PageCard): void {
    // A card the site removes while its note is being typed keeps what was typed.
    entry.controls?.flushNote();
    entry.root?.remove();
    entry.controls = null;
  }

  /** Forgets a card that left the page (or changed paper), and everything Shelfmark put on it. */
  private drop(entry: PageCard): void {
    this.near?.unobserve(entry.card);
    this.groups.delete(entry.card);
    this.unmount(entry);
    entry.card.removeAttribute(CARD_ATTRIBUTE);
    for (const part of cardParts(entry.card)) part.removeAttribute(CURRENT_ATTRIBUTE);
    this.cards.delete(entry.card);
    const cards = this.byId.get(entry.id);
    cards?.delete(entry);
    if (cards?.size === 0) {
      this.byId.delete(entry.id);
      for (const alias of this.aliasesOf.get(entry.id) ?? []) {
        const papers = this.papersByAlias.get(alias);
        papers?.delete(entry.id);
        if (papers?.size === 0) this.papersByAlias.delete(alias);
      }
      this.aliasesOf.delete(entry.id);
      this.states.forget(entry.id);
      this.requests.forget(entry.id);
      this.readIds.delete(entry.id);
      this.failed.delete(entry.id);
    }
    this.changed();
  }

  /** Shows the paper's current state on its mounted cards. */
  private refresh(id: PaperId): void {
    const state = this.states.shown(id) ?? NO_STATE;
    const failed = this.failed.get(id);
    // A card that said "Not saved" is corrected once the state shows what was meant (it was saved after all, or overtaken).
    if (failed && settles(state, failed.action)) this.failed.delete(id);
    for (const entry of this.byId.get(id) ?? []) {
      if (!entry.controls) continue;
      entry.controls.update(state);
      if (this.failed.has(id)) entry.controls.showError(this.failed.get(id)!.message);
      else entry.controls.clearError();
    }
    const wasRead = this.readIds.has(id);
    if (state.read) this.readIds.add(id);
    else this.readIds.delete(id);
    this.changed(wasRead !== state.read);
  }

  /**
   * After cards, states or settings changed: once per task, the read papers' styles (when what they
   * depend on changed: `styles`), then the page control.
   */
  private changed(styles = true): void {
    this.stylesChanged ||= styles;
    if (this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      if (this.options.signal.aborted) return;
      if (this.stylesChanged || this.isListing !== this.wasListing) {
        this.stylesChanged = false;
        this.wasListing = this.isListing;
        const hiding = this.hideRead && this.isListing;
        // Where a page links papers, its read papers look like the others: the cards are its own text.
        const read = this.adapter?.linksPapers ? [] : [...this.readIds].map((id) => this.readCard(id));
        this.style?.show(!hiding && this.settings.dimRead ? read : [], hiding ? read : []);
      }
      this.options.onChange?.();
    });
  }

  /** A read paper as its styles need it: its id, how many elements after its card belong to it (arXiv's <dd>), whether a card of it is alone in its parent. */
  private readCard(id: PaperId): ReadCard {
    let following = 0;
    let alone = false;
    for (const entry of this.byId.get(id) ?? []) {
      following = Math.max(following, cardParts(entry.card).length - 1);
      alone ||= entry.card.parentElement?.childElementCount === 1;
    }
    return { id, following, alone };
  }

  private followLocation(): void {
    const href = this.options.location();
    if (href === this.href) return;
    this.href = href;
    const adapter = findAdapter(this.options.adapters, href);
    if (adapter !== this.adapter) {
      for (const entry of [...this.cards.values()]) this.drop(entry);
      this.order = [];
      this.adapter = adapter;
      this.changed();
    }
    this.page = adapter ? createPageContext(this.options.document, href) : null;
  }
}

/**
 * The elements that show one card: the card itself, and for a <dt> (an entry of a description
 * list, as arXiv lists papers) the <dd> elements that follow it and describe the same entry.
 * What is done to a card (dimmed, hidden, outlined) is done to all of them.
 */
export function cardParts(card: Element): Element[] {
  const parts = [card];
  if (card.localName !== 'dt') return parts;
  for (let next = card.nextElementSibling; next?.localName === 'dd'; next = next.nextElementSibling) parts.push(next);
  return parts;
}

/** Our own insertions and removals need no new scan. */
function isOwnMutation(record: MutationRecord): boolean {
  return [...record.addedNodes, ...record.removedNodes].every(
    (node) => node instanceof Element && (node.localName === 'shelfmark-controls' || node.localName === 'shelfmark-dock'),
  );
}

/** Lets the page run (input, rendering) before going on; not a timer, which background tabs slow down. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
