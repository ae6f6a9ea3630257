import { provideExtras } from '@/lib/content/extras';
import { CONTENT_EXTRAS } from '@/lib/content/extras-bundle';

/**
 * The content scripts' extras (lib/content/extras.ts): the background runs this script in a page's
 * content-script world when the page's content script first needs them.
 */
export default defineUnlistedScript(() => provideExtras(CONTENT_EXTRAS));
