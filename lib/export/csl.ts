import type { PaperRecord } from '../store/db';
import { arxivIdOf } from '../paper';
import { nameParts } from './authors';
import { citationKeys, paperYear } from './bibtex';
import { paperDoi, paperUrl } from './link';
import { tagNames } from '../tags';

/**
 * CSL-JSON, the data format of citation processors (citeproc-js, Pandoc, Zotero's and Mendeley's
 * importers): an array of items, every author kept with family and given names. arXiv papers are
 * written the way Zotero writes preprints (type `article`, publisher arXiv, number `arXiv:<id>`,
 * the arXiv DOI); the user's note goes in `annote`, which styles do not print.
 */

export interface CslOptions {
  abstracts?: boolean;
}

export interface CslItemOut {
  id: string;
  type: string;
  'citation-key': string;
  title: string;
  author?: ({ family: string; given?: string; suffix?: string } | { literal: string })[];
  issued?: { 'date-parts': number[][] };
  DOI?: string;
  URL?: string;
  publisher?: string;
  number?: string;
  abstract?: string;
  /** The user's tags, comma-separated (CSL's `keyword`; Zotero imports it as tags). */
  keyword?: string;
  annote?: string;
}

export function cslItem(paper: PaperRecord, key: string, options: CslOptions = {}): CslItemOut {
  const arxivId = arxivIdOf(paper.id);
  const item: CslItemOut = { id: key, type: arxivId ? 'article' : paper.journalRef ? 'article-journal' : 'article', 'citation-key': key, title: paper.title };
  if (paper.authors.length > 0) {
    item.author = paper.authors.map((author) => {
      const parts = nameParts(author);
      return parts.given || parts.suffix ? parts : { literal: author.trim() };
    });
  }
  const issued = dateParts(paper);
  if (issued) item.issued = { 'date-parts': [issued] };
  const doi = paperDoi(paper);
  if (doi) item.DOI = doi;
  const url = paperUrl(paper);
  if (url) item.URL = url;
  if (arxivId) {
    item.publisher = 'arXiv';
    item.number = `arXiv:${arxivId}`;
  }
  if (options.abstracts && paper.abstract?.trim()) item.abstract = paper.abstract.trim();
  const tags = tagNames(paper);
  if (tags.length > 0) item.keyword = tags.join(', ');
  if (paper.note.trim() !== '') item.annote = paper.note;
  return item;
}

/** [year, month, day] from the stored date, else the year alone (an arXiv id's year of submission). */
function dateParts(paper: PaperRecord): number[] | undefined {
  const full = paper.date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(paper.date);
  if (full) return [Number(full[1]), Number(full[2]), Number(full[3])];
  const year = paperYear(paper);
  return year ? [Number(year)] : undefined;
}

/** A .json file: the items in the given order, with the same keys as a BibTeX export of the same papers. */
export function toCslJson(papers: readonly PaperRecord[], options: CslOptions = {}): string {
  const keys = citationKeys(papers);
  return `${JSON.stringify(papers.map((paper) => cslItem(paper, keys.get(paper.id)!, options)), null, 2)}\n`;
}
