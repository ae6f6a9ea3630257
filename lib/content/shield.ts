import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT stops an older copy of a content script when a newer one starts (after an update) with a DOM
 * event, "content script started". A page can dispatch that event too, and would switch Shelfmark
 * off. So the event reaches WXT only when this copy's extension context is gone (the extension was
 * updated or removed); while it is valid, no page event can stop the content script. (The other half,
 * WXT's postMessage that would tell any page the extension id, is off: `noScriptStartedPostMessage`.)
 */
export function shieldFromPageEvents(ctx: ContentScriptContext): void {
  // WXT 0.20's name for the event (private in its types): "<extension id>:<entrypoint>:wxt:content-script-started".
  const type = (ctx.constructor as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  window.addEventListener(
    type,
    (event) => {
      if (ctx.isValid) event.stopImmediatePropagation();
    },
    { capture: true, signal: ctx.signal },
  );
}
