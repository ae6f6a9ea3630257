import { provideExtras } from '@/lib/content/extras';
import { ADAPTERS } from '@/lib/sites';
import { generic } from '@/lib/sites/generic';

/**
 * The content scripts' extras (lib/content/extras.ts): the background runs this script in a page's
 * content-script world when the page's content script first needs them.
 */
const READERS = [...ADAPTERS, generic];

export default defineUnlistedScript(() =>
  provideExtras({
    // Two adapters may share a site's name (Hugging Face's papers and its model pages): the one that serves the page reads it.
    readCard: (site, card, page) => READERS.find((adapter) => adapter.name === site && adapter.matches(page.url))?.readCard(card, page) ?? null,
  }),
);
