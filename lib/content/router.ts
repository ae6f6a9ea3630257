import type { PageRequest } from '../messages';
import { linksMayNamePaper } from '../sites/link-hint';
import { roleOf } from '../sites/pages';
import { contentScriptRunning } from './running';

/**
 * The router: all that runs on the pages of a single-page app that hold no papers (Hugging Face's
 * pages beyond its papers). It asks the background to inject the site's content script, which the
 * browser did not, when the page may hold papers: after an in-page navigation to a paper page (there
 * was no page load), or where a page holds papers only by linking them (a model page) once a link
 * may name one. Small on purpose: this file, the URL data of lib/sites/pages.ts, a regular
 * expression over the page's links and the sending of one message. It touches the extension's API
 * only to send it, and stops for good once the extension that ran it was updated or removed.
 */
export function startRouter(): void {
  const stopped = new AbortController();
  let asking = false;
  const check = () => {
    if (asking || contentScriptRunning()) return;
    const page = roleOf(location.href);
    if (!page || (page.role === 'linking' && !linksMayNamePaper(document))) return;
    const runtime = extensionRuntime();
    // Left running in the page by an extension updated or removed since: nothing to ask any more.
    if (!runtime?.id) return stopped.abort();
    asking = true;
    // The browser's own sendMessage: a failure is only ignored here, so lib/messaging.ts and the words
    // it explains failures with (the catalogue's) stay out of the router's bundle.
    const request: PageRequest = { type: 'loadContent' };
    runtime
      .sendMessage(request)
      .catch(() => undefined)
      .finally(() => (asking = false));
  };
  // After each in-page navigation (the Navigation API's navigatesuccess comes once the URL is the
  // new one); where there is no Navigation API, a look at the URL every second.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') navigation.addEventListener('navigatesuccess', check, { signal: stopped.signal });
  else {
    const timer = setInterval(check, 1_000);
    stopped.signal.addEventListener('abort', () => clearInterval(timer));
  }
  // The page it started on (at document_idle: its links are there).
  check();
}

/**
 * The extension's runtime API, looked up only when there is something to ask: WXT's `browser`
 * looks it up as the script loads, which cost each page the router runs on about 0.7 ms.
 */
function extensionRuntime(): typeof browser.runtime | undefined {
  const scope = globalThis as { browser?: typeof browser; chrome?: typeof browser };
  return (scope.browser ?? scope.chrome)?.runtime;
}
