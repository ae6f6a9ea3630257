import { logger, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';

/**
 * Citation.js's BibTeX parser (README: Libraries), behind two functions. This module is loaded on
 * demand (`import('./bibtex-parser')` in bibtex-read.ts), so the options page only fetches the
 * parser when the user picks a .bib file, and the popup never does.
 */

/** An entry as written: its type, key and fields (names lower-cased, `@string`s expanded, TeX kept). */
export interface RawBibEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/** A CSL-JSON name: what Citation.js makes of `Last, First`, `First von Last`, `{Org Name}`. */
export interface CslName {
  given?: string;
  family?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** The fields of a CSL-JSON item that an import reads; TeX already turned into Unicode text. */
export interface CslItem {
  title?: string;
  author?: CslName[];
  abstract?: string;
  issued?: { 'date-parts'?: (number | string)[][] };
  DOI?: string;
  URL?: string;
  'container-title'?: string;
}

/** Parses a whole .bib text into entries. Throws on a syntax error (with its line and column). */
export function parseBibtexEntries(text: string): RawBibEntry[] {
  try {
    return plugins.input.data(text, '@biblatex/text') as RawBibEntry[];
  } finally {
    logger._log.length = 0;
  }
}

/** The entries' fields as CSL-JSON items, one per entry, in order: TeX commands and accents become Unicode. */
export function entriesToCsl(entries: readonly RawBibEntry[]): CslItem[] {
  try {
    return plugins.input.data(entries, '@biblatex/entries+list') as CslItem[];
  } finally {
    // The logger keeps every warning it was given (unknown fields…): a big import would pile them up.
    logger._log.length = 0;
  }
}
