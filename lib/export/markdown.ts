import type { PaperRecord } from '../store/db';
import { arxivIdOf, arxivLinks, cleanText, idLabel, paperLinks } from '../paper';
import { authorLine } from './authors';
import { tagNames } from '../tags';
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
  /** Adds each paper's stored abstract under its facts. */
  abstracts?: boolean;
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
    ...papers.map((paper) => paperSection(paper, options)),
  ];
  return parts.join('\n');
}

/** One paper: its heading, a short list of facts, the abstract if asked, and the note as written; ends with a line break. */
export function paperSection(paper: PaperRecord, options: Pick<MarkdownOptions, 'abstracts'> = {}): string {
  const lines = [`## ${markdownLink(paper)}`, '', ...paperFacts(paper).map((fact) => `- ${fact}`), ''];
  if (options.abstracts && paper.abstract?.trim()) lines.push(`> ${escapeMarkdown(cleanText(paper.abstract))}`, '');
  if (paper.note.trim() !== '') lines.push(paper.note.replace(/\s+$/, ''), '');
  return lines.join('\n');
}

/** Authors (long lists shortened), ids and links, date, state: one Markdown line each. */
export function paperFacts(paper: PaperRecord): string[] {
  const facts: string[] = [];
  const authors = authorLine(paper);
  if (authors) facts.push(`**Authors:** ${escapeMarkdown(authors)}`);
  facts.push(idLine(paper));
  if (paper.venue) facts.push(`**Venue:** ${escapeMarkdown(paper.venue)}${paper.year ? ` (${paper.year})` : ''}`);
  if (paper.date) facts.push(`**Date:** ${paper.date}`);
  else if (paper.year && !paper.venue) facts.push(`**Year:** ${paper.year}`);
  facts.push(`**State:** ${stateText(paper)}`);
  const tags = tagNames(paper).map(obsidianTag).filter(Boolean);
  if (tags.length > 0) facts.push(`**Tags:** ${tags.map((tag) => `#${tag}`).join(' ')}`);
  return facts;
}

/**
 * A tag as Obsidian (and most Markdown notes apps) read `#tag`: letters, digits, `_`, `-` and `/`
 * only, so spaces and other characters become `-` ("reading group" → `reading-group`); a tag of
 * digits only gets a leading `_` (Obsidian needs one character that is not a digit). '' when
 * nothing is left.
 */
export function obsidianTag(name: string): string {
  const safe = name.replace(/[^\p{L}\p{N}_\-/]+/gu, '-').replace(/-{2,}/g, '-').replace(/^[-/]+|[-/]+$/g, '');
  return /^\d+$/.test(safe) ? `_${safe}` : safe;
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
