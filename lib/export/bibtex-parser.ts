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

/** Text fields whose TeX is turned into text (ids and URLs are read from the fields as written). */
const TEXT_FIELDS = new Set(['title', 'author', 'abstract', 'journal', 'journaltitle', 'booktitle']);
const DATE_FIELDS = new Set(['year', 'month', 'day', 'date']);
/** The TeX logos, which Citation.js leaves as commands. */
const LOGOS: Record<string, string> = { LaTeX: 'LaTeX', TeX: 'TeX', BibTeX: 'BibTeX', LaTeXe: 'LaTeX2e' };

let known: Set<string> | undefined;

/** Every command Citation.js turns into text (accents, symbols, formatting, math). */
function knownCommands(): Set<string> {
  if (!known) {
    const constants = (plugins as unknown as { config: { get(name: string): { constants: Record<string, unknown> } } }).config.get('@bibtex').constants;
    known = new Set(
      ['commands', 'mathCommands', 'diacritics', 'formattingCommands', 'formattingEnvs', 'argumentCommands', 'mathScriptFormatting'].flatMap(
        (table) => Object.keys((constants[table] as Record<string, unknown> | undefined) ?? {}),
      ),
    );
  }
  return known;
}

/**
 * A command Citation.js does not know (a user's own macro, `\mymacro{word}`) would be left in the
 * text with its argument glued on ("\mymacroword"): its name goes here, its argument stays.
 */
function dropUnknownCommands(value: string): string {
  const commands = knownCommands();
  return value
    // The dotless i and j under an accent (`\'{\i}`) are plain i and j to a reader: í, not ı́.
    .replace(/\\([ij])(?![A-Za-z])/g, '$1')
    .replace(/\\([A-Za-z]+)\*?/g, (whole, name: string) => LOGOS[name] ?? (commands.has(name) ? whole : ''));
}

/** Text with nothing TeX would read as markup: no commands, groups, math, ligatures or specials. */
const PLAIN = /^[^\\{}$~^_`%&#]*$/;
const LIGATURE = /--|''|!`|\?`/;
/** Fields passed through as written when plain: parsing a long plain abstract only costs time. */
const PLAIN_PASSTHROUGH = ['title', 'abstract'] as const;

/** The entries' fields as CSL-JSON items, one per entry, in order: TeX commands and accents become Unicode. */
export function entriesToCsl(entries: readonly RawBibEntry[]): CslItem[] {
  const plain: Partial<Record<(typeof PLAIN_PASSTHROUGH)[number], string>>[] = [];
  // Only the fields an import reads are converted (a Zotero export's notes and file lists are not).
  const prepared = entries.map((entry, i) => {
    const passed: (typeof plain)[number] = (plain[i] = {});
    const properties = Object.fromEntries(
      Object.entries(entry.properties).flatMap(([name, value]) => {
        const field = name.toLowerCase();
        if ((field === 'title' || field === 'abstract') && PLAIN.test(value) && !LIGATURE.test(value)) {
          passed[field] = value;
          return [];
        }
        if (TEXT_FIELDS.has(field)) return [[name, dropUnknownCommands(value)]];
        return DATE_FIELDS.has(field) ? [[name, value]] : [];
      }),
    );
    return { ...entry, properties };
  });
  try {
    const items = plugins.input.data(prepared, '@biblatex/entries+list') as CslItem[];
    return items.map((item, i) => ({ ...item, ...plain[i] }));
  } finally {
    // The logger keeps every warning it was given (unknown fields…): a big import would pile them up.
    logger._log.length = 0;
  }
}
