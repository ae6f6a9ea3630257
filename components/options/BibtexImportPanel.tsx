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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

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
      setState({ step: 'error', message: plainError(error, 'The file could not be read, and nothing was imported').error });
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
      setState({ step: 'error', message: plainError(error, 'The import failed and changed nothing').error });
    }
    reset();
  }

  const busy = state.step === 'reading' || state.step === 'importing';
  const nothingChosen = actionsFor(chosen).length === 0;
  return (
    <section class="import-panel" aria-labelledby="bibtex-import-title">
      <h2 id="bibtex-import-title">Import from a reference manager</h2>
      <p class="hint">
        A BibTeX file exported from Zotero, JabRef, Mendeley or Google Scholar. Papers are found by their arXiv id,
        DOI, ACL Anthology or OpenReview id; the others are listed with the reason. Nothing changes until you confirm.
      </p>
      <label class="import-file">
        <span>BibTeX file (.bib, at most {Math.round(MAX_BIBTEX_BYTES / (1024 * 1024))} MB)</span>
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
          Reading {state.fileName}…{state.total ? ` ${state.done} of ${state.total} entries` : ''}
        </p>
      )}
      {state.step === 'error' && (
        <p class="import-error" role="alert">
          {state.message}
        </p>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <div class="import-confirm" role="group" aria-label={`Import ${state.fileName}`}>
          <p role="status">
            {state.fileName}: {plural(state.plan.added.length + state.plan.matched.length, 'paper')} found.
          </p>
          <BibtexImportPreview plan={state.plan} choice={chosen} />
          <fieldset class="import-choice" disabled={state.step === 'importing'}>
            <legend>The imported papers become</legend>
            <label class="settings-check">
              <input type="checkbox" checked={choice.star} onChange={(event) => setChoice({ ...choice, star: event.currentTarget.checked })} />
              Starred
            </label>
            <label class="settings-check">
              <input type="checkbox" checked={choice.queue} onChange={(event) => setChoice({ ...choice, queue: event.currentTarget.checked })} />
              Added to the reading queue
            </label>
            <label class="import-tags">
              Tagged as
              <input type="text" list="bibtex-import-tags" placeholder="tags, comma-separated" value={tagText} onInput={(event) => setTagText(event.currentTarget.value)} />
            </label>
            <TagNameList id="bibtex-import-tags" tags={tags} />
            {nothingChosen && <p class="hint">Choose at least one: a paper enters the library when it is starred, queued or tagged.</p>}
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
        <p class="import-done" role="status">
          Imported {state.fileName}: {plural(state.result.added.length, 'new paper')},{' '}
          {plural(state.result.updated.length, 'paper')} already in the library updated, {state.result.unchanged} unchanged
          {state.rejected > 0 ? `, ${state.rejected} rejected` : ''}.
        </p>
      )}
    </section>
  );
}
