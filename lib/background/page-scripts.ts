import type { Browser } from 'wxt/browser';
import type { Response } from '../messaging';
import { PageRequestSchema } from '../messages';
import { roleOf } from '../sites/pages';
import { senderPageUrl } from './sender';
import { t } from '../i18n';

/**
 * The background's part in the page's own scripts and styles: injecting the content script where
 * the router asks (a single-page app navigated in-page to a page that may hold papers), its extras
 * where it first needs them (lib/content/extras.ts), and the read papers' styles, inserted with the
 * extensions API so no page script can read them. Each acts on the sender's tab and frame only.
 */

export function isPageRequest(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'loadContent' || type === 'loadExtras' || type === 'pageStyle';
}

export async function handlePageRequest(message: unknown, sender: Browser.runtime.MessageSender): Promise<Response<null>> {
  const parsed = PageRequestSchema.safeParse(message);
  const tabId = sender.tab?.id;
  if (!parsed.success || tabId === undefined) return { ok: false, error: t('pageRequestInvalid'), code: 'invalid' };
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  try {
    switch (parsed.data.type) {
      case 'loadContent':
        // Only where the manifest would have put it: the page's URL now, as the browser knows it.
        const url = senderPageUrl(sender);
        const site = url ? roleOf(url)?.site : null;
        if (!site) return { ok: false, error: t('pageRequestNoSite'), code: 'invalid' };
        // The site's content script and its stylesheet, as the manifest declares them (entrypoints/<site>.content.ts).
        await browser.scripting.insertCSS({ target, files: [`/content-scripts/${site}.css`] }).catch(() => undefined);
        await browser.scripting.executeScript({ target, files: [`/content-scripts/${site}.js` as '/content-scripts/arxiv.js'] });
        return { ok: true, data: null };
      case 'loadExtras':
        // Into the content scripts' world of the sender's frame (the default world), where its content script reads them.
        await browser.scripting.executeScript({ target, files: ['/content-extras.js'] });
        return { ok: true, data: null };
      case 'pageStyle': {
        const { insert, remove } = parsed.data;
        if (insert) await browser.scripting.insertCSS({ target, css: insert, origin: 'AUTHOR' });
        // Older sheets go once the new one is in (no flash); one that was never inserted is no error.
        for (const css of remove) await browser.scripting.removeCSS({ target, css, origin: 'AUTHOR' }).catch(() => undefined);
        return { ok: true, data: null };
      }
    }
  } catch (error) {
    console.error('[Shelfmark] page request failed', parsed.data.type, error);
    return { ok: false, error: t('pageRequestFailed'), code: 'failed' };
  }
}
