import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isStatesMessage, RequestError, sendMessage } from '../messaging';
import type { Request } from '../messages';
import type { SiteCards } from '../sites/types';
import { defaultSettings, loadSettings, setHideRead, watchSettings, type Settings } from '../settings';
import { Annotator, type Send } from './annotator';
import './css/page.css';
import { createDock, type Dock } from './dock';
import { loadedExtras, loadExtras, type ContentExtras } from './extras';
import { commandFor } from './keyboard';
import { withRetries } from './retry';
import { contentScriptRunning, setContentScriptRunning } from './running';
import { shieldFromPageEvents } from './shield';
import type { Triage, TriageOptions } from './triage';
import { actionTime, isUserEvent } from './trust';
import { t } from '../i18n';

export interface StartOptions {
  /**
   * The site is a single-page app (lib/sites/pages.ts, `spa`; any site, for the generic script): its
   * address can change without a load, and without a change of the page Shelfmark would see. Only
   * there is the address followed (the Navigation API's events, or polling where it is missing).
   */
  navigatesInPage?: boolean;
}

/**
 * Starts Shelfmark on a page, reading it with `adapters`; everything it sets up ends with `ctx`
 * (extension reloaded or removed). Returns null when it already runs in this frame (declared for
 * the page, and injected by the router's request as a single-page app reached it).
 */
export function startContentScript(
  ctx: ContentScriptContext,
  adapters: readonly SiteCards[],
  { navigatesInPage = false }: StartOptions = {},
): Annotator | null {
  if (contentScriptRunning()) return null;
  setContentScriptRunning(true);
  ctx.onInvalidated(() => setContentScriptRunning(false));
  shieldFromPageEvents(ctx);

  const log = (message: string, ...details: unknown[]) => console.debug(`[Shelfmark] ${message}`, ...details);
  let settings: Settings = defaultSettings();
  let dock: Dock | null = null;

  /** Every message to the background: never after an update (the old script keeps running until reload), retried when it did not get through. */
  const deliver = withRetries((message: unknown): Promise<unknown> => {
    if (!ctx.isValid) return Promise.reject(new RequestError(t('cardUpdatedReload'), 'invalidated'));
    return sendMessage(message);
  });
  const send = (async (request: Request) => {
    const answer = await deliver(request);
    // States are shown once the settings are known too, so read papers hidden on this site never flash into view.
    if (request.type === 'getStates') await settingsLoaded;
    return answer;
  }) as Send;

  /** The parts a page needs once the user acts (extras.ts): loaded on first use, or as the pointer comes to a card's controls. */
  const extras = { loaded: loadedExtras, load: () => loadExtras(deliver) };

  const annotator = new Annotator({
    document,
    adapters,
    location: () => location.href,
    send,
    insertStyle: async (css, remove) => {
      await deliver({ type: 'pageStyle', insert: css, remove });
    },
    signal: ctx.signal,
    log,
    onChange: () => refreshDock(),
    extras,
  });

  /** Hides or shows read papers on this site: at once here, and in every tab through storage. */
  const changeHideRead = (hide: boolean) => {
    const site = annotator.site;
    if (!site) return;
    applySettings({ ...settings, hideRead: { ...settings.hideRead, [site.name]: hide } });
    setHideRead(site.name, hide).catch((error: unknown) => log('could not save the setting', error));
  };
  const applySettings = (next: Settings) => {
    settings = next;
    annotator.setSettings(next);
  };

  const triageOptions: TriageOptions = {
    open: (url, newTab) => {
      if (newTab) window.open(url, '_blank', 'noopener');
      else location.assign(url);
    },
    toggleHelp: () => dock?.toggleHelp(),
    toggleHideRead: () => changeHideRead(!annotator.hideRead),
  };
  /** The keyboard's cursor (triage.ts), from the extras: made the first time a key or focus needs it. */
  let triage: Triage | null = null;
  const triageOf = (loaded: ContentExtras) => (triage ??= new loaded.Triage(annotator, triageOptions));
  /** Keys and focus that came before the extras had loaded: handled in order once they have. */
  let early: ((triage: Triage) => unknown)[] = [];
  /**
   * Runs `use` with the cursor: now (returning what it returns) when the extras are loaded and
   * nothing waits before it, else after what does (undefined).
   */
  const withTriage = <T>(use: (triage: Triage) => T): T | undefined => {
    const loaded = early.length ? null : loadedExtras();
    if (loaded) return use(triageOf(loaded));
    early.push(use);
    if (early.length > 1) return undefined;
    extras.load().then(
      (now) => {
        if (!ctx.isValid) return;
        for (const queued of early.splice(0)) queued(triageOf(now));
      },
      () => (early = []),
    );
    return undefined;
  };

  /** The page control shows on listings, and follows their counts and the setting. */
  function refreshDock(): void {
    const site = annotator.site;
    const { read } = annotator.summary();
    if (!site || !annotator.isListing) {
      dock?.element.remove();
      return;
    }
    if (!document.body) {
      // Still parsing the head: the dock goes in once there is a body.
      document.addEventListener('DOMContentLoaded', refreshDock, { once: true, signal: ctx.signal });
      return;
    }
    dock ??= createDock(document, { onHideRead: changeHideRead, extras });
    if (!dock.element.isConnected) document.body.append(dock.element);
    dock.update({ siteLabel: site.label, hideRead: annotator.hideRead, readCount: read });
  }

  const onMessage = (message: unknown) => {
    if (isStatesMessage(message)) annotator.applyStates(message.states);
  };
  browser.runtime.onMessage.addListener(onMessage);
  watchSettings(applySettings, ctx.signal);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    triage?.clear();
    dock?.element.remove();
  });

  // Single-page navigation (Hugging Face): the mutation observer sees new cards, this sees a new URL.
  if (navigatesInPage) ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scheduleScan());
  // Keys act only when the user pressed them: a page's forged key press does nothing.
  ctx.addEventListener(document, 'keydown', (event) => {
    if (!isUserEvent(event) || !annotator.site) return;
    const command = commandFor(event);
    if (!command || (dock?.helpOpen && command !== 'help')) return;
    const at = actionTime();
    const handled = withTriage((cursor) => cursor.run(command, at));
    // Undefined: a key before the extras have loaded, run once they have. It is Shelfmark's while there are cards to act on.
    if (handled ?? annotator.visibleCards().length > 0) event.preventDefault();
  });
  // Using a card's controls makes it the current card.
  ctx.addEventListener(document, 'focusin', (event) => {
    if (annotator.cardOf(event.target as Node | null)) withTriage((cursor) => cursor.followFocus(event));
  });
  ctx.addEventListener(
    document,
    'pointerover',
    (event) => {
      if (!loadedExtras() && annotator.cardOf(event.target as Node | null)) extras.load().catch((error: unknown) => log('could not load the extras', error));
    },
    { passive: true },
  );
  // Nothing typed is lost: notes are sent at once when the page is hidden (tab switched, window
  // minimised) or goes away (tab closed, navigation); a message sent in pagehide still arrives.
  ctx.addEventListener(document, 'visibilitychange', (event) => {
    if (isUserEvent(event) && document.visibilityState === 'hidden') annotator.flushNotes(true);
  });
  ctx.addEventListener(window, 'pagehide', (event) => isUserEvent(event) && annotator.flushNotes(true));

  const settingsLoaded = loadSettings()
    .catch((error: unknown) => {
      log('could not read settings', error);
      return defaultSettings();
    })
    .then((loaded) => {
      if (ctx.isValid) applySettings(loaded);
    });
  annotator.start();
  return annotator;
}
