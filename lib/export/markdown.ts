import type { PaperRecord } from '../store/db';
import { arxivIdOf, arxivLinks, idLabel, paperLinks } from '../paper';
import { escapeMarkdown, markdownLink, markdownUrl, paperUrl } from './link';

/**
 * One Markdown document for a notes vault (Obsidian reads the front matter as properties): a
 * heading per paper with its link, then its authors, ids, date and state, then the note exactly as
 * the user wrote it (notes are the user's own Markdown; escaping them would change what they wrote).
 */

export interface MarkdownOptions {
  /** The document's title, e.g. "Starred papers". */
  title: string;
  exportedAt: Date;
}

export function toMarkdown(papers: readonly PaperRecord[], options: MarkdownOptions): string {
  const heading = `Shelfmark: ${options.title}`;
  const parts = [
    '---',
    `title: ${JSON.stringify(heading)}`, // a JSON string is a valid YAML double-quoted scalar
    `exported: ${options.exportedAt.toISOString()}`,
    `papers: ${papers.length}`,
    '---',
    '',
    `# ${escapeMarkdown(heading)}`,
    '',
    ...papers.map(paperSection),
  ];
  return parts.join('\n');
}

/** One paper: its heading, a short list of facts, and the note as written; ends with a line break. */
export function paperSection(paper: PaperRecord): string {
  const facts: string[] = [];
  if (paper.authors.length > 0) facts.push(`**Authors:** ${escapeMarkdown(paper.authors.join(', '))}`);
  else if (paper.authorCount) facts.push(`**Authors:** ${paper.authorCount} authors`);
  facts.push(idLine(paper));
  if (paper.venue) facts.push(`**Venue:** ${escapeMarkdown(paper.venue)}${paper.year ? ` (${paper.year})` : ''}`);
  if (paper.date) facts.push(`**Date:** ${paper.date}`);
  else if (paper.year && !paper.venue) facts.push(`**Year:** ${paper.year}`);
  facts.push(`**State:** ${stateText(paper)}`);

  const lines = [`## ${markdownLink(paper)}`, '', ...facts.map((fact) => `- ${fact}`), ''];
  if (paper.note.trim() !== '') lines.push(paper.note.replace(/\s+$/, ''), '');
  return lines.join('\n');
}

/** The paper's ids, each linked to its standard page where it has one: "ACL 2021.naacl-main.208 · dblp conf/…". */
function idLine(paper: PaperRecord): string {
  const arxivId = arxivIdOf(paper.id);
  if (!arxivId) {
    const ids = [paper.id, ...(paper.aliases ?? [])].map((id, i) => {
      const url = i === 0 ? paperUrl(paper) : paperLinks(id).abs;
      return url ? `[${escapeMarkdown(idLabel(id))}](${markdownUrl(url)})` : escapeMarkdown(idLabel(id));
    });
    const pdf = paper.links.pdf ?? paperLinks(paper.id).pdf;
    return `**Ids:** ${ids.join(' · ')}${pdf ? ` · [PDF](${markdownUrl(pdf)})` : ''}`;
  }
  const version = paper.version ? `v${paper.version}` : '';
  const standard = arxivLinks(arxivId);
  const links = [
    `[${arxivId}${version}](${standard.abs})`,
    `[PDF](${standard.pdf})`,
    ...(paper.links.huggingface ? [`[Hugging Face](${markdownUrl(paper.links.huggingface)})`] : []),
  ];
  return `**arXiv:** ${links.join(' · ')}`;
}

function stateText(paper: PaperRecord): string {
  return [
    paper.starredAt !== undefined ? 'starred' : 'not starred',
    paper.readAt !== undefined ? 'read' : 'unread',
    ...(paper.queuePos !== undefined ? ['in reading queue'] : []),
  ].join(' · ');
}
