import type { PaperRecord } from '../store/db';
import { toBackup } from './backup';
import { toBibtex } from './bibtex';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { scopeLabel, type ExportScope } from './scope';
import type { MessageKey } from '../i18n';
import { foldText } from '../store/search';

export type ExportFormat = 'bibtex' | 'ris' | 'csl' | 'markdown' | 'markdown-vault' | 'csv' | 'json';

export interface ExportContext {
  scope: ExportScope;
  /** The tag of the `tag` scope. */
  tag?: string;
  now: Date;
  /** Include each paper's stored abstract (formats whose spec says `abstracts`). */
  abstracts?: boolean;
}

export interface FormatSpec {
  format: ExportFormat;
  /** Its name in the export menu, a key of the catalogues. */
  label: MessageKey;
  extension: string;
  mimeType: string;
  /** True when the format can carry abstracts: the export menu then offers the option. */
  abstracts: boolean;
  /** The formats added for reference managers load on first use, so the popup does not carry them. */
  serialize(papers: readonly PaperRecord[], context: ExportContext): string | Promise<string | Uint8Array>;
}

export const FORMATS: readonly FormatSpec[] = [
  {
    format: 'bibtex',
    label: 'formatBibtex',
    extension: 'bib',
    mimeType: 'application/x-bibtex;charset=utf-8',
    abstracts: true,
    serialize: (papers, { abstracts }) => toBibtex(papers, { abstracts }),
  },
  {
    format: 'ris',
    label: 'formatRis',
    extension: 'ris',
    mimeType: 'application/x-research-info-systems;charset=utf-8',
    abstracts: true,
    serialize: async (papers, { abstracts }) => (await import('./ris')).toRis(papers, { abstracts }),
  },
  {
    format: 'csl',
    label: 'formatCsl',
    extension: 'csl.json',
    mimeType: 'application/vnd.citationstyles.csl+json;charset=utf-8',
    abstracts: true,
    serialize: async (papers, { abstracts }) => (await import('./csl')).toCslJson(papers, { abstracts }),
  },
  {
    format: 'markdown',
    label: 'formatMarkdown',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    abstracts: true,
    serialize: (papers, { scope, tag, now, abstracts }) => toMarkdown(papers, { title: scopeLabel(scope, tag), exportedAt: now, abstracts }),
  },
  {
    format: 'markdown-vault',
    label: 'formatMarkdownVault',
    extension: 'zip',
    mimeType: 'application/zip',
    abstracts: true,
    serialize: async (papers, { now, abstracts }) => (await import('./markdown-vault')).toMarkdownVault(papers, { exportedAt: now, abstracts }),
  },
  {
    format: 'csv',
    label: 'formatCsv',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    abstracts: false,
    serialize: (papers) => toCsv(papers),
  },
  {
    format: 'json',
    label: 'formatJson',
    extension: 'json',
    mimeType: 'application/json;charset=utf-8',
    abstracts: false,
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

/** `shelfmark-<scope>-<yyyy-mm-dd>.<ext>`, e.g. `shelfmark-notes-2026-11-27.md`; a tag's papers `shelfmark-tag-reading-group-…`. */
export function exportFileName(scope: ExportScope, format: ExportFormat, now: Date, tag?: string): string {
  const name = scope === 'tag' ? `tag-${foldText(tag ?? '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'tag'}` : scope;
  return `shelfmark-${name}-${localDate(now)}.${formatSpec(format).extension}`;
}

export interface ExportFile {
  name: string;
  mimeType: string;
  /** Text for the text formats, bytes for the zip. */
  data: string | Uint8Array;
}

export async function exportFile(papers: readonly PaperRecord[], format: ExportFormat, context: ExportContext): Promise<ExportFile> {
  const spec = formatSpec(format);
  return { name: exportFileName(context.scope, format, context.now, context.tag), mimeType: spec.mimeType, data: await spec.serialize(papers, context) };
}
