import type { PaperRecord } from '../store/db';
import { arxivIdOf, arxivLinks } from '../paper';

/** The page a paper link should open: its arXiv abstract, else its Hugging Face page, else where it was seen. */
export function paperUrl(paper: Pick<PaperRecord, 'id' | 'links' | 'seen'>): string | undefined {
  const arxivId = arxivIdOf(paper.id);
  return paper.links.abs ?? (arxivId ? arxivLinks(arxivId).abs : undefined) ?? paper.links.huggingface ?? paper.seen?.url;
}

/**
 * Escapes the characters Markdown would read as syntax in inline text (titles, author names),
 * including Obsidian's: `$` (math), `~` (strikethrough), `#` (tags). Each is a CommonMark
 * backslash escape, so every renderer shows the character itself.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\[\]`*_<>$~#])/g, '\\$1');
}

/** A URL as a Markdown link target: parentheses and whitespace would end it early. */
export function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, encodeURIComponent);
}

/** `[Title](url)`, with the characters Markdown would read as syntax escaped in the title. */
export function markdownLink(paper: Pick<PaperRecord, 'id' | 'title' | 'links' | 'seen'>): string {
  const title = escapeMarkdown(paper.title);
  const url = paperUrl(paper);
  return url ? `[${title}](${markdownUrl(url)})` : title;
}

/** The paper's DOI: arXiv's own for arXiv papers (`10.48550/arXiv.<id>`), the id's for `doi:` ids. */
export function paperDoi(paper: Pick<PaperRecord, 'id'>): string | undefined {
  const arxivId = arxivIdOf(paper.id);
  if (arxivId) return `10.48550/arXiv.${arxivId}`;
  return paper.id.startsWith('doi:') ? paper.id.slice('doi:'.length) : undefined;
}
