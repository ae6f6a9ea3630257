import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageRequest } from '../messages';
import { linksMayNamePaper } from '../sites/link-hint';
import { roleOf } from '../sites/pages';
import { contentScriptRunning } from './running';
import { shieldFromPageEvents } from './shield';

/**
 * The router: all that runs on the pages of a single-page app that hold no papers (Hugging Face's
 * pages beyond its papers). It asks the background to inject the site's content script, which the
 * browser did not, when the page may hold papers: after an in-page navigation to a paper page (there
 * was no page load), or where a page holds papers only by linking them (a model page) once a link
 * may name one. Small on purpose: this file, the URL data of lib/sites/pages.ts, a regular
 * expression over the page's links and the sending of one message.
 */
export function startRouter(ctx: ContentScriptContext): void {
  shieldFromPageEvents(ctx);
  let asking = false;
  const check = () => {
    if (asking || contentScriptRunning()) return;
    const page = roleOf(location.href);
    if (!page || (page.role === 'linking' && !linksMayNamePaper(document))) return;
    asking = true;
    // The browser's own sendMessage: a failure is only ignored here, so lib/messaging.ts and the words
    // it explains failures with (the catalogue's) stay out of the router's bundle.
    const request: PageRequest = { type: 'loadContent' };
    browser.runtime
      .sendMessage(request)
      .catch(() => undefined)
      .finally(() => (asking = false));
  };
  // After each in-page navigation (the Navigation API's navigatesuccess comes once the URL is the
  // new one); where there is no Navigation API, a look at the URL every second.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') navigation.addEventListener('navigatesuccess', check, { signal: ctx.signal });
  else ctx.setInterval(check, 1_000);
  // The page it started on (at document_idle: its links are there).
  check();
}
