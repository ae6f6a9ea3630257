import { ADAPTERS } from '../sites';
import { generic } from '../sites/generic';
import type { ContentExtras } from './extras';
import { createNoteEditor } from './note-editor';
import { createShortcutsPanel } from './shortcuts-panel';
import { createTagEditor } from './tag-editor';
import { Triage } from './triage';

/** Every adapter whole, readers included: the generic one last, as it serves any page. */
const READERS = [...ADAPTERS, generic];

/** The content scripts' extras (extras.ts), as the extras script carries them (entrypoints/content-extras.ts). */
export const CONTENT_EXTRAS: ContentExtras = {
  // Two adapters may share a site's name (Hugging Face's papers and its model pages): the one that serves the page reads it.
  readCard: (site, card, page) => READERS.find((adapter) => adapter.name === site && adapter.matches(page.url))?.readCard(card, page) ?? null,
  createNoteEditor,
  createTagEditor,
  createShortcutsPanel,
  Triage,
};
