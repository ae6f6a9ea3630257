import { TAG_LIMITS } from './limits';
import type { TagEntry } from './store/db';

/**
 * Tags: short names the user gives papers. Matching ignores case ("LLM" and "llm" are one tag, its
 * key `tagKey`); a tag is shown as first written. Pure and small: the content script imports it
 * (completion on a card), as do the store and the exports.
 */

/** What separates tags typed in a field: a comma, or Chinese's full-width comma "，" and enumeration comma "、". */
export const TAG_SEPARATORS = /[,，、]/;

/** Characters a tag name never holds: controls and invisible ones (as lib/bounds.ts), and the separators and `"`, which separate and quote tags where they are typed. */
const NOT_IN_NAME = /[\p{Cf}\p{Cc}\u115f\u1160\u3164\uffa0,，、"]/gu;

/** A tag name as stored: whitespace collapsed, separators and invisible characters removed, at most TAG_LIMITS.name characters; '' when nothing is left. */
export function cleanTagName(input: string): string {
  const name = input.replace(NOT_IN_NAME, ' ').replace(/\s+/g, ' ').trim();
  if (name.length <= TAG_LIMITS.name) return name;
  const cut = /[\uD800-\uDBFF]/.test(name[TAG_LIMITS.name - 1]!) ? TAG_LIMITS.name - 1 : TAG_LIMITS.name;
  return name.slice(0, cut).trim();
}

/** What tags match by: the name in Unicode's composed form, lower-cased. */
export function tagKey(name: string): string {
  return cleanTagName(name).normalize('NFC').toLowerCase();
}

/** The names of a paper's tags (those on it, not the removed), in key order. */
export function tagNames(paper: { tags?: readonly TagEntry[] }): string[] {
  return (paper.tags ?? []).filter((entry) => !entry.removed).map((entry) => entry.name);
}

/** The tags typed in a field, comma-separated ("llm, Reading group", "大模型，阅读小组"), cleaned, one per key, in order. */
export function parseTagList(input: string): string[] {
  const names = new Map<string, string>();
  for (const part of input.split(TAG_SEPARATORS)) {
    const name = cleanTagName(part);
    if (name && !names.has(tagKey(name))) names.set(tagKey(name), name);
  }
  return [...names.values()];
}

/** Existing names that start with what is typed (case ignored), for completion: at most `limit`, the typed one excluded. */
export function completeTag(typed: string, names: readonly string[], limit = 8): string[] {
  const key = tagKey(typed);
  return names.filter((name) => tagKey(name).startsWith(key) && tagKey(name) !== key).slice(0, limit);
}

/**
 * One form for a paper's tags: sorted by key, plain entries, at most TAG_LIMITS.entries (beyond,
 * the oldest removals are forgotten first); undefined when none.
 */
export function tidyTags(tags: readonly TagEntry[] | undefined): TagEntry[] | undefined {
  if (!tags || tags.length === 0) return undefined;
  let kept = tags.map(({ name, at, by, removed }) => (removed ? { name, at, by, removed } : { name, at, by }));
  if (kept.length > TAG_LIMITS.entries) {
    const removals = kept.filter((entry) => entry.removed).sort((a, b) => a.at - b.at || (a.by < b.by ? -1 : 1));
    const drop = new Set(removals.slice(0, kept.length - TAG_LIMITS.entries));
    kept = kept.filter((entry) => !drop.has(entry));
  }
  return kept.sort((a, b) => (tagKey(a.name) < tagKey(b.name) ? -1 : tagKey(a.name) > tagKey(b.name) ? 1 : 0));
}

/**
 * Tags read from a file (a backup, the sync folder), as Shelfmark keeps them: names cleaned (an
 * entry left without one dropped), one entry per tag (the later), at most TAG_LIMITS.perPaper on.
 */
export function boundTags(tags: readonly TagEntry[] | undefined): TagEntry[] | undefined {
  const byKey = new Map<string, TagEntry>();
  for (const entry of tags ?? []) {
    const name = cleanTagName(entry.name);
    if (!name) continue;
    const other = byKey.get(tagKey(name));
    if (!other || entry.at > other.at || (entry.at === other.at && entry.by > other.by)) byKey.set(tagKey(name), { ...entry, name });
  }
  let on = 0;
  const kept = [...byKey.values()].sort((a, b) => b.at - a.at).filter((entry) => entry.removed || ++on <= TAG_LIMITS.perPaper);
  return tidyTags(kept);
}
