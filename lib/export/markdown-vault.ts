import type { PaperRecord } from '../store/db';
import { arxivIdOf, cleanText } from '../paper';
import { shortAuthors } from './authors';
import { citationKeys, paperYear } from './bibtex';
import { escapeMarkdown, markdownLink, paperDoi, paperUrl } from './link';
import { obsidianTag, paperFacts } from './markdown';
import { tagNames } from '../tags';

/**
 * Markdown for a notes vault (Obsidian): one file per paper, its facts in YAML front matter (which
 * Obsidian shows as properties and Dataview queries), then its link, abstract and note. Written as
 * a zip (fflate, loaded only when this format is chosen) to unpack into the vault.
 */

export interface VaultOptions {
  exportedAt: Date;
  abstracts?: boolean;
}

export interface VaultFile {
  name: string;
  text: string;
}

/** A YAML scalar: a JSON string is a valid YAML double-quoted one, whatever it holds. */
const yaml = (value: string) => JSON.stringify(value);

/** Characters file systems or Obsidian's links refuse in a file name. */
const UNSAFE_NAME = /[\\/:*?"<>|#^[\]\u0000-\u001f\u007f]/g;
const NAME_LENGTH = 100;

/** A file name from the title, unique in the vault: a clash adds the paper's citation key. */
function fileName(title: string, key: string, taken: Set<string>): string {
  const base = cleanText(title.replace(UNSAFE_NAME, ' ')).slice(0, NAME_LENGTH).replace(/[. ]+$/, '') || key;
  let name = `${base}.md`;
  if (taken.has(name.toLowerCase())) name = `${base} (${key}).md`;
  taken.add(name.toLowerCase());
  return name;
}

/** One paper's note file: front matter, heading, facts, abstract (if asked), note. */
export function vaultNote(paper: PaperRecord, key: string, options: VaultOptions): string {
  const { names, total, shortened } = shortAuthors(paper);
  const arxivId = arxivIdOf(paper.id);
  const doi = paperDoi(paper);
  const url = paperUrl(paper);
  const year = paperYear(paper);
  // Obsidian's `tags` property takes the names it reads after `#`.
  const tags = tagNames(paper).map(obsidianTag).filter(Boolean);
  const front = [
    '---',
    `title: ${yaml(paper.title)}`,
    ...(names.length > 0 ? ['authors:', ...names.map((name) => `  - ${yaml(name)}`)] : []),
    ...(shortened ? [`author_count: ${total}`] : []),
    ...(year ? [`year: ${year}`] : []),
    ...(paper.date ? [`date: ${paper.date}`] : []),
    `id: ${yaml(paper.id)}`,
    ...(arxivId ? [`arxiv: ${yaml(arxivId)}`] : []),
    ...(doi ? [`doi: ${yaml(doi)}`] : []),
    ...(url ? [`url: ${yaml(url)}`] : []),
    `citekey: ${yaml(key)}`,
    ...(tags.length > 0 ? ['tags:', ...tags.map((tag) => `  - ${yaml(tag)}`)] : []),
    `starred: ${paper.starredAt !== undefined}`,
    `read: ${paper.readAt !== undefined}`,
    `queued: ${paper.queuePos !== undefined}`,
    `added: ${new Date(paper.createdAt).toISOString().slice(0, 10)}`,
    `exported: ${options.exportedAt.toISOString()}`,
    '---',
  ];
  const body = [`# ${escapeMarkdown(paper.title)}`, '', markdownLink(paper), '', ...paperFacts(paper).map((fact) => `- ${fact}`), ''];
  if (options.abstracts && paper.abstract?.trim()) body.push('## Abstract', '', escapeMarkdown(cleanText(paper.abstract)), '');
  if (paper.note.trim() !== '') body.push('## Note', '', paper.note.replace(/\s+$/, ''), '');
  return [...front, '', ...body].join('\n');
}

/** The vault's files, one per paper, names unique (case-insensitively, for macOS and Windows). */
export function vaultFiles(papers: readonly PaperRecord[], options: VaultOptions): VaultFile[] {
  const keys = citationKeys(papers);
  const taken = new Set<string>();
  return papers.map((paper) => {
    const key = keys.get(paper.id)!;
    return { name: fileName(paper.title, key, taken), text: vaultNote(paper, key, options) };
  });
}

const ZIP_FIRST_DAY = new Date(1980, 0, 2).getTime();
const ZIP_LAST_DAY = new Date(2099, 11, 30).getTime();

/** The vault as a zip archive. */
export async function toMarkdownVault(papers: readonly PaperRecord[], options: VaultOptions): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate');
  const files = Object.fromEntries(vaultFiles(papers, options).map((file) => [file.name, strToU8(file.text)]));
  // A zip's dates run from 1980 to 2107 (fflate takes to 2099): a clock outside them gets the nearest.
  const time = Math.min(Math.max(options.exportedAt.getTime(), ZIP_FIRST_DAY), ZIP_LAST_DAY);
  return zipSync(files, { level: 6, mtime: new Date(time) });
}
