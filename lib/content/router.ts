import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage } from '../messaging';
import { mayHoldPapers } from '../sites/pages';
import { contentScriptRunning } from './running';
import { shieldFromPageEvents } from './shield';

/**
 * The router: all that runs on the pages of a single-page app that hold no papers (a Hugging Face
 * model page). It waits for an in-page navigation to a page that may hold papers, then asks the
 * background to inject the content script, which the browser did not (there was no page load).
 * Small on purpose: this file, the URL data of lib/sites/pages.ts and the sending of one message.
 */
export function startRouter(ctx: ContentScriptContext): void {
  shieldFromPageEvents(ctx);
  let asking = false;
  const check = () => {
    if (asking || contentScriptRunning() || !mayHoldPapers(location.href)) return;
    asking = true;
    sendMessage({ type: 'loadContent' })
      .catch(() => undefined)
      .finally(() => (asking = false));
  };
  // After each in-page navigation (the Navigation API's navigatesuccess comes once the URL is the
  // new one); where there is no Navigation API, a look at the URL every second.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') navigation.addEventListener('navigatesuccess', check, { signal: ctx.signal });
  else ctx.setInterval(check, 1_000);
}
