import type { PaperRecord } from '../store/db';
import { arxivIdOf, arxivLinks, cleanText } from '../paper';
import { nameParts } from './authors';
import { citationKeys, paperYear } from './bibtex';
import { paperDoi, paperUrl } from './link';
import { tagNames } from '../tags';

/**
 * RIS, the tagged format EndNote, Zotero, Mendeley and most library catalogues read: one record
 * per paper (`TY` to `ER`), a tag, two spaces, a hyphen and a space, then the value; CRLF line
 * ends. arXiv papers are unpublished works (`UNPB`, as Zotero and EndNote export preprints) with
 * publisher arXiv and the arXiv id as accession number; every author is kept, "Family, Given".
 * RIS has no escaping and readers differ on continuation lines (some trim them, so a note line
 * "ER  - " would end the record): every value is written on one line, a note's line breaks as spaces.
 */

export interface RisOptions {
  abstracts?: boolean;
}

const CRLF = '\r\n';

/** One tag and its value, on one line. */
function tag(name: string, value: string): string {
  return `${name}  - ${cleanText(value)}`;
}

export function risRecord(paper: PaperRecord, key: string, options: RisOptions = {}): string {
  const arxivId = arxivIdOf(paper.id);
  const lines = [tag('TY', arxivId ? 'UNPB' : paper.journalRef ? 'JOUR' : 'GEN'), tag('ID', key), tag('TI', paper.title)];
  for (const author of paper.authors) {
    const { family, given, suffix } = nameParts(author);
    lines.push(tag('AU', [family, given, suffix].filter(Boolean).join(', ')));
  }
  const year = paperYear(paper);
  if (year) lines.push(tag('PY', year));
  if (paper.date && /^\d{4}-\d{2}-\d{2}$/.test(paper.date)) lines.push(tag('DA', paper.date.replaceAll('-', '/')));
  if (paper.journalRef) lines.push(tag('JO', paper.journalRef));
  if (arxivId) lines.push(tag('PB', 'arXiv'), tag('AN', `arXiv:${arxivId}`));
  const doi = paperDoi(paper);
  if (doi) lines.push(tag('DO', doi));
  const url = paperUrl(paper);
  if (url) lines.push(tag('UR', url));
  if (arxivId) lines.push(tag('L1', arxivLinks(arxivId).pdf));
  for (const category of paper.categories ?? (paper.primaryCategory ? [paper.primaryCategory] : [])) lines.push(tag('KW', category));
  for (const name of tagNames(paper)) lines.push(tag('KW', name));
  if (options.abstracts && paper.abstract?.trim()) lines.push(tag('AB', paper.abstract));
  if (paper.note.trim() !== '') lines.push(tag('N1', paper.note));
  lines.push('ER  - ');
  return lines.join(CRLF) + CRLF;
}

/** A .ris file: one record per paper in the given order, a blank line between records. */
export function toRis(papers: readonly PaperRecord[], options: RisOptions = {}): string {
  const keys = citationKeys(papers);
  return papers.map((paper) => risRecord(paper, keys.get(paper.id)!, options)).join(CRLF);
}
