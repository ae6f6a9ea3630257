import type { PaperRecord } from '../store/db';

/**
 * Author names in exports. Shelfmark stores names as a page shows them ("Ada Lovelace", sometimes
 * "Lovelace, Ada"); formats that want parts (CSL-JSON, RIS, citation keys) split them here.
 *
 * Long lists are shortened where a person reads them (Markdown, BibTeX): a paper with more than
 * AUTHORS_IN_FULL authors (a 300-author technical report) shows its first AUTHORS_KEPT, then "et
 * al." and how many there are. Data formats for other programs (CSL-JSON, RIS, CSV, the JSON
 * backup) keep every name.
 */

export const AUTHORS_IN_FULL = 10;
export const AUTHORS_KEPT = 3;

type Authors = Pick<PaperRecord, 'authors' | 'authorCount'>;

export interface ShortAuthors {
  names: string[];
  /** How many authors the paper has (when a page named only some, the count it gave). */
  total: number;
  /** True when `names` are not all of them. */
  shortened: boolean;
}

/** The names to print and how many authors there are. */
export function shortAuthors(paper: Authors): ShortAuthors {
  const total = Math.max(paper.authors.length, paper.authorCount ?? 0);
  const names = paper.authors.length > AUTHORS_IN_FULL ? paper.authors.slice(0, AUTHORS_KEPT) : [...paper.authors];
  return { names, total, shortened: names.length < total };
}

/** "Ada Lovelace, Alan Turing, Grace Hopper et al. (42 authors)", or every name when there are few. */
export function authorLine(paper: Authors): string {
  const { names, total, shortened } = shortAuthors(paper);
  if (names.length === 0) return total > 0 ? `${total} authors` : '';
  return shortened ? `${names.join(', ')} et al. (${total} authors)` : names.join(', ');
}

const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;
/** Lower-case words before a family name that belong to it: "van der Berg", "de la Cruz". */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|la|le|dos|das|ter|ten|zu|bin|al|el)$/;

export interface NameParts {
  family: string;
  given?: string;
  suffix?: string;
}

/**
 * "Ada Lovelace" → Lovelace / Ada; "Lovelace, Ada" → the same; "Jan van der Berg" → "van der Berg" / Jan;
 * "Martin Luther King Jr." → King / Martin Luther / Jr.; a single word is a family name.
 */
export function nameParts(author: string): NameParts {
  const name = author.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  if (comma !== -1) {
    const given = name.slice(comma + 1).trim();
    return given ? { family: name.slice(0, comma).trim(), given } : { family: name.slice(0, comma).trim() };
  }
  const words = name.split(' ');
  let suffix: string | undefined;
  if (words.length > 1 && NAME_SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  let start = words.length - 1;
  while (start > 1 && PARTICLE.test(words[start - 1]!)) start--;
  const parts: NameParts = { family: words.slice(start).join(' ') };
  if (start > 0) parts.given = words.slice(0, start).join(' ');
  if (suffix) parts.suffix = suffix;
  return parts;
}

/** The family name alone, without particles: what a citation key starts with. */
export function lastName(author: string): string {
  const { family } = nameParts(author);
  return family.split(' ').filter((word) => !PARTICLE.test(word)).join(' ') || family;
}
