import type { PageRequest } from '../messages';
import type { PaperRef } from '../paper';
import type { PageContext, SiteName } from '../sites/types';
import type { createNoteEditor } from './note-editor';
import type { createShortcutsPanel } from './shortcuts-panel';
import type { createTagEditor } from './tag-editor';
import type { Triage } from './triage';

/**
 * The content script's extras: what a page needs only once the user acts on a card. They are one
 * more script (entrypoints/content-extras.ts), run by the background in the page's content-script
 * world the first time a page asks (lib/background/page-scripts.ts), so that each site's content
 * script, compiled on every page load, stays small.
 */
export interface ContentExtras {
  /** What `card` shows about its paper, read by the adapter of `site` that serves `page`; null when it cannot be read. */
  readCard(site: SiteName, card: Element, page: PageContext): PaperRef | null;
  /** A card's note editor (note-editor.ts) and tag field (tag-editor.ts), built the first time one opens. */
  createNoteEditor: typeof createNoteEditor;
  createTagEditor: typeof createTagEditor;
  /** The keyboard shortcuts panel (shortcuts-panel.ts), built the first time it opens. */
  createShortcutsPanel: typeof createShortcutsPanel;
  /** The keyboard's cursor and its commands (triage.ts), made the first time a key or focus needs it. */
  Triage: typeof Triage;
}

/** Where a content script's parts get the extras: at once once loaded, or loaded on demand. */
export interface ExtrasSource {
  loaded(): ContentExtras | null;
  load(): Promise<ContentExtras>;
}

declare global {
  // A global of the content scripts' own world (the page's scripts never see it), set by the extras script.
  var __shelfmarkExtras: ContentExtras | undefined;
}

/** Called by the extras script as it runs. */
export function provideExtras(extras: ContentExtras): void {
  globalThis.__shelfmarkExtras = extras;
}

/** The extras, if this page has them already. */
export function loadedExtras(): ContentExtras | null {
  return globalThis.__shelfmarkExtras ?? null;
}

/** The request in flight, shared by every caller meanwhile. */
let loading: Promise<ContentExtras> | undefined;

/** The extras; asked of the background when the page has none yet (`deliver` sends the request), again after a failure. */
export function loadExtras(deliver: (request: PageRequest) => Promise<unknown>): Promise<ContentExtras> {
  const loaded = loadedExtras();
  if (loaded) return Promise.resolve(loaded);
  loading ??= deliver({ type: 'loadExtras' })
    .then(() => {
      const extras = loadedExtras();
      if (!extras) throw new Error('the extras script did not run');
      return extras;
    })
    .finally(() => (loading = undefined));
  return loading;
}
