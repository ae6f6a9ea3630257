import { siteOf } from '../bounds';
import { LIMITS } from '../limits';
import { adapterFor } from '../sites';
import type { SeenAt } from '../store/library';

/**
 * Who sent a message, as the browser says (runtime.MessageSender), never as the message claims:
 * - an extension page (popup, options): trusted with every request, not paced;
 * - a content script in a tab: its requests are paced per tab, and where a paper was seen is the
 *   tab's URL, whatever the page wrote into the message.
 */
export type MessageSource =
  | { kind: 'extension' }
  | {
      kind: 'page';
      tabId: number | undefined;
      /** The host of the sender's page: a card's links may lead there (lib/bounds.ts paperLinksOf). */
      site: string | undefined;
      /** Where a paper acted on was seen, when Shelfmark serves the sender's page. */
      seen: SeenAt | undefined;
    };

/** The parts of runtime.MessageSender used here. */
export interface Sender {
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/**
 * The URL of the sender's page now. For a tab's top frame, the tab's: after an in-page navigation
 * (Hugging Face is a single-page app) `sender.url` is still the URL the document was loaded at.
 */
export function senderPageUrl(sender: Sender): string | undefined {
  return (sender.frameId ?? 0) === 0 && sender.tab?.url ? sender.tab.url : (sender.url ?? sender.tab?.url);
}

/** `extensionUrl` is the extension's own base URL (`browser.runtime.getURL('/')`). */
export function messageSource(sender: Sender, extensionUrl: string): MessageSource {
  const url = senderPageUrl(sender);
  if (url?.startsWith(extensionUrl)) return { kind: 'extension' };
  return { kind: 'page', tabId: sender.tab?.id, site: siteOf(url), seen: url ? seenAt(url) : undefined };
}

/** The page a paper was seen on, when Shelfmark serves that URL; its fragment is left out. */
function seenAt(url: string): SeenAt | undefined {
  const page = url.replace(/#.*$/, '');
  if (page.length > LIMITS.url || !/^https?:\/\//i.test(page)) return undefined;
  const adapter = adapterFor(page);
  return adapter ? { site: adapter.name, url: page } : undefined;
}
