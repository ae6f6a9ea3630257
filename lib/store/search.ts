import { CAPS } from '../limits';
import { cleanTagName, tagKey } from '../tags';
import type { TagEntry } from './db';
import type { PaperId } from '../paper';

/**
 * Search tokens: lower-cased, accents folded, split into words. Stored on each record (`words`)
 * and in the catalog, where extension pages search them in memory (lib/store/search-index.ts).
 */

/** Longest token kept: long enough for real words, short enough to keep the index small. */
const MAX_TOKEN_LENGTH = 40;

/** Folds case and accents: "Émile Zoë" → "emile zoe". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct words of `text`, folded. */
export function tokenize(text: string): string[] {
  const words = foldText(text).match(WORD) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_TOKEN_LENGTH)))];
}

/**
 * The search tokens of a paper: a word per tag it has (tagWord), then its title's, its authors'
 * and its note's words, in that order, at most CAPS.words of them (an index entry each: a record's
 * words are what its writes cost). The same as `tokenize` of them all, cut to the cap, without
 * folding every word of a long note.
 */
export function paperWords(paper: { title: string; authors: readonly string[]; note: string; tags?: readonly TagEntry[] }): string[] {
  const words = new Set<string>();
  for (const tag of paper.tags ?? []) if (!tag.removed) words.add(tagWord(tag.name));
  for (const text of [paper.title, ...paper.authors, paper.note]) {
    for (const [word] of foldText(text).matchAll(WORD)) {
      words.add(word.slice(0, MAX_TOKEN_LENGTH));
      if (words.size === CAPS.words) return [...words];
    }
  }
  return [...words];
}

// ---------------------------------------------------------------------------------------------
// The query side. A query is the words the user typed, folded like the index; a paper matches
// when every query word starts one of its words ("trans lang" finds "Transformers for Language").

/** The words of a query, longest first; a word that only starts another query word adds nothing and is dropped. `tag:name` (or `tag:"two words"`) asks for a tag (tagToken). */
export function queryTokens(text: string): string[] {
  const { tags, rest } = splitTagTerms(text);
  const tokens = tokenize(rest).sort((a, b) => b.length - a.length);
  return [...tags.map(tagToken), ...tokens.filter((token, i) => !tokens.some((other, j) => j < i && other.startsWith(token)))];
}

// ---------------------------------------------------------------------------------------------
// Tags in the search. Each tag a paper has is one of its words: `tag:`, its key, a separator, its
// name as shown (spaces as no-break spaces: a word has none; a tag name has no other whitespace).
// A query's `tag:name` is the word up to the separator, so it matches that tag exactly (not
// `tag:llmops` for `tag:llm`) with the same prefix search as every word, in the index and in memory.

export const TAG_PREFIX = 'tag:';
const TAG_END = '\u001e';
const SPACE = '\u00a0';

/** The search word of a tag named `name`. */
export function tagWord(name: string): string {
  return `${tagToken(name)}${name.replaceAll(' ', SPACE)}`;
}

/** The query token that finds the papers having tag `name` (case ignored). */
export function tagToken(name: string): string {
  return `${TAG_PREFIX}${tagKey(name).replaceAll(' ', SPACE)}${TAG_END}`;
}

/** The tag a search word names (its key and name as written), or undefined when it is no tag word. */
export function tagOfWord(word: string): { key: string; name: string } | undefined {
  const end = word.indexOf(TAG_END);
  if (!word.startsWith(TAG_PREFIX) || end < 0) return undefined;
  return { key: word.slice(TAG_PREFIX.length, end).replaceAll(SPACE, ' '), name: word.slice(end + 1).replaceAll(SPACE, ' ') };
}

/** The `tag:` terms of a query (`tag:llm`, `tag:"reading group"`) as tag names, and the rest of its text. */
export function splitTagTerms(text: string): { tags: string[]; rest: string } {
  const tags: string[] = [];
  const rest = text.replace(/(?:^|(?<=\s))tag:(?:"([^"]*)"?|(\S+))/giu, (_match, quoted: string | undefined, bare: string | undefined) => {
    const name = cleanTagName(quoted ?? bare ?? '');
    if (name) tags.push(name);
    return ' ';
  });
  return { tags, rest };
}

