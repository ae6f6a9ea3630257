import { useRef, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import {
  actionsFor,
  applyBibtexImport,
  papersFromBibtex,
  previewBibtexImport,
  type BibImportChoice,
  type BibImportPlan,
  type BibImportResult,
  type BibPapers,
} from '@/lib/export/bibtex-import';
import { MAX_BIBTEX_BYTES, readBibtexFile } from '@/lib/export/bibtex-read';
import { plainError } from '@/lib/errors';
import { notifyChangedInBatches } from '@/lib/ui/extension-actions';
import { BibtexImportPreview } from './BibtexImportPreview';
import { ImportButtons } from './ImportButtons';
import { ImportDone } from './ImportCounts';
import { plural, t } from '@/lib/i18n';
import { TagNameList } from '../shared/TagNameList';
import { useLibraryTags } from '@/lib/ui/use-library-tags';
import { parseTagList } from '@/lib/tags';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; done?: number; total?: number }
  | { step: 'error'; message: string }
  | { step: 'preview'; fileName: string; bib: BibPapers; plan: BibImportPlan }
  | { step: 'importing'; fileName: string; bib: BibPapers; plan: BibImportPlan }
  | { step: 'done'; fileName: string; result: BibImportResult; rejected: number };


/**
 * Import a .bib file from a reference manager: pick it, see which papers are new, already in the
 * library or rejected (and why, with the line), choose what they become, then import (or cancel).
 */
export function BibtexImportPanel({ db }: { db: ShelfmarkDB }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [choice, setChoice] = useState<BibImportChoice>({ star: true, queue: false });
  const [tagText, setTagText] = useState('');
  const tags = useLibraryTags(db, state.step === 'preview');
  const chosen: BibImportChoice = { ...choice, tags: parseTagList(tagText) };
  const input = useRef<HTMLInputElement>(null);

  const reset = () => {
    if (input.current) input.current.value = '';
  };

  async function onFile(file: File | undefined) {
    if (!file) return;
    const fileName = file.name;
    setState({ step: 'reading', fileName });
    try {
      const read = await readBibtexFile(file, (done, total) => setState({ step: 'reading', fileName, done, total }));
      if (!read.ok) {
        setState({ step: 'error', message: read.error });
        reset();
        return;
      }
      const bib = papersFromBibtex(read.bibtex);
      const plan = await previewBibtexImport(db, bib);
      setState({ step: 'preview', fileName, bib, plan });
    } catch (error) {
      console.error('[Shelfmark] BibTeX preview failed', error);
      setState({ step: 'error', message: plainError(error, 'errorFileNotRead').error });
      reset();
    }
  }

  async function onImport(fileName: string, bib: BibPapers, plan: BibImportPlan) {
    setState({ step: 'importing', fileName, bib, plan });
    try {
      const result = await applyBibtexImport(db, bib, chosen);
      setState({ step: 'done', fileName, result, rejected: plan.rejected.length });
      // Done for the user once it is stored; open tabs catch up while they read this.
      void notifyChangedInBatches([...result.added, ...result.updated]);
    } catch (error) {
      console.error('[Shelfmark] BibTeX import failed', error);
      setState({ step: 'error', message: plainError(error, 'errorImportFailed').error });
    }
    reset();
  }

  const busy = state.step === 'reading' || state.step === 'importing';
  const nothingChosen = actionsFor(chosen).length === 0;
  return (
    <section class="import-panel" aria-labelledby="bibtex-import-title">
      <h2 id="bibtex-import-title">{t('bibImportTitle')}</h2>
      <p class="hint">{t('bibImportHint')}</p>
      <label class="import-file">
        <span>{t('bibImportFile', Math.round(MAX_BIBTEX_BYTES / (1024 * 1024)))}</span>
        <input
          ref={input}
          type="file"
          accept=".bib,.bibtex,application/x-bibtex,text/x-bibtex,text/plain"
          disabled={busy}
          onChange={(event) => void onFile(event.currentTarget.files?.[0])}
        />
      </label>

      {state.step === 'reading' && (
        <p role="status">
          {state.total ? t('bibImportReadingEntries', state.fileName, state.done ?? 0, state.total) : t('importReading', state.fileName)}
        </p>
      )}
      {state.step === 'error' && (
        <p class="import-error" role="alert">
          {state.message}
        </p>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <div class="import-confirm" role="group" aria-label={t('importFileLabel', state.fileName)}>
          <p role="status">
            {plural('bibImportFound', state.plan.added.length + state.plan.matched.length, state.fileName)}
          </p>
          <BibtexImportPreview plan={state.plan} choice={chosen} />
          <fieldset class="import-choice" disabled={state.step === 'importing'}>
            <legend>{t('bibImportBecome')}</legend>
            <label class="settings-check">
              <input type="checkbox" checked={choice.star} onChange={(event) => setChoice({ ...choice, star: event.currentTarget.checked })} />
              {t('bibImportStarred')}
            </label>
            <label class="settings-check">
              <input type="checkbox" checked={choice.queue} onChange={(event) => setChoice({ ...choice, queue: event.currentTarget.checked })} />
              {t('bibImportQueued')}
            </label>
            <label class="import-tags">
              {t('bibImportTagged')}
              <input type="text" list="bibtex-import-tags" placeholder={t('bibImportTagsPlaceholder')} value={tagText} onInput={(event) => setTagText(event.currentTarget.value)} />
            </label>
            <TagNameList id="bibtex-import-tags" tags={tags} />
            {nothingChosen && <p class="hint">{t('bibImportChooseOne')}</p>}
          </fieldset>
          <ImportButtons
            importing={state.step === 'importing'}
            canImport={!nothingChosen && state.plan.added.length + state.plan.matched.length > 0}
            onImport={() => state.step === 'preview' && void onImport(state.fileName, state.bib, state.plan)}
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
          added={state.result.added.length}
          updated={state.result.updated.length}
          updatedKey="bibImportDoneUpdated"
          unchanged={state.result.unchanged}
          rejected={state.rejected}
        />
      )}
    </section>
  );
}
