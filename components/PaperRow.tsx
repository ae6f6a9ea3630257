import type { PaperRecord } from '@/lib/db';
import { arxivIdOf } from '@/lib/paper';

/** The best page to open for a paper: where it was last seen, else its arXiv abstract. */
export function paperHref(paper: PaperRecord): string | undefined {
  return paper.links.huggingface ?? paper.links.abs ?? paper.seen?.url;
}

export function PaperRow({ paper }: { paper: PaperRecord }) {
  const href = paperHref(paper);
  const arxivId = arxivIdOf(paper.id);
  return (
    <li class="paper-row" data-paper-id={paper.id}>
      <a class="paper-title" href={href} target="_blank" rel="noreferrer">
        {paper.title}
      </a>
      <div class="paper-meta">
        {paper.authors.length > 0 && <span class="authors">{formatAuthors(paper.authors)}</span>}
        {arxivId && <span class="arxiv-id">arXiv:{arxivId}</span>}
      </div>
    </li>
  );
}

export function formatAuthors(authors: readonly string[], shown = 3): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} +${authors.length - shown}`;
}
