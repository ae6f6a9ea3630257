import { BackupPaperSchema, DeviceIdSchema, StampSchema } from '../export/backup-import';
import { CanonicalIdSchema } from '../messages';
import { z } from '../zod';
import { SyncError } from './errors';
import { t } from '../i18n';

/**
 * The files of the sync folder. One writer per file: a device writes only its own folder and reads
 * everyone's.
 *
 *   format.json                          what this folder is (written once, by whichever device comes first)
 *   devices/<deviceId>/device.json       the device's head: its name, last batch, snapshot and the batches after it
 *   devices/<deviceId>/log/<seq>.json    an immutable batch of changed papers
 *   devices/<deviceId>/snap/<seq>.json.gz  a compacted snapshot: the whole library as the device knew it at <seq>, gzip
 *
 * Every file read is validated whole (papers with the backup's schema); one that fails is refused
 * whole and nothing of it is applied. A batch holds papers whole (every group with its stamp), so
 * applying one twice, or out of order, changes nothing more (lib/store/merge.ts).
 */

export const SYNC_FORMAT = 'shelfmark-sync';
export const SYNC_VERSION = 1;
/** Papers per batch file; a push of more writes a snapshot instead. */
export const MAX_LOG_PAPERS = 2_000;
/** Batches a device keeps before it compacts them into a snapshot. */
export const MAX_LOGS = 64;

const seq = z.number().int().nonnegative();
const fileRef = z.object({ seq: seq, bytes: z.number().int().nonnegative() });
const version = z.number().int().min(1);

export const FormatFileSchema = z.object({ format: z.literal(SYNC_FORMAT), version });

export const EntrySchema = z
  .object({ id: CanonicalIdSchema, paper: BackupPaperSchema.optional(), deleted: StampSchema.optional() })
  .refine((entry) => !entry.paper || entry.paper.id === entry.id, { error: () => t('syncEntryIdMismatch') })
  .refine((entry) => entry.paper || entry.deleted, { error: () => t('syncEntryEmpty') });
export type Entry = z.infer<typeof EntrySchema>;

export const DeviceFileSchema = z.object({
  format: z.literal('shelfmark-sync-device'),
  version,
  deviceId: DeviceIdSchema,
  name: z.string().max(200),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The last batch or snapshot written: readers read up to here. */
  head: seq,
  snapshot: fileRef.optional(),
  /** The batches after the snapshot, with their sizes (a download of another size is cut off). */
  logs: z.array(fileRef).max(10_000),
});
export type DeviceFile = z.infer<typeof DeviceFileSchema>;

export const LogFileSchema = z.object({
  format: z.literal('shelfmark-sync-log'),
  version,
  deviceId: DeviceIdSchema,
  seq,
  entries: z.array(EntrySchema).max(MAX_LOG_PAPERS),
});

export const SnapshotFileSchema = z.object({
  format: z.literal('shelfmark-sync-snapshot'),
  version,
  deviceId: DeviceIdSchema,
  seq,
  /** How far into each other device's batches this snapshot's library goes. */
  cursors: z.record(DeviceIdSchema, seq),
  entries: z.array(EntrySchema).max(1_000_000),
});
export type SnapshotFile = z.infer<typeof SnapshotFileSchema>;

export const paths = {
  format: 'format.json',
  devices: 'devices',
  device: (id: string) => `devices/${id}`,
  deviceFile: (id: string) => `devices/${id}/device.json`,
  logs: (id: string) => `devices/${id}/log`,
  log: (id: string, n: number) => `devices/${id}/log/${n}.json`,
  snapshots: (id: string) => `devices/${id}/snap`,
  snapshot: (id: string, n: number) => `devices/${id}/snap/${n}.json.gz`,
};

export function encodeJson(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(value));
}

export async function gzip(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

/** Gunzips when the bytes are gzip (a server may also have decompressed them on the way: then they are JSON already). */
async function maybeGunzip(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  return new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/** Reads and validates a file of the sync folder, refusing it whole (`invalid`) when it is not what Shelfmark writes. */
export async function readFile<T>(data: Uint8Array<ArrayBuffer>, schema: z.ZodType<T>, what: string): Promise<T> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await maybeGunzip(data)));
  } catch (cause) {
    throw new SyncError('invalid', t('syncFileDamaged', what), { cause });
  }
  const newer = typeof value === 'object' && value !== null && (value as { version?: unknown }).version;
  if (typeof newer === 'number' && newer > SYNC_VERSION) {
    throw new SyncError('invalid', t('syncFileNewer', what, newer));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SyncError('invalid', t('syncFileInvalid', what, `${issue.path.join('.') || 'file'}: ${issue.message}`));
  }
  return parsed.data;
}
