import type { PaperRecord } from '../store/db';
import { toBackup } from './backup';
import { toBibtex } from './bibtex';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { scopeLabel, type ExportScope } from './scope';

export type ExportFormat = 'bibtex' | 'markdown' | 'csv' | 'json';

export interface ExportContext {
  scope: ExportScope;
  now: Date;
}

export interface FormatSpec {
  format: ExportFormat;
  label: string;
  extension: string;
  mimeType: string;
  serialize(papers: readonly PaperRecord[], context: ExportContext): string;
}

export const FORMATS: readonly FormatSpec[] = [
  {
    format: 'bibtex',
    label: 'BibTeX (.bib)',
    extension: 'bib',
    mimeType: 'application/x-bibtex;charset=utf-8',
    serialize: (papers) => toBibtex(papers),
  },
  {
    format: 'markdown',
    label: 'Markdown (.md)',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    serialize: (papers, { scope, now }) => toMarkdown(papers, { title: scopeLabel(scope), exportedAt: now }),
  },
  {
    format: 'csv',
    label: 'CSV spreadsheet (.csv)',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    serialize: (papers) => toCsv(papers),
  },
  {
    format: 'json',
    label: 'JSON backup (.json)',
    extension: 'json',
    mimeType: 'application/json;charset=utf-8',
    serialize: (papers, { now }) => toBackup(papers, now),
  },
];

export function formatSpec(format: ExportFormat): FormatSpec {
  return FORMATS.find((spec) => spec.format === format)!;
}

/** The user's calendar date, YYYY-MM-DD (not UTC: a file saved at 23:30 is named after that day). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `shelfmark-<scope>-<yyyy-mm-dd>.<ext>`, e.g. `shelfmark-notes-2026-11-27.md`. */
export function exportFileName(scope: ExportScope, format: ExportFormat, now: Date): string {
  return `shelfmark-${scope}-${localDate(now)}.${formatSpec(format).extension}`;
}

export interface ExportFile {
  name: string;
  mimeType: string;
  text: string;
}

export function exportFile(papers: readonly PaperRecord[], format: ExportFormat, context: ExportContext): ExportFile {
  const spec = formatSpec(format);
  return { name: exportFileName(context.scope, format, context.now), mimeType: spec.mimeType, text: spec.serialize(papers, context) };
}
