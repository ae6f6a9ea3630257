import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing';
import { fillMessage } from '../lib/i18n';
import { withPlaceholders, type Catalogue } from '../modules/content-messages';

/**
 * browser.i18n for unit tests, as the browsers do it: a catalogue of public/_locales, its named
 * placeholders (`$COUNT$` → `$1`) filled with the substitutions, `$$` a dollar sign, by the same
 * two steps as the content scripts' copy of the messages (checked against Chromium's own by
 * test/e2e/i18n.test.ts). English unless a test chooses another language (and chooses back).
 */

export function readCatalogue(language: string): Catalogue {
  const locales = join(dirname(fileURLToPath(import.meta.url)), '../public/_locales');
  return JSON.parse(readFileSync(join(locales, language, 'messages.json'), 'utf8'));
}

/** Chrome's and Firefox's getMessage: '' for an unknown key. */
export function localize(catalogue: Catalogue, key: string, substitutions: string | string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return '';
  return fillMessage(withPlaceholders(entry), Array.isArray(substitutions) ? substitutions : [substitutions]);
}

const UI_LANGUAGES: Record<string, string> = { en: 'en-US', zh_CN: 'zh-CN' };

/** Makes `language` (en, zh_CN) the browser's UI language for the tests that follow. */
export function useLanguage(language: string): void {
  const catalogue = readCatalogue(language);
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => localize(catalogue, key, substitutions)) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => UI_LANGUAGES[language] ?? language;
}
