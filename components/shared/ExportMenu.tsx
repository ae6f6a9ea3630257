import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { downloadFile } from '@/lib/export/download';
import { exportFile, formatSpec, FORMATS, type ExportFormat } from '@/lib/export/formats';
import { papersInScope, scopeLabel, SCOPES, type ExportScope } from '@/lib/export/scope';
import type { PaperId } from '@/lib/paper';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { libraryCounts } from '@/lib/store/catalog';
import type { ViewCounts } from '@/lib/store/views';
import { useLibraryTags } from '@/lib/ui/use-library-tags';
import { tagKey } from '@/lib/tags';
import './outline-button.css';
import './ExportMenu.css';
import { plural, t } from '@/lib/i18n';

export interface ExportMenuProps {
  db: ShelfmarkDB;
  /** The ids of the current search result, in the order shown; offers the "Current search" scope when given. */
  searchIds?: readonly PaperId[];
  /** Shows the form itself (options page) instead of an "Export" button that opens it (popup). */
  alwaysOpen?: boolean;
  /** The views' counts when the caller already keeps them live (the popup); read here otherwise. */
  counts?: ViewCounts;
  /** The library's selected papers: offers (and opens on) the "Selected papers" scope when given. */
  selectedIds?: readonly PaperId[];
}

type Status = { kind: 'done' | 'empty' | 'error'; text: string };

/** Choose which papers and which format, then download the file. */
export function ExportMenu({ db, searchIds, selectedIds, alwaysOpen = false, counts: givenCounts }: ExportMenuProps) {
  const formId = useId();
  const [open, setOpen] = useState(alwaysOpen);
  const [chosenScope, setScope] = useState<ExportScope>(selectedIds ? 'selection' : 'all');
  const [chosenTag, setTag] = useState('');
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [abstracts, setAbstracts] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const ownCounts = useLiveQuery(() => (givenCounts ? undefined : libraryCounts(db)), [db, givenCounts === undefined]);
  const counts = givenCounts ?? ownCounts;
  const historyCount = useLiveQuery(() => db.history.count(), [db]);
  const toggle = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);

  const tags = useLibraryTags(db, open);
  // "Current search" disappears when the search is cleared, "Papers with tag" while there are no tags; fall back to everything.
  const offered = (of: ExportScope) =>
    of === 'search' ? searchIds !== undefined : of === 'selection' ? selectedIds !== undefined : of === 'tag' ? tags?.length !== 0 : true;
  const scope = offered(chosenScope) ? chosenScope : 'all';
  const scopes = SCOPES.filter((entry) => offered(entry.scope));
  const tag = tags?.find((entry) => entry.key === tagKey(chosenTag)) ?? tags?.[0];

  useEffect(() => {
    if (open && !alwaysOpen) firstField.current?.focus();
  }, [open, alwaysOpen]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  const countOf = (of: ExportScope) =>
    of === 'search'
      ? searchIds?.length
      : of === 'selection'
        ? selectedIds?.length
        : of === 'history'
          ? historyCount
          : of === 'tag'
            ? undefined
            : counts?.[of];

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const papers = await papersInScope(db, scope, scope === 'selection' ? selectedIds : searchIds, tag?.name);
      if (papers.length === 0) {
        setStatus({ kind: 'empty', text: t('exportNothing', scopeLabel(scope, tag?.name)) });
        return;
      }
      const file = await exportFile(papers, format, { scope, tag: tag?.name, now: new Date(), abstracts });
      downloadFile(file);
      setStatus({ kind: 'done', text: t('exportSaved', file.name, plural('papers', papers.length)) });
    } catch (error) {
      console.error('[Shelfmark] export failed', error);
      setStatus({ kind: 'error', text: t('errorWithAdvice', t('exportFailed'), error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="export-menu">
      {!alwaysOpen && (
        <button
          ref={toggle}
          type="button"
          class="outline-button export-toggle"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => (open ? close() : setOpen(true))}
        >
          {t('exportTitle')}
        </button>
      )}
      {open && (
        <form
          id={formId}
          class={alwaysOpen ? 'export-form' : 'export-form export-popover'}
          aria-label={t('exportLabel')}
          onSubmit={onSubmit}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !alwaysOpen) {
              event.preventDefault();
              close();
            }
          }}
        >
          <label class="export-field">
            <span>{t('exportPapers')}</span>
            <select ref={firstField} value={scope} onChange={(event) => setScope(event.currentTarget.value as ExportScope)}>
              {scopes.map((entry) => {
                const count = countOf(entry.scope);
                return (
                  <option key={entry.scope} value={entry.scope}>
                    {count === undefined ? t(entry.label) : t('importTitlesSummary', t(entry.label), count)}
                  </option>
                );
              })}
            </select>
          </label>
          {scope === 'tag' && tags && (
            <label class="export-field">
              <span>{t('exportTag')}</span>
              <select aria-label={t('exportTagLabel')} value={tag?.key} onChange={(event) => setTag(event.currentTarget.value)}>
                {tags.map((entry) => (
                  <option key={entry.key} value={entry.key}>
                    {t('tagWithCount', entry.name, entry.count)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label class="export-field">
            <span>{t('exportFormat')}</span>
            <select value={format} onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}>
              {FORMATS.map((spec) => (
                <option key={spec.format} value={spec.format}>
                  {t(spec.label)}
                </option>
              ))}
            </select>
          </label>
          {formatSpec(format).abstracts && (
            <label class="export-check">
              <input type="checkbox" checked={abstracts} onChange={(event) => setAbstracts(event.currentTarget.checked)} />
              {t('exportAbstracts')}
            </label>
          )}
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to <body>. */}
          <button type="submit" class="outline-button export-download" aria-disabled={busy}>
            {t('exportDownload')}
          </button>
          <p class={`export-status ${status?.kind ?? ''}`} role="status">
            {status?.text}
          </p>
        </form>
      )}
    </div>
  );
}
