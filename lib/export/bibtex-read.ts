import type { CslItem, RawBibEntry } from './bibtex-parser';
import { t, type MessageKey } from '../i18n';

/**
 * Reading a .bib file a reference manager wrote (Zotero, JabRef, Mendeley, Google Scholar), in
 * three steps, each of which refuses a broken or hostile file as a whole with one clear message:
 * 1. bytes to text: a size cap before reading; binary refused; UTF-8, else the encoding the file
 *    declares (JabRef's `% Encoding:` line), else Windows-1252 (old exports were Latin-1);
 * 2. a linear look at the text, before any parser sees it: braces nested deeper than any
 *    bibliography does (a recursive parser would run out of stack), and `@string` macros that
 *    would expand to gigabytes (each defined as two copies of the last one);
 * 3. Citation.js's parser (lib/export/bibtex-parser.ts, loaded on demand): a syntax error anywhere
 *    refuses the file, saying where. The entries are then turned into CSL-JSON (TeX to Unicode)
 *    in batches, so the page stays responsive while a big library is read.
 */

/** A Zotero library of 10,000 papers with abstracts exports to about 15 MB. */
export const MAX_BIBTEX_BYTES = 32 * 1024 * 1024;
export const MAX_BIBTEX_ENTRIES = 100_000;
/** Real entries nest a few levels (`{{BERT}}`, `{\"{u}}`); far deeper is not a bibliography. */
export const MAX_BRACE_DEPTH = 32;
/** What one `@string` may expand to, and all uses of `@string`s in the file together. */
export const MAX_STRING_EXPANSION = 1024 * 1024;
export const MAX_TOTAL_EXPANSION = 64 * 1024 * 1024;

const BATCH = 250;
/** A refusal: why, then that nothing was imported. */
const refused = (why: string) => fail(`${why}${t('sentenceSeparator')}${t('importNothingImported')}`);

/** One entry of the file: where it starts, what it is, its fields as written and as text. */
export interface BibEntry {
  /** 1-based line of the entry's `@` in the file. */
  line: number;
  type: string;
  key: string;
  /** Field values as written (lower-cased names, `@string`s expanded, TeX kept): ids are read from these. */
  fields: Readonly<Record<string, string>>;
  /** The same entry as CSL-JSON: title, names and abstract as Unicode text. */
  csl: CslItem;
}

/** An entry that could not be read at all (the rest of the file could). */
export interface BibEntryProblem {
  line: number;
  key: string;
  message: string;
}

export interface ReadBibtex {
  entries: BibEntry[];
  problems: BibEntryProblem[];
}

export type BibtexReadResult = { ok: true; bibtex: ReadBibtex } | { ok: false; error: string };

export interface ReadProgress {
  (done: number, total: number): void;
}

/** Reads a file the user picked. Refuses a file that is too big before reading it. */
export async function readBibtexFile(file: Blob, onProgress?: ReadProgress): Promise<BibtexReadResult> {
  if (file.size > MAX_BIBTEX_BYTES) {
    return refused(t('bibTooLarge', megabytes(file.size), megabytes(MAX_BIBTEX_BYTES)));
  }
  if (file.size === 0) return refused(t('importEmptyFile'));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return refused(t('importUnreadable', errorText(error)));
  }
  const decoded = decodeBibtex(bytes);
  if (!decoded.ok) return decoded;
  return parseBibtex(decoded.text, onProgress);
}

/** Bytes to text: refuses binary files; UTF-8, else the declared encoding, else Windows-1252. */
export function decodeBibtex(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes.includes(0)) return refused(t('bibBinary'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
    const declared = /^%\s*Encoding:\s*([\w.:-]+)/im.exec(head)?.[1];
    text = new TextDecoder(encodingLabel(declared)).decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  // Text has next to no control characters besides tab, line feed and carriage return.
  const controls = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 16 && controls > text.length / 1000) return refused(t('bibBinary'));
  return { ok: true, text };
}

