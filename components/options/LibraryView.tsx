import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import type { PaperId } from '@/lib/paper';
import { plainError } from '@/lib/errors';
import { applyToPapers, dismissKeptNote, removePapers, restorePapers, type UserAction } from '@/lib/store/library';
import type { TagCount } from '@/lib/store/tags';
import { tagKey, tagNames } from '@/lib/tags';
import { notifyChanged, notifyChangedInBatches } from '@/lib/ui/extension-actions';
import { withTagTerm } from '@/lib/store/search';
import { TagFilter } from '../shared/TagFilter';
import { LibraryRow } from './LibraryRow';
import { plural, t, type MessageKey } from '@/lib/i18n';
import { SelectionBar } from './SelectionBar';

/** The library's orders, with the catalogue key of each one's name in the sort menu. */
export const LIBRARY_SORTS = {
  changed: 'sortChanged',
  added: 'sortAdded',
  read: 'sortRead',
  date: 'sortDate',
  title: 'sortTitle',
} as const satisfies Record<string, MessageKey>;
export type LibrarySort = keyof typeof LIBRARY_SORTS;

export interface LibraryViewProps {
  /** The rows to show (the first ones of the library or of the filter's matches), or undefined while loading. */
  papers: readonly PaperRecord[] | undefined;
  /** How many papers the library holds. */
  total: number | undefined;
  /** Whether the filter holds words to look for. */
  filtering: boolean;
  /** Filtering: how many papers match (undefined while the search index loads). */
  matches: number | undefined;
  query: string;
  onQuery(query: string): void;
  sort: LibrarySort;
  onSort(sort: LibrarySort): void;
  /** The library's tags, for the filter and completion. */
  tags: readonly TagCount[] | undefined;
  /** Shows more rows. */
  onMore(): void;
  /** The paper's key in an export of the whole library, so a copied entry matches the exported file. */
  citationKey(id: PaperId): Promise<string | undefined>;
  db: ShelfmarkDB;
}

/** Rows shown at a time: "Show more" adds as many (a page of them is what the first rows cost to draw). */
export const LIBRARY_PAGE = 50;
/** How long a removal can be undone. */
const UNDO_MS = 10_000;

type Status = { text: string; error?: boolean; undo?: () => Promise<unknown> };

/**
 * The whole library with a filter box (words, `tag:` terms, the tag menu) and a sort; rows are
 * selected by click, Shift+click or the keyboard (↑↓ or j k move, Space or x selects, Shift with a
 * move extends, Ctrl+A all shown, Esc none) for actions on them all. The filter is also the
 * export's "Current search", the selection its "Selected papers".
 */
