import type { PaperRecord } from '../store/db';
import { doiOf, paperLinks, schemeOf, type PaperId } from '../paper';

/**
 * The page a paper link should open: its own page as a card linked it (arXiv abstract, Anthology
 * page, OpenReview forum, publisher), else the standard one of its id, else its Hugging Face page,
 * else where it was seen.
 */
export function paperUrl(paper: Pick<PaperRecord, 'id' | 'links' | 'seen'>): string | undefined {
  return paper.links.abs ?? paperLinks(paper.id).abs ?? paper.links.huggingface ?? paper.seen?.url;
}

/** What a paper's own page is called, by its id's scheme: "arXiv abstract", "ACL Anthology page". */
export function paperPageName(id: PaperId): { short: string; long: string } {
  switch (schemeOf(id)) {
    case 'arxiv':
      return { short: 'arXiv', long: 'arXiv abstract' };
    case 'acl':
      return { short: 'ACL', long: 'ACL Anthology page' };
    case 'doi':
      return { short: 'DOI', long: 'Publisher page (DOI)' };
    case 'openreview':
      return { short: 'OpenReview', long: 'OpenReview forum' };
    case 'cvf':
      return { short: 'CVF', long: 'CVF open access page' };
    case 'dblp':
      return { short: 'dblp', long: 'dblp record' };
    case 'pubmed':
      return { short: 'PubMed', long: 'PubMed record' };
    case 's2':
      return { short: 'S2', long: 'Semantic Scholar page' };
    default:
      return { short: 'Page', long: 'Paper page' };
  }
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

/** The paper's DOI: of its id (a DOI, or arXiv's own `10.48550/arXiv.<id>`), else of its first alias that is one. */
export function paperDoi(paper: Pick<PaperRecord, 'id' | 'aliases'>): string | undefined {
  for (const id of [paper.id, ...(paper.aliases ?? [])]) {
    const doi = doiOf(id);
    if (doi) return doi;
  }
  return undefined;
}
