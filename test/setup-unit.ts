// Must load before Dexie is imported anywhere: Dexie binds to the global indexedDB it finds.
import 'fake-indexeddb/auto';
import { useLanguage } from './i18n-fake';

// The browser's messages (public/_locales), in English: a test of another language chooses it.
useLanguage('en');
