import type { PaperRecord } from '../store/db';
import { doiOf, paperLinks, schemeOf, type PaperId } from '../paper';
import { t } from '../i18n';

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
      return { short: 'arXiv', long: t('rowArxivAbstract') };
    case 'acl':
      return { short: 'ACL', long: t('pageAcl') };
    case 'doi':
      return { short: 'DOI', long: t('pageDoi') };
    case 'openreview':
      return { short: 'OpenReview', long: t('pageOpenReview') };
    case 'cvf':
      return { short: 'CVF', long: t('pageCvf') };
    case 'dblp':
      return { short: 'dblp', long: t('pageDblp') };
    case 'pubmed':
      return { short: 'PubMed', long: t('pagePubmed') };
    case 's2':
      return { short: 'S2', long: t('pageS2') };
    default:
      return { short: t('pageShort'), long: t('pagePaper') };
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
