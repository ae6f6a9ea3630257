import Papa from 'papaparse';
import type { PaperRecord } from '../store/db';
import { arxivIdOf, paperLinks } from '../paper';
import { paperYear } from './bibtex';
import { paperDoi, paperUrl } from './link';
import { tagNames } from '../tags';

/**
 * A spreadsheet of papers: RFC 4180 (quoting and CRLF line ends by papaparse), UTF-8 with a byte
 * order mark so Excel reads accents, one row per paper. Times are ISO 8601 in UTC.
 */

export const CSV_COLUMNS = [
  'id', 'arxiv_id', 'doi', 'other_ids', 'title', 'authors', 'venue', 'year', 'date', 'primary_category',
  'url', 'pdf_url', 'starred', 'starred_at', 'read', 'read_at', 'in_queue', 'queued_at',
  'note', 'note_updated_at', 'added_at', 'tags',
] as const;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return
 * that some spreadsheets skip before one) gets a leading apostrophe, which shows it as text
 * (OWASP's advice). papaparse's own `escapeFormulae: true` misses multi-line cells (its pattern
 * ends in `.*$` without the s flag), so the pattern here looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const BOM = '\uFEFF';

function iso(time: number | undefined): string {
  return time === undefined ? '' : new Date(time).toISOString();
}

function row(paper: PaperRecord): string[] {
  return [
    paper.id,
    arxivIdOf(paper.id) ?? '',
    paperDoi(paper) ?? '',
    (paper.aliases ?? []).join('; '),
    paper.title,
    paper.authors.join('; '),
    paper.venue ?? '',
    paperYear(paper) ?? '',
    paper.date ?? '',
    paper.primaryCategory ?? '',
    paperUrl(paper) ?? '',
    paper.links.pdf ?? paperLinks(paper.id).pdf ?? '',
    paper.starredAt !== undefined ? 'yes' : 'no',
    iso(paper.starredAt),
    paper.readAt !== undefined ? 'yes' : 'no',
    iso(paper.readAt),
    paper.queuePos !== undefined ? 'yes' : 'no',
    iso(paper.queuedAt),
    paper.note,
    iso(paper.noteUpdatedAt),
    iso(paper.createdAt),
    tagNames(paper).join('; '),
  ];
}

export function toCsv(papers: readonly PaperRecord[]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...CSV_COLUMNS], data: papers.map(row) },
      { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
    ) +
    '\r\n'
  );
}
