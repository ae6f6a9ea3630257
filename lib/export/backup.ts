import type { PaperRecord } from '../store/db';

/**
 * The JSON backup: a versioned envelope around every stored field of every paper, so that
 * importing it restores the library exactly (lib/export/backup-import.ts reads it back).
 * `words` is left out: it is the search index, derived from the title, authors and note, and
 * recomputed on import (an imported index is never trusted).
 *
 * Version history (bump BACKUP_VERSION when a stored field changes meaning or a required one is
 * added; an older Shelfmark then refuses the file instead of dropping what it does not know):
 *   1  PaperRecord of database versions 1 and 2 (arXiv ids only).
 *   2  PaperRecord of database versions 3 and 4: adds sync's fields (changedBy, metaAt, noteBase, and
 *      keptNotes, notes kept from conflicts, which an older Shelfmark would drop).
 *   3  PaperRecord of database version 5: ids of every scheme (`acl:`, `doi:`, `openreview:`, …),
 *      `aliases` (a paper's other ids), `venue` and `year`. An older Shelfmark would drop the
 *      aliases, so it must refuse the file. Versions 1 and 2 still import (they are version 3
 *      files without those fields).
 *   4  PaperRecord of database version 7: adds tags (one entry per tag, with its stamp, merged per tag).
 */

export const BACKUP_FORMAT = 'shelfmark-backup';
export const BACKUP_VERSION = 4;

/**
 * The backup version that describes the records each database version stores (a snapshot keeps
 * records as stored, lib/store/snapshots.ts). A schema version that changes what a record holds
 * bumps BACKUP_VERSION and maps to it here; test/unit/db-migrations.test.ts checks every version has one.
 */
export const BACKUP_VERSION_OF_SCHEMA: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4 };

export type BackupPaper = Omit<PaperRecord, 'words' | 'actedAt'>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  papers: BackupPaper[];
}

export function backupPaper(record: PaperRecord): BackupPaper {
  // The search index is derived; when the user acted orders this device's actions only.
  const { words: _index, actedAt: _acted, ...paper } = record;
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
