import type { PaperRecord } from '../store/db';
import { arxivIdOf, arxivLinks } from '../paper';
import { foldText, tokenize } from '../store/search';
import { tagNames } from '../tags';
import { lastName, shortAuthors } from './authors';
import { paperDoi, paperUrl } from './link';

/**
 * BibTeX for reference managers: one `@misc` entry per paper, arXiv papers with `eprint`,
 * `archivePrefix`, `primaryClass` and the arXiv DOI (what arXiv's own "Export BibTeX" gives, plus the
 * DOI); other papers with their DOI when one is known (their id or an alias), their page as `url`,
 * and where they were published as `howpublished`. Text is escaped so LaTeX prints it as written;
 * Unicode is kept as is (BibLaTeX/biber and every reference manager read UTF-8). The user's note
 * goes in `annote`, not `note`: styles print `note` in the bibliography, while `annote` is for the
 * reader (Zotero imports it as a note); the user's tags go in `keywords` (Zotero and JabRef import
 * them as tags).
 */

export type BibtexPaper = Pick<
  PaperRecord,
  'id' | 'title' | 'authors' | 'authorCount' | 'abstract' | 'date' | 'year' | 'venue' | 'aliases' | 'primaryCategory' | 'links' | 'seen' | 'note' | 'tags'
>;

export interface BibtexOptions {
  /** Adds the stored abstract as `abstract` (Zotero, JabRef and Mendeley import it). */
  abstracts?: boolean;
}

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In LaTeX's default font encoding these print as other glyphs (`<` as ¡, `|` as —).
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * Escapes what TeX would not print as written: its special characters, and the ligatures that turn
 * `--` into a dash and two quotes into a curly quote (an empty group `{}` breaks a ligature).
 * Unicode passes through.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>|]/g, (char) => SPECIAL[char]!).replace(/(-(?=-)|`(?=`)|'(?=')|[?!](?=`))/g, '$1{}');
}

/**
 * URLs and DOIs are read verbatim by BibTeX's url/doi fields (`%`, `_`, `#` must stay as they are);
 * only what would unbalance the braces, and spaces, are percent-encoded.
 */
function verbatim(url: string): string {
  return url.replace(/[{}\\\s]/g, (char) => encodeURIComponent(char));
}

/** Words a citation key skips when it picks the title's first significant word. */
const STOP_WORDS = new Set(
  ('a an the of on in for to and or with from by at as is are be via into over under towards toward ' +
    'about using what when why how do does can your our we you it its this that these those not no').split(' '),
);

/** Lower-case ASCII letters and digits only: every BibTeX and LaTeX version accepts them in keys. */
function keyPart(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

/** The year of first submission for arXiv papers (the id says it: 2407.21783 → 2024), else the year of publication, else the page's date. */
export function paperYear(paper: Pick<PaperRecord, 'id' | 'date' | 'year'>): string | undefined {
  const arxivId = arxivIdOf(paper.id);
  const yy = arxivId ? /^(?:[a-z-]+\/)?(\d{2})\d{2}/.exec(arxivId)?.[1] : undefined;
  if (yy !== undefined) return `${Number(yy) >= 91 ? '19' : '20'}${yy}`;
  if (paper.year) return String(paper.year);
  return paper.date ? paper.date.slice(0, 4) : undefined;
}

/** The key before collisions are settled: first author's last name, year, first significant title word. */
export function baseCitationKey(paper: Pick<PaperRecord, 'id' | 'title' | 'authors' | 'date' | 'year'>): string {
  const name = keyPart(lastName(paper.authors[0] ?? '')) || 'anon';
  const year = paperYear(paper) ?? 'nd';
  const word = tokenize(paper.title).map(keyPart).find((w) => w !== '' && !STOP_WORDS.has(w)) ?? '';
  return `${name}${year}${word}`;
}

/** a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let text = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) text = String.fromCharCode(97 + ((i - 1) % 26)) + text;
  return text;
}

/**
 * A unique key per paper. Papers that share a base key are put in id order (for arXiv ids, roughly
 * the order they were submitted): the first keeps the base key, the next get `a`, `b`, …. The keys
 * depend only on the set of papers, not on the order they are exported in, so exporting the same
 * set twice gives the same keys.
 */
export function citationKeys(papers: readonly Pick<PaperRecord, 'id' | 'title' | 'authors' | 'date' | 'year'>[]): Map<string, string> {
  return settleCitationKeys(papers.map((paper) => [paper.id, baseCitationKey(paper)]));
}

/** citationKeys from each paper's base key (the options page keeps them in its search index). */
export function settleCitationKeys(bases: Iterable<readonly [id: string, base: string]>): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const [id, base] of bases) {
    const group = groups.get(base);
    if (group) group.push(id);
    else groups.set(base, [id]);
  }
  const keys = new Map<string, string>();
  const taken = new Set(groups.keys());
  for (const base of [...groups.keys()].sort()) {
    const ids = groups.get(base)!.sort();
    keys.set(ids[0]!, base);
    let n = 0;
    for (const id of ids.slice(1)) {
      let key: string;
      // A suffixed key may itself be another paper's base key ("smith2020deep" + "a" vs "smith2020deepa").
      do key = base + suffix(n++);
      while (taken.has(key));
      taken.add(key);
      keys.set(id, key);
    }
  }
  return keys;
}

