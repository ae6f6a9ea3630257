import type { Send } from '@/lib/content/annotator';
import type { ShelfmarkDB } from '@/lib/store/db';
import { handleMessage } from '@/lib/background/handle-message';
import type { ResponseData } from '@/lib/messaging';
import type { Request } from '@/lib/messages';
import type { ExtrasSource } from '@/lib/content/extras';
import { CONTENT_EXTRAS } from '@/lib/content/extras-bundle';

/** The content script's extras, loaded already (as after a first use: lib/content/extras.ts). */
export const EXTRAS_LOADED: ExtrasSource = { loaded: () => CONTENT_EXTRAS, load: async () => CONTENT_EXTRAS };

/** A Hugging Face listing card, as the 2024 and 2026 layouts give it (title link in a heading, in an <article>). */
export function hfCard(arxivId: string, title: string): string {
  return `<article><h3><a href="/papers/${arxivId}">${title}</a></h3><p>Some authors</p></article>`;
}

/**
 * The content script's `send`, answered by the real background code (validation, library
 * operations) on a fake-indexeddb database, as the extension's background would.
 */
export function backgroundSend(db: ShelfmarkDB, sent: Request[] = []): Send {
  return (async <R extends Request>(request: R) => {
    sent.push(request);
    const response = await handleMessage(db, request, () => undefined);
    if (!response.ok) throw new Error(response.error);
    return response.data as ResponseData[R['type']];
  }) as Send;
}

/** Marks `event` as a page script's (untrusted), as a browser would: Shelfmark must ignore it. */
export function forge<E extends Event>(event: E): E {
  const world = globalThis as { __forged?: WeakSet<Event> };
  (world.__forged ??= new WeakSet()).add(event);
  return event;
}

export { shadowOf } from '@/lib/content/shadow';
