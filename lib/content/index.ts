import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isStatesMessage, sendRequest } from '../messaging';
import { Annotator } from './annotator';

/** Starts Shelfmark on a page; everything it sets up ends with `ctx` (extension reloaded or removed). */
export function startContentScript(ctx: ContentScriptContext): Annotator {
  const annotator = new Annotator({
    document,
    location: () => location.href,
    send: (request) => {
      // After an update the old script keeps running until reload; it must not talk to the new background.
      if (!ctx.isValid) return Promise.reject(new Error('Extension context invalidated'));
      return sendRequest(request);
    },
    signal: ctx.signal,
    log: (message, ...details) => console.debug(`[Shelfmark] ${message}`, ...details),
  });

  const onMessage = (message: unknown) => {
    if (isStatesMessage(message)) annotator.applyStates(message.states);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // Single-page navigation (Hugging Face): the mutation observer sees new cards, this sees a new URL.
  ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scheduleScan());

  annotator.start();
  return annotator;
}
