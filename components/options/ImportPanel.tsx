import { useRef, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import {
  announceImport,
  applyImport,
  MAX_BACKUP_BYTES,
  previewImport,
  readBackupFile,
  type ImportPlan,
  type ReadBackup,
} from '@/lib/export/backup-import';
import { plainError } from '@/lib/errors';
import { ImportButtons } from './ImportButtons';
import { ImportPreview } from './ImportPreview';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'error'; message: string }
  | { step: 'preview'; fileName: string; backup: ReadBackup; plan: ImportPlan }
  | { step: 'importing'; fileName: string; plan: ImportPlan }
  | { step: 'done'; fileName: string; plan: ImportPlan };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Import a JSON backup: pick the file, see what it would change, then import (or cancel). */
export function ImportPanel({ db }: { db: ShelfmarkDB }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const reset = () => {
    if (input.current) input.current.value = '';
  };

  async function onFile(file: File | undefined) {
    if (!file) return;
    setState({ step: 'reading', fileName: file.name });
    const read = await readBackupFile(file);
    if (!read.ok) {
      setState({ step: 'error', message: read.error });
      reset();
      return;
    }
    try {
      const plan = await previewImport(db, read.backup);
      setState({ step: 'preview', fileName: file.name, backup: read.backup, plan });
    } catch (error) {
      setState({ step: 'error', message: plainError(error, 'The library could not be read').error });
      reset();
    }
  }

  async function onImport(fileName: string, backup: ReadBackup, preview: ImportPlan) {
    setState({ step: 'importing', fileName, plan: preview });
    try {
      const plan = await applyImport(db, backup);
      setState({ step: 'done', fileName, plan });
      // Done for the user once it is stored; open tabs catch up while they read this.
      void announceImport(plan);
    } catch (error) {
      console.error('[Shelfmark] import failed', error);
      setState({ step: 'error', message: plainError(error, 'The import failed and changed nothing').error });
    }
    reset();
  }

  return (
    <section class="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">Import a backup</h2>
      <p class="hint">
        Restores a JSON backup saved with Shelfmark’s export. Nothing changes until you confirm, and where this device
        has a newer change (a star, a note…) it is kept.
      </p>
      <label class="import-file">
        <span>Backup file (.json, at most {Math.round(MAX_BACKUP_BYTES / (1024 * 1024))} MB)</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={state.step === 'reading' || state.step === 'importing'}
          onChange={(event) => void onFile(event.currentTarget.files?.[0])}
        />
      </label>

      {state.step === 'reading' && <p role="status">Reading {state.fileName}…</p>}
      {state.step === 'error' && (
        <p class="import-error" role="alert">
          {state.message}
        </p>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <div class="import-confirm" role="group" aria-label={`Import ${state.fileName}`}>
          <p role="status">
            {state.fileName}: {plural(state.plan.added.length + state.plan.updated.length, 'paper')} to import.
          </p>
          <ImportPreview plan={state.plan} />
          <ImportButtons
            importing={state.step === 'importing'}
            canImport={state.plan.added.length + state.plan.updated.length > 0}
            onImport={() => state.step === 'preview' && void onImport(state.fileName, state.backup, state.plan)}
            onCancel={() => {
              setState({ step: 'idle' });
              reset();
            }}
          />
        </div>
      )}
      {state.step === 'done' && (
        <p class="import-done" role="status">
          Imported {state.fileName}: {plural(state.plan.added.length, 'new paper')},{' '}
          {plural(state.plan.updated.length, 'updated paper')}, {state.plan.unchanged.length} unchanged
          {state.plan.rejected.length > 0 ? `, ${state.plan.rejected.length} rejected` : ''}.
        </p>
      )}
    </section>
  );
}