/** The query narrowed to tag `name` as well (unchanged when it already asks for it). */
export function withTagTerm(query: string, name: string): string {
  if (splitTagTerms(query).tags.some((tag) => tagKey(tag) === tagKey(name))) return query;
  return `${query.trim()} ${tagTerm(name)}`.trim();
}

/** The query without its term for tag `name`. */
export function withoutTagTerm(query: string, name: string): string {
  const { tags, rest } = splitTagTerms(query);
  const others = tags.filter((tag) => tagKey(tag) !== tagKey(name)).map(tagTerm);
  return [...others, rest.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' ');
}

/** How a tag is written in a query: bare when it is one word, quoted otherwise. */
export function tagTerm(name: string): string {
  return /^\S+$/u.test(name) ? `tag:${name}` : `tag:"${name}"`;
}

/**
 * The options page's filter: every word typed must start a word of the paper's title, authors or
 * note, or the text must occur in its id ("2407.217", "acl-long.1", "10.1145/35"). Null for an
 * empty filter.
 */
export function libraryFilter(query: string): { tokens: string[]; alsoId?: (id: PaperId) => boolean } | null {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return null;
  const idText = foldText(query.trim()).replace(/^[a-z]+:\s*/, '');
  if (idText.length < 4) return { tokens };
  return { tokens, alsoId: (id) => id.slice(id.indexOf(':') + 1).toLowerCase().includes(idText) };
}

/** A piece of text, and whether it is (part of) a word the query matched. */
export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Cuts `text` into parts, marking the start of each word that a token matches (the part the
 * user typed: "trans" marks "Trans" of "Transformers"). Case and accents fold as in the index;
 * the parts join back into `text` unchanged.
 */
export function highlightParts(text: string, tokens: readonly string[]): TextPart[] {
  if (tokens.length === 0 || text === '') return [{ text, match: false }];
  const parts: TextPart[] = [];
  let plainFrom = 0;
  for (const found of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = found[0];
    const start = found.index;
    const folded = foldText(word);
    let best = 0;
    for (const token of tokens) if (token.length > best && folded.startsWith(token)) best = token.length;
    if (best === 0) continue;
    const end = start + originalLength(word, best);
    if (start > plainFrom) parts.push({ text: text.slice(plainFrom, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    plainFrom = end;
  }
  if (plainFrom < text.length) parts.push({ text: text.slice(plainFrom), match: false });
  return parts;
}

/** How many characters of `word` fold to its first `foldedLength` characters ("Éco" → 3 for "eco"). */
function originalLength(word: string, foldedLength: number): number {
  let folded = 0;
  let length = 0;
  for (const char of word) {
    if (folded >= foldedLength && foldText(char) !== '') break;
    folded += foldText(char).length;
    length += char.length;
  }
  return length;
}

/**
 * A short piece of `text` to show in a list: its beginning, or, when the query matches further
 * on, the words around the first match, with an ellipsis where text was cut.
 */
export function excerpt(text: string, tokens: readonly string[], maxLength = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  let from = 0;
  if (tokens.length > 0) {
    let first = -1;
    let at = 0;
    for (const part of highlightParts(flat, tokens)) {
      if (part.match) {
        first = at;
        break;
      }
      at += part.text.length;
    }
    // Keep the match in view, with a little context before it, starting at a word.
    if (first > maxLength * 0.6) {
      const space = flat.lastIndexOf(' ', first - 20);
      from = Math.min(space > 0 ? space + 1 : first, flat.length - maxLength);
    }
  }
  const end = from + maxLength;
  const cutAt = flat.lastIndexOf(' ', end);
  const piece = flat.slice(from, cutAt > from + maxLength * 0.6 ? cutAt : end);
  return `${from > 0 ? '…' : ''}${piece}${from + piece.length < flat.length ? '…' : ''}`;
}
