import type { PaperRecord } from '../db';
import { arxivIdOf } from '../paper';

/** The page a paper link should open: its arXiv abstract, else its Hugging Face page, else where it was seen. */
export function paperUrl(paper: Pick<PaperRecord, 'id' | 'links' | 'seen'>): string | undefined {
  const arxivId = arxivIdOf(paper.id);
  return paper.links.abs ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : undefined) ?? paper.links.huggingface ?? paper.seen?.url;
}

/** `[Title](url)`, with the characters Markdown would read as syntax escaped in the title. */
export function markdownLink(paper: Pick<PaperRecord, 'id' | 'title' | 'links' | 'seen'>): string {
  const title = paper.title.replace(/([\\[\]`*_<>])/g, '\\$1');
  const url = paperUrl(paper);
  return url ? `[${title}](${url.replace(/[()\s]/g, encodeURIComponent)})` : title;
}