export function LibraryView(props: LibraryViewProps) {
  const { papers, total, filtering, matches, query, onQuery, sort, onSort, tags, onMore, citationKey, db } = props;
  const [status, setStatus] = useState<Status | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<PaperId>>(new Set());
  const [tagging, setTagging] = useState<PaperId | null>(null);
  const anchor = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!status?.undo) return;
    const timer = setTimeout(() => setStatus(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [status]);
  // Another filter or order: what was selected may no longer be shown.
  useEffect(() => {
    setSelected(new Set());
    anchor.current = null;
  }, [query, sort]);

  /** `copied` says what was copied ("Copied the BibTeX entry."). */
  async function copy(text: string | Promise<string>, copied: MessageKey) {
    try {
      await navigator.clipboard.writeText(await text);
      setStatus({ text: t(copied) });
    } catch (error) {
      setStatus({ text: t('errorWithAdvice', t('errorNotCopied'), error instanceof Error ? error.message : String(error)), error: true });
    }
  }

  const attempt = async (work: () => Promise<Status | void>) => {
    try {
      const done = await work();
      if (done) setStatus(done);
    } catch (error) {
      console.error('[Shelfmark] library action failed', error);
      setStatus({ text: plainError(error).error, error: true });
    }
  };

  const act = (ids: readonly PaperId[], action: UserAction, done: string) =>
    attempt(async () => {
      const changed = await applyToPapers(db, ids, action);
      await notifyChangedInBatches(changed);
      return { text: done };
    });

  const remove = (ids: readonly PaperId[]) =>
    attempt(async () => {
      const records = (await db.papers.bulkGet([...ids])).filter((record): record is PaperRecord => record !== undefined);
      const removed = await removePapers(db, ids);
      await notifyChangedInBatches(removed);
      setSelected(new Set());
      const text = removed.length === 1 ? t('libraryRemovedOne', records[0]!.title) : plural('libraryRemoved', removed.length);
      return { text, undo: async () => notifyChangedInBatches(await restorePapers(db, records)) };
    });

  const undo = () => {
    const run = status?.undo;
    if (!run) return;
    void attempt(async () => {
      await run();
      return { text: t('libraryUndone') };
    });
  };

  const shown = papers ?? [];
  /** Selects (or unselects, as the row was) one row, or with `range` every row from the last chosen one. */
  const select = (index: number, range: boolean) => {
    const paper = shown[index];
    if (!paper) return;
    const next = new Set(selected);
    const on = !selected.has(paper.id);
    const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
    const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
    for (const row of shown.slice(from, to + 1)) {
      if (on) next.add(row.id);
      else next.delete(row.id);
    }
    anchor.current = index;
    setSelected(next);
  };

  const focusRow = (index: number) => list.current?.querySelector<HTMLInputElement>(`li[data-index="${index}"] .library-select`)?.focus();

  const onListKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.defaultPrevented || (target.matches('input, textarea, select') && !target.matches('.library-select'))) return;
    const row = target.closest<HTMLElement>('li[data-index]');
    const index = row ? Number(row.dataset.index) : -1;
    const move = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0;
    if (move !== 0 && index >= 0) {
      const next = Math.max(0, Math.min(shown.length - 1, index + move));
      if (event.shiftKey && next !== index) {
        // Extends the selection: the row left and the row reached are both in it.
        if (!selected.has(shown[index]!.id)) select(index, false);
        const grown = new Set(selected).add(shown[index]!.id).add(shown[next]!.id);
        setSelected(grown);
        anchor.current = next;
      }
      focusRow(next);
    } else if (event.key === 'x' && index >= 0) select(index, false);
    else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) setSelected(new Set(shown.map((paper) => paper.id)));
    else if (event.key === 'Escape' && selected.size > 0) setSelected(new Set());
    else if ((event.key === 'Delete' || event.key === 'Backspace') && selected.size > 0) void remove([...selected]);
    else if (event.key === 'g' && index >= 0) setTagging(shown[index]!.id);
    else return;
    event.preventDefault();
  };

  const selectedPapers = shown.filter((paper) => selected.has(paper.id));
  const commonTags = selectedPapers.length
    ? tagNames(selectedPapers[0]!).filter((name) => selectedPapers.every((paper) => tagNames(paper).some((other) => tagKey(other) === tagKey(name))))
    : [];
  const listed = filtering ? matches : total;
  const more = papers && listed !== undefined ? listed - papers.length : 0;
  const pickTag = (name: string) => onQuery(withTagTerm(query, name));
  return (
    // Keys reach the list from anywhere in the library (the selection bar too), not from its fields.
    <section class="library" aria-labelledby="library-title" onKeyDown={onListKey}>
      <div class="library-head">
        <h2 id="library-title">{t('popupLibrary')}</h2>
        <p class="library-count" aria-live="polite">
          {papers === undefined || listed === undefined || total === undefined
            ? t('loading')
            : filtering
              ? plural('libraryMatches', total, listed)
              : plural('papers', total)}
        </p>
      </div>
      <div class="library-tools">
        <input
          type="search"
          class="library-filter"
          aria-label={t('libraryFilterLabel')}
          placeholder={t('libraryFilterPlaceholder')}
          value={query}
          onInput={(event) => onQuery(event.currentTarget.value)}
        />
        <label class="library-sort">
          {t('librarySort')}
          <select value={sort} onChange={(event) => onSort(event.currentTarget.value as LibrarySort)}>
            {Object.entries(LIBRARY_SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TagFilter query={query} tags={tags} onQuery={onQuery} />
      {selected.size > 0 && (
        <SelectionBar
          db={db}
          selected={[...selected]}
          commonTags={commonTags}
          knownTags={tags}
          onAct={(action, done) => void act([...selected], action, done)}
          onRemove={() => void remove([...selected])}
          onClear={() => setSelected(new Set())}
        />
      )}
      <p class={status?.error ? 'library-status error' : 'library-status'} role="status">
        {status?.text}
        {status?.undo && (
          <button type="button" class="text-button undo" onClick={undo}>
            {t('undo')}
          </button>
        )}
      </p>
      {total === 0 ? (
        <p class="library-empty">
          {t('libraryEmpty')}
        </p>
      ) : filtering && matches === 0 ? (
        <p class="library-empty">{t('libraryNoMatch', query)}</p>
      ) : (
        <ul ref={list} class="library-list" aria-label={t('libraryPapers')} aria-multiselectable="true">
          {papers?.map((paper, index) => (
            <LibraryRow
              key={paper.id}
              paper={paper}
              index={index}
              selected={selected.has(paper.id)}
              onSelect={select}
              citationKey={() => citationKey(paper.id)}
              onCopy={copy}
              onDismissKept={(written) => void dismissKeptNote(db, paper.id, written).then(() => notifyChanged([paper.id]))}
              tagging={tagging === paper.id}
              knownTags={tags}
              onToggleTags={() => {
                setTagging(tagging === paper.id ? null : paper.id);
                if (tagging === paper.id) focusRow(index);
              }}
              onTag={(names, value) => void Promise.all(names.map((name) => act([paper.id], { kind: 'tag', name, value }, '')))}
              onPickTag={pickTag}
              onRemove={() => void remove([paper.id])}
            />
          ))}
        </ul>
      )}
      {more > 0 && (
        <button type="button" class="library-more" onClick={onMore}>
          {t('libraryShowMore', Math.min(LIBRARY_PAGE, more), more)}
        </button>
      )}
    </section>
  );
}