/** A TextDecoder label for JabRef's names (`ISO8859_1`, `UTF8`, `Cp1252`); Windows-1252 when unknown. */
function encodingLabel(declared: string | undefined): string {
  if (!declared) return 'windows-1252';
  const label = declared.replace(/^ISO8859_?(\d+)$/i, 'iso-8859-$1').replace(/^Cp(\d+)$/i, 'windows-$1');
  try {
    return new TextDecoder(label).encoding === 'utf-8' ? 'windows-1252' : label; // not UTF-8: that failed already
  } catch {
    return 'windows-1252';
  }
}

/** Reads BibTeX text into entries (see the module comment for what is refused). */
export async function parseBibtex(text: string, onProgress?: ReadProgress): Promise<BibtexReadResult> {
  if (text.length > MAX_BIBTEX_BYTES) return refused(t('bibTextTooLarge', megabytes(MAX_BIBTEX_BYTES)));
  const shapeProblem = checkShape(text);
  if (shapeProblem) return refused(shapeProblem);
  if (!/@\s*[A-Za-z]+\s*[{(]/.test(text)) {
    return refused(t('bibNoEntries'));
  }

  const parser = await import('./bibtex-parser');
  let raw: RawBibEntry[];
  try {
    raw = parser.parseBibtexEntries(text);
  } catch (error) {
    return refused(syntaxMessage(error));
  }
  if (raw.length > MAX_BIBTEX_ENTRIES) {
    return refused(t('bibTooManyEntries', raw.length, MAX_BIBTEX_ENTRIES));
  }

  const lines = entryLines(text, raw);
  const entries: BibEntry[] = [];
  const problems: BibEntryProblem[] = [];
  for (let start = 0; start < raw.length; start += BATCH) {
    const batch = raw.slice(start, start + BATCH);
    for (const [i, item] of convertBatch(parser.entriesToCsl, batch).entries()) {
      const entry = batch[i]!;
      const line = lines[start + i]!;
      if ('error' in item) problems.push({ line, key: entry.label, message: item.error });
      else entries.push({ line, type: entry.type.toLowerCase(), key: entry.label, fields: lowerCaseKeys(entry.properties), csl: item });
    }
    onProgress?.(Math.min(start + BATCH, raw.length), raw.length);
    if (start + BATCH < raw.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { ok: true, bibtex: { entries, problems } };
}

/** A batch at once; when it fails, entry by entry, so one bad entry is reported alone. */
function convertBatch(toCsl: (entries: readonly RawBibEntry[]) => CslItem[], batch: readonly RawBibEntry[]): (CslItem | { error: string })[] {
  try {
    const items = toCsl(batch);
    if (items.length === batch.length) return items;
  } catch {
    // Found below, entry by entry.
  }
  return batch.map((entry) => {
    try {
      const [item] = toCsl([entry]);
      return item ?? { error: t('bibEntryUnreadable') };
    } catch (error) {
      return { error: t('bibEntryUnreadableWhy', errorText(error)) };
    }
  });
}

function lowerCaseKeys(properties: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(properties)) if (typeof value === 'string') fields[name.toLowerCase()] = value;
  return fields;
}

// ——— Where entries are ———

/** The line of each entry's `@`, found in file order (the parser keeps order but not positions). */
function entryLines(text: string, entries: readonly RawBibEntry[]): number[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let from = 0;
  return entries.map((entry) => {
    const pattern = new RegExp(`@\\s*${escapeRegExp(entry.type)}\\s*[{(]\\s*${escapeRegExp(entry.label)}\\s*[,})]`, 'giu');
    pattern.lastIndex = from;
    const found = pattern.exec(text);
    if (!found) return lineOf(lineStarts, from);
    from = found.index + 1;
    return lineOf(lineStarts, found.index);
  });
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ——— What no parser should be given ———

/**
 * Braces nested too deep, or `@string` macros that expand too far; undefined when neither. Linear
 * and without recursion, so a hostile file costs one pass over its text.
 */
export function checkShape(text: string): string | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) line++;
    else if (char === 123 && ++depth > MAX_BRACE_DEPTH) {
      return t('bibTooDeep', MAX_BRACE_DEPTH, line);
    } else if (char === 125 && depth > 0) depth--;
  }
  return checkStringExpansion(text);
}

const STRING_DEFINITION = /@\s*string\s*([{(])/gi;
const WORD = /[A-Za-z_][\w:+-]*/g;

/**
 * Bounds what `@string` macros expand to. Each definition's size is at most its own text plus the
 * sizes of the names it mentions (defined before it); the file's expansion is at most the sum of
 * the sizes of every mention of a defined name. Over-counting (a name that occurs in running
 * text) only makes the bound safer; real files stay far below it.
 */
function checkStringExpansion(text: string): string | undefined {
  const sizes = new Map<string, number>();
  for (const match of text.matchAll(STRING_DEFINITION)) {
    const bodyStart = match.index + match[0].length;
    const body = text.slice(bodyStart, definitionEnd(text, bodyStart, match[1] === '(' ? ')' : '}'));
    const name = /^\s*([^\s=#{}"(),]+)\s*=/.exec(body);
    if (!name) continue;
    let size = body.length;
    for (const [word] of body.slice(name[0].length).matchAll(WORD)) size += sizes.get(word.toLowerCase()) ?? 0;
    if (size > MAX_STRING_EXPANSION) {
      return t('bibStringTooLarge', name[1]!.slice(0, 40), lineAt(text, match.index), megabytes(MAX_STRING_EXPANSION));
    }
    sizes.set(name[1]!.toLowerCase(), size);
  }
  if (sizes.size === 0) return undefined;
  let total = 0;
  for (const [word] of text.matchAll(WORD)) {
    total += sizes.get(word.toLowerCase()) ?? 0;
    if (total > MAX_TOTAL_EXPANSION) {
      return t('bibStringsTooLarge', megabytes(MAX_TOTAL_EXPANSION));
    }
  }
  return undefined;
}

/** Where a `@string{…}` or `@string(…)` body ends: its closing bracket outside braces (or the end of the text). */
function definitionEnd(text: string, start: number, closer: '}' | ')'): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '{') depth++;
    else if (char === '}') {
      if (depth === 0 && closer === '}') return i;
      depth = Math.max(0, depth - 1);
    } else if (char === ')' && depth === 0 && closer === ')') return i;
    else if (char === '@' && depth === 0) return i; // an unterminated definition ends where the next entry starts
  }
  return text.length;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// ——— Messages ———

/** Citation.js's token names in words: punctuation as written, the rest from the catalogues. */
const TOKEN_WORDS: Record<string, string | { key: MessageKey }> = {
  rbrace: '"}"',
  lbrace: '"{"',
  EOF: { key: 'bibTokenEnd' },
  identifier: { key: 'bibTokenName' },
  equals: '"="',
  comma: '","',
  quote: { key: 'bibTokenQuote' },
  hash: '"#"',
  number: { key: 'bibTokenNumber' },
  text: { key: 'bibTokenText' },
  whitespace: { key: 'bibTokenSpace' },
};

/** Citation.js's syntax errors ("expected "rbrace", got EOF at line 3 col 1: …") in plain words. */
function syntaxMessage(error: unknown): string {
  if (error instanceof RangeError) return t('bibNestsTooDeeply');
  const first = errorText(error).split('\n', 1)[0]!.trim();
  const where = /\s*at line (\d+) col (\d+):?$/.exec(first);
  const place = where ? t('bibSyntaxPlace', where[1]!, where[2]!) : '';
  const what = (where ? first.slice(0, where.index) : first)
    .replace(/"(\w+)"|\b(EOF)\b/g, (whole, token: string | undefined, eof: string | undefined) => {
      const word = TOKEN_WORDS[token ?? eof ?? ''];
      return word === undefined ? whole : typeof word === 'string' ? word : t(word.key);
    })
    .slice(0, 200);
  if (/^invalid syntax$/i.test(what)) return t('bibSyntax', t('bibNotPartOfEntry'), place);
  return t('bibSyntax', what, place);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
