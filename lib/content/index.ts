import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isStatesMessage, sendRequest } from '../messaging';
import { defaultSettings, loadSettings, setHideRead, watchSettings, type Settings } from '../settings';
import { Annotator } from './annotator';
import { createDock, type Dock } from './dock';
import { commandFor } from './keyboard';
import { Triage } from './triage';
import type { SiteAdapter } from '../sites/types';

/**
 * Starts Shelfmark on a page, reading it with `adapters` (every site's when not given); everything it
 * sets up ends with `ctx` (extension reloaded or removed).
 */
export function startContentScript(ctx: ContentScriptContext, adapters?: readonly SiteAdapter[]): Annotator {
  const log = (message: string, ...details: unknown[]) => console.debug(`[Shelfmark] ${message}`, ...details);
  let settings: Settings = defaultSettings();
  let dock: Dock | null = null;

  const annotator = new Annotator({
    document,
    location: () => location.href,
    send: async (request) => {
      // After an update the old script keeps running until reload; it must not talk to the new background.
      if (!ctx.isValid) throw new Error('Extension context invalidated');
      const answer = await sendRequest(request);
      if (request.type === 'getStates') await settingsLoaded;
      return answer;
    },
    signal: ctx.signal,
    log,
    onChange: () => refreshDock(),
    adapters,
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

  const triage = new Triage(annotator, {
    open: (url, newTab) => {
      if (newTab) window.open(url, '_blank', 'noopener');
      else location.assign(url);
    },
    toggleHelp: () => dock?.toggleHelp(),
    toggleHideRead: () => changeHideRead(!annotator.hideRead),
  });

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
    dock ??= createDock(document, { onHideRead: changeHideRead });
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
    triage.clear();
    dock?.element.remove();
  });

  // Single-page navigation (Hugging Face): the mutation observer sees new cards, this sees a new URL.
  ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scheduleScan());
  ctx.addEventListener(document, 'keydown', (event) => {
    if (!annotator.site) return;
    const command = commandFor(event);
    if (!command || (dock?.helpOpen && command !== 'help')) return;
    if (triage.run(command)) event.preventDefault();
  });
  ctx.addEventListener(document, 'focusin', (event) => triage.followFocus(event));
  // Nothing typed is lost: notes are sent at once when the page is hidden (tab switched, window
  // minimised) or goes away (tab closed, navigation); a message sent in pagehide still arrives.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') annotator.flushNotes(true);
  });
  ctx.addEventListener(window, 'pagehide', () => annotator.flushNotes(true));

  // Cards are annotated at once; their states are shown once the settings are known too, so that
  // read papers hidden on this site never flash into view.
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
