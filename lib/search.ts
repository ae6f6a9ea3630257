/**
 * Search tokens: lower-cased, accents folded, split into words. Stored on each record as a
 * multi-entry index (`*words`) so that a word-prefix search is an index range scan, not a scan of
 * every paper.
 */

/** Longest token kept: long enough for real words, short enough to keep the index small. */
const MAX_TOKEN_LENGTH = 40;

/** Folds case and accents: "Émile Zoë" → "emile zoe". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The distinct words of `text`, folded. */
export function tokenize(text: string): string[] {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_TOKEN_LENGTH)))];
}

/** The search tokens of a paper: its title, authors and note. */
export function paperWords(paper: { title: string; authors: readonly string[]; note: string }): string[] {
  return tokenize(`${paper.title} ${paper.authors.join(' ')} ${paper.note}`);
}
