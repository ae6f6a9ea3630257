// Must load before Dexie is imported anywhere: Dexie binds to the global indexedDB it finds.
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { useLanguage } from './i18n-fake';

// The browser's messages (public/_locales), in English: a test of another language chooses it.
useLanguage('en');

// Under jsdom no event is trusted (isTrusted is false for every dispatched event), so unit tests
// stand in for the user: lib/content/trust.ts treats their events as the user's, except those a
// test marks as forged with `forge()` (test/unit/content-fixture.ts). Real trust is proved in
// Chromium (test/e2e/security-page.test.ts).
vi.mock('@/lib/content/trust', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/content/trust')>()),
  isUserEvent: (event: Event) => !(globalThis as { __forged?: WeakSet<Event> }).__forged?.has(event),
}));
