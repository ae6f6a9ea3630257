import type catalogue from '../public/_locales/en/messages.json';

/**
 * Every string the user reads goes through the browser's i18n (public/_locales/<lang>/messages.json,
 * English and Simplified Chinese): the browser picks the catalogue of its UI language, English
 * otherwise. Plain `browser.i18n.getMessage` behind one typed helper, so the content script uses the
 * same few lines as the extension pages (reading its copy of the messages first) and carries no
 * library (README: Libraries, Languages). Numbers and dates
 * are formatted by `Intl` in the browser's UI language.
 */

/** A key of the catalogues (the English one is the reference; test/unit/i18n.test.ts keeps the others equal). */
export type MessageKey = keyof typeof catalogue;
/** A message that depends on a count: `<base>_one` and `<base>_other` in every catalogue. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** What fills a message's placeholders, in order: numbers are formatted for the UI language. */
export type Substitution = string | number;

/**
 * A content script's own messages, every language (language → its messages as JSON text, parsed
 * for the UI language only), written into its bundle by the build (modules/content-messages.ts):
 * the browser's catalogue costs a page 6–8 ms to load. Undefined in extension pages and unit tests,
 * which ask the browser.
 */
declare const __SHELFMARK_MESSAGES__: Record<string, string> | undefined;

/** The message `key` with its placeholders filled. Never empty: a missing message shows its key. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const values = substitutions.map((value) => (typeof value === 'number' ? formatNumber(value) : value));
  const bundled = bundledMessages()?.[key];
  // WXT types getMessage by the catalogue it saw at its last `wxt prepare`; MessageKey is today's.
  const text = bundled === undefined ? browser.i18n.getMessage(key as 'extName', values) : fillMessage(bundled, values);
  return text || key;
}

/** `$1`…`$9` replaced by `values` (a missing one by nothing) and `$$` by `$`, as `getMessage` does. */
export function fillMessage(message: string, values: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (values[Number(which) - 1] ?? '')));
}

let bundledLanguage: Record<string, string> | null | undefined;
/** The bundle's catalogue for the UI language, chosen as the browser does: `zh_CN`, else `zh`, else English. */
function bundledMessages(): Record<string, string> | null {
  if (bundledLanguage !== undefined) return bundledLanguage;
  if (typeof __SHELFMARK_MESSAGES__ === 'undefined') return (bundledLanguage = null);
  const tag = uiLocale().replace('-', '_');
  const json = __SHELFMARK_MESSAGES__[tag] ?? __SHELFMARK_MESSAGES__[tag.split('_')[0]!] ?? __SHELFMARK_MESSAGES__.en;
  return (bundledLanguage = json === undefined ? null : (JSON.parse(json) as Record<string, string>));
}

/**
 * The message for `count` things: `<key>_one` or `<key>_other` as the UI language's plural rules say
 * (Chinese has one form). `count` is the first placeholder, formatted; `more` follow it.
 */
export function plural(key: PluralKey, count: number, ...more: Substitution[]): string {
  const form = pluralRules().select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, count, ...more);
}

/** The browser's UI language as a BCP 47 tag (`en-US`, `zh-CN`), for `Intl`. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

interface Formats {
  locale: string;
  plural: Intl.PluralRules;
  number: Intl.NumberFormat;
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
}

/** Made once per language: building a formatter is what a date costs (the popup's first rows format many). */
let rules: Formats | undefined;
function formats(): Formats {
  const locale = uiLocale();
  if (rules?.locale !== locale) {
    rules = {
      locale,
      plural: new Intl.PluralRules(locale),
      number: new Intl.NumberFormat(locale),
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    };
  }
  return rules;
}
function pluralRules(): Intl.PluralRules {
  return formats().plural;
}

/** 1,234 in English, 1,234 in Chinese too; 1.234 where the UI language writes it so. */
export function formatNumber(n: number): string {
  return formats().number.format(n);
}

/** A day: "3 Dec 2025" / "2025年12月3日". */
export function formatDate(at: number): string {
  return formats().date.format(at);
}

/** A day and time: "3 Dec 2025, 14:05" / "2025年12月3日 14:05". */
export function formatDateTime(at: number): string {
  return formats().dateTime.format(at);
}

/** Items of a list, separated as the UI language does ("a, b, c" / "a，b，c"). */
export function joinList(items: readonly string[]): string {
  return items.join(t('listSeparator'));
}

/** Bytes as megabytes with one decimal: "3.2" ("3.2" in Chinese too), for "… MB". */
export function formatMegabytes(bytes: number): string {
  return new Intl.NumberFormat(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}