/**
 * Authors joined by " and ". A name that BibTeX would misread (one containing the word "and", or a
 * comma, which BibTeX reads as "Last, First") is braced so it stays one literal name. A long list
 * ends in BibTeX's own "and others", which styles print as "et al." (see lib/export/authors.ts).
 */
function authorList(paper: Pick<PaperRecord, 'authors' | 'authorCount'>): string {
  const { names, shortened } = shortAuthors(paper);
  const written = names.map((author) => {
    const escaped = escapeBibtex(author.trim());
    return /\band\b|,/i.test(author) ? `{${escaped}}` : escaped;
  });
  return [...written, ...(shortened ? ['others'] : [])].join(' and ');
}

/** One entry. `key` comes from citationKeys (for a single paper: its base key). */
export function bibtexEntry(paper: BibtexPaper, key = baseCitationKey(paper), options: BibtexOptions = {}): string {
  const arxivId = arxivIdOf(paper.id);
  const fields: [string, string][] = [
    // Double braces keep the title's capitals (model names, acronyms) in styles that lower-case titles.
    ['title', `{${escapeBibtex(paper.title)}}`],
  ];
  if (paper.authors.length > 0) fields.push(['author', authorList(paper)]);
  const year = paperYear(paper);
  if (year) fields.push(['year', year]);
  if (arxivId) {
    fields.push(['eprint', arxivId], ['archivePrefix', 'arXiv']);
    if (paper.primaryCategory) fields.push(['primaryClass', escapeBibtex(paper.primaryCategory)]);
  } else if (paper.venue) {
    fields.push(['howpublished', escapeBibtex(paper.venue)]);
  }
  const url = arxivId ? arxivLinks(arxivId).abs : paperUrl(paper);
  if (url) fields.push(['url', verbatim(url)]);
  const doi = paperDoi(paper);
  if (doi) fields.push(['doi', verbatim(doi)]);
  if (options.abstracts && paper.abstract?.trim()) fields.push(['abstract', escapeBibtex(paper.abstract.trim())]);
  // The user's tags as keywords, comma-separated (a tag has no comma). Reference managers read this
  // field verbatim (no TeX), so it is written as typed, without what would unbalance the braces.
  const tags = tagNames(paper).map((tag) => tag.replace(/[{}\\]/g, ''));
  if (tags.length > 0) fields.push(['keywords', tags.join(', ')]);
  if (paper.note.trim() !== '') fields.push(['annote', escapeBibtex(paper.note)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/** A .bib file: one entry per paper, in the given order, with unique keys. */
export function toBibtex(papers: readonly BibtexPaper[], options: BibtexOptions = {}): string {
  const keys = citationKeys(papers);
  return papers.map((paper) => bibtexEntry(paper, keys.get(paper.id), options)).join('\n');
}
