import type { PaperRecord } from '../store/db';

/**
 * The JSON backup: a versioned envelope around every stored field of every paper, so that
 * importing it restores the library exactly (lib/export/backup-import.ts reads it back).
 * `words` is left out: it is the search index, derived from the title, authors and note, and
 * recomputed on import (an imported index is never trusted).
 *
 * Version history (bump BACKUP_VERSION when a stored field changes meaning or a required one is
 * added; an older Shelfmark then refuses the file instead of dropping what it does not know):
 *   1  PaperRecord of database version 1 (arXiv ids only).
 *   2  Ids of every scheme (`acl:`, `doi:`, `openreview:`, …), `aliases` (a paper's other ids),
 *      `venue` and `year`. An older Shelfmark would drop the aliases, so it must refuse the file. Version 1
 *      files still import (they are version 2 files without those fields).
 */

export const BACKUP_FORMAT = 'shelfmark-backup';
export const BACKUP_VERSION = 2;

export type BackupPaper = Omit<PaperRecord, 'words'>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  papers: BackupPaper[];
}

export function backupPaper(record: PaperRecord): BackupPaper {
  const { words: _index, ...paper } = record;
  return paper;
}

/**
 * One paper per line: compact (a backup of 10,000 papers with abstracts is about 20 MB), yet
 * readable and friendly to line-based diffs.
 */
export function toBackup(papers: readonly PaperRecord[], exportedAt: Date): string {
  const envelope: Omit<Backup, 'papers'> = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString() };
  const head = JSON.stringify(envelope, null, 2).replace(/\n}$/, ',\n  "papers": [');
  if (papers.length === 0) return `${head}]\n}\n`;
  return `${head}\n${papers.map((paper) => `    ${JSON.stringify(backupPaper(paper))}`).join(',\n')}\n  ]\n}\n`;
}
