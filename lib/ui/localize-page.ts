import { t, uiLocale, type MessageKey } from '../i18n';

/**
 * An extension page in the browser's language: `lang` on the document (screen readers pronounce it,
 * and the browser picks Chinese glyphs for Chinese text) and the tab's title from the catalogues.
 */
export function localizePage(title: MessageKey): void {
  document.documentElement.lang = uiLocale();
  document.title = t(title);
}
