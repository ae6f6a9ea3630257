import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing';

/**
 * browser.i18n for unit tests, as the browsers do it: a catalogue of public/_locales, its named
 * placeholders (`$COUNT$` → `$1`) filled with the substitutions, `$$` a dollar sign. English unless
 * a test chooses another language (and chooses back).
 */

export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function readCatalogue(language: string): Catalogue {
  const locales = join(dirname(fileURLToPath(import.meta.url)), '../public/_locales');
  return JSON.parse(readFileSync(join(locales, language, 'messages.json'), 'utf8'));
}

/** Chrome's and Firefox's getMessage: '' for an unknown key. */
export function localize(catalogue: Catalogue, key: string, substitutions: string | string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const values = Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)|\$\$/g, (whole, n: string | undefined) => (n ? (values[Number(n) - 1] ?? '') : '$'));
  return entry.message.replace(/\$([A-Za-z_]\w*)\$|\$(\d)|\$\$/g, (whole, name: string | undefined, n: string | undefined) => {
    if (name) {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content === undefined ? '' : fill(content);
    }
    return fill(whole);
  });
}

const UI_LANGUAGES: Record<string, string> = { en: 'en-US', zh_CN: 'zh-CN' };

/** Makes `language` (en, zh_CN) the browser's UI language for the tests that follow. */
export function useLanguage(language: string): void {
  const catalogue = readCatalogue(language);
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => localize(catalogue, key, substitutions)) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => UI_LANGUAGES[language] ?? language;
}
