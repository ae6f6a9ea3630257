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
import { ImportDone } from './ImportCounts';
import { ImportPreview } from './ImportPreview';
import { plural, t } from '@/lib/i18n';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'error'; message: string }
  | { step: 'preview'; fileName: string; backup: ReadBackup; plan: ImportPlan }
  | { step: 'importing'; fileName: string; plan: ImportPlan }
  | { step: 'done'; fileName: string; plan: ImportPlan };


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
      setState({ step: 'error', message: plainError(error, 'errorLibraryNotRead').error });
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
      setState({ step: 'error', message: plainError(error, 'errorImportFailed').error });
    }
    reset();
  }

  return (
    <section class="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('importBackupTitle')}</h2>
      <p class="hint">{t('importBackupHint')}</p>
      <label class="import-file">
        <span>{t('importBackupFile', Math.round(MAX_BACKUP_BYTES / (1024 * 1024)))}</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={state.step === 'reading' || state.step === 'importing'}
          onChange={(event) => void onFile(event.currentTarget.files?.[0])}
        />
      </label>

      {state.step === 'reading' && <p role="status">{t('importReading', state.fileName)}</p>}
      {state.step === 'error' && (
        <p class="import-error" role="alert">
          {state.message}
        </p>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <div class="import-confirm" role="group" aria-label={t('importFileLabel', state.fileName)}>
          <p role="status">
            {plural('importToImport', state.plan.added.length + state.plan.updated.length, state.fileName)}
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
        <ImportDone
          fileName={state.fileName}
          added={state.plan.added.length}
          updated={state.plan.updated.length}
          updatedKey="importDoneUpdated"
          unchanged={state.plan.unchanged.length}
          rejected={state.plan.rejected.length}
        />
      )}
    </section>
  );
}
