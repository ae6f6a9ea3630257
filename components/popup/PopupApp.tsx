import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { plainError, type ErrorWhat } from '@/lib/errors';
import { markdownLink } from '@/lib/export/link';
import { actOnPaper, notifyChanged } from '@/lib/ui/extension-actions';
import type { PaperId } from '@/lib/paper';
import { moveAfter, moveBefore, moveToTop, restoreQueuePlace } from '@/lib/store/queue';
import { queryTokens, withTagTerm } from '@/lib/store/search';
import { applyToPapers, removePapers, restorePapers } from '@/lib/store/library';
import { useLibraryTags } from '@/lib/ui/use-library-tags';
import { TagFilter } from '../shared/TagFilter';
import { useLibrarySummary, usePaperList } from '@/lib/ui/use-paper-list';
import { useSearchIndex } from '@/lib/ui/live-search-index';
import type { QueueHead } from '@/lib/ui/queue-head';
import { VIEWS, type ViewName } from '@/lib/store/views';
import { CurrentPaper } from './CurrentPaper';
import { PageAccess } from './PageAccess';
import { useActiveTab } from '@/lib/ui/use-active-tab';
import { HistoryList } from '../shared/HistoryList';
import { loadSettings } from '@/lib/settings';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { EmptyState } from './EmptyState';
import { BrandMark } from '../shared/BrandMark';
import type { ExportMenu as ExportMenuType } from '../shared/ExportMenu';
import { OptionsLink } from './OptionsLink';
import { PaperList, type DropSide } from './PaperList';
import { PaperRow, type RowCommand } from './PaperRow';
import { SearchBox } from './SearchBox';
import { SyncNote } from './SyncNote';
import { ViewTabs, type PopupTab } from './ViewTabs';
import { plural, t, type MessageKey } from '@/lib/i18n';

const LIST_ID = 'paper-list';
const HISTORY_ID = 'history-list';
/** Rows a PageUp/PageDown moves by. */
const PAGE_STEP = 5;
const STATUS_MS = 4_000;
/** How long a removal can be undone (the status stays, with its Undo button, for as long). */
const UNDO_MS = 8_000;

/** The search box's placeholder in each view ("Search the queue  ( / )"). */
const SEARCH_PLACEHOLDERS: Record<ViewName, MessageKey> = {
  queue: 'popupSearchQueue',
  starred: 'popupSearchStarred',
  notes: 'popupSearchNotes',
  read: 'popupSearchRead',
  all: 'popupSearchAll',
};

/**
 * The keys in the footer: what to press and what it does (the reordering keys in the queue only).
 * A key is its character, or a catalogue key for a key whose name keyboards print in their language ("Del", "Entf").
 */
const KEYS: readonly { keys: (string | { name: MessageKey })[]; or?: boolean; what: MessageKey; queueOnly?: boolean }[] = [
  { keys: ['↑↓', 'j k'], or: true, what: 'popupKeyMove' },
  { keys: ['Enter'], what: 'popupKeyOpen' },
  { keys: ['r'], what: 'popupKeyRead' },
  { keys: ['s'], what: 'popupKeyStar' },
  { keys: ['x'], what: 'popupKeyUnqueue' },
  { keys: ['n'], what: 'popupKeyNote' },
  { keys: ['g'], what: 'popupKeyTags' },
  { keys: ['c'], what: 'popupKeyCopy' },
  { keys: [{ name: 'popupKeyDel' }], what: 'popupKeyRemove' },
  { keys: ['u'], what: 'popupKeyUndo' },
  { keys: ['/'], what: 'popupKeySearch' },
  { keys: ['Alt+↑↓'], what: 'popupKeyReorder', queueOnly: true },
  { keys: ['t'], what: 'popupKeyTop', queueOnly: true },
];

type FocusRequest = { n: number; index: number; id?: PaperId };

/**
 * The toolbar popup: the reading queue and the other views of the library, searchable, driven by
 * mouse or keyboard. Reads the database directly (live queries by index); every change is written
 * at once through the library operations and announced to the background (tabs, badge).
 */
export function PopupApp({ db, queueHead }: { db: ShelfmarkDB; queueHead?: QueueHead }) {
  const [view, setView] = useState<ViewName>('queue');
  /** The History tab replaces the list while it is chosen; `view` stays the last view of the library. */
  const [history, setHistory] = useState(false);
  const [query, setQuery] = useState('');
  const tokens = useMemo(() => queryTokens(query), [query]);
  const [visible, setVisible] = useState({ first: 0, last: 0 });
  const [active, setActive] = useState(0);
  const [focus, setFocus] = useState<FocusRequest>({ n: 0, index: 0 });
  const [editing, setEditing] = useState<PaperId | null>(null);
  const [tagging, setTagging] = useState<PaperId | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean; undo?: () => Promise<unknown> } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tab = useActiveTab();

  // The search index loads after the first rows (it reads the whole catalog), or at the first key typed.
  const [started, setStarted] = useState(false);
  const summary = useLibrarySummary(db);
  const index = useSearchIndex(db, started || tokens.length > 0);
  const knownTags = useLibraryTags(db, started);
  const page = usePaperList(db, view, tokens, visible, summary?.counts, index, { kept: queueHead });
  const historyCount = useLiveQuery<number | undefined>(() => (started ? db.history.count() : undefined), [db, started]);
  const recording = useLiveQuery(async () => (await loadSettings()).history !== false, [history]);
  useEffect(() => {
    if (page) setStarted(true);
  }, [page !== undefined]);
  // The Export menu (and the export formats behind it) loads after the first rows: nothing of it on their way.
  const [ExportMenu, setExportMenu] = useState<typeof ExportMenuType | null>(null);
  useEffect(() => {
    if (started) void import('../shared/ExportMenu').then((module) => setExportMenu(() => module.ExportMenu));
  }, [started]);
  const total = page?.total ?? 0;
  const rowAt = (index: number): PaperRecord | undefined => (page ? page.rows[index - page.offset] : undefined);
  const shownTokens = useMemo(() => (page?.query ? page.query.split(' ') : []), [page?.query]);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), status.undo ? UNDO_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  // A first sign of life for the benchmark: when the first rows are on screen.
  useEffect(() => {
    if (page && page.rows.length > 0) performance.mark('shelfmark:first-rows');
  }, [page !== undefined && page.rows.length > 0]);

  const say = (text: string, error = false) => setStatus({ text, error });
  /** Says what was done, with an Undo button (and the `u` key) for UNDO_MS. */
  const sayUndoable = (text: string, undo: () => Promise<unknown>) => setStatus({ text, error: false, undo });
  const undo = () => {
    const run = status?.undo;
    if (!run) return;
    setStatus(null);
    void attempt(run, t('popupUndone'));
  };
  const attempt = async (work: () => Promise<unknown>, done?: string, failed: ErrorWhat = 'errorNotSaved') => {
    try {
      await work();
      if (done) say(done);
    } catch (error) {
      console.error('[Shelfmark] popup action failed', error);
      say(plainError(error, failed).error, true);
    }
  };

  const changeView = (next: PopupTab) => {
    setHistory(next === 'history');
    if (next === 'history') return;
    setView(next);
    setVisible({ first: 0, last: 0 });
    setActive(0);
    setEditing(null);
    setTagging(null);
  };
  const changeQuery = (next: string) => {
    setQuery(next);
    setVisible({ first: 0, last: 0 });
    setActive(0);
  };
  /** The keyboard is in the list (or on its way: the row takes the focus once rendered). */
  const inListByKeyboard = useRef(false);
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      inListByKeyboard.current = !!(event.target as Element).closest?.(`#${LIST_ID}`);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  const goTo = (index: number) => {
    inListByKeyboard.current = true;
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    setFocus((f) => ({ n: f.n + 1, index: next, id: rowAt(next)?.id }));
  };

  const command = (name: RowCommand, paper: PaperRecord) => {
    switch (name) {
      case 'read': {
        const value = paper.readAt === undefined;
        return attempt(() => actOnPaper(db, paper.id, { kind: 'read', value }), value ? t('popupMarkedRead') : t('popupMarkedUnread'));
      }
      case 'star': {
        const value = paper.starredAt === undefined;
        return attempt(() => actOnPaper(db, paper.id, { kind: 'star', value }), value ? t('popupStarred') : t('popupUnstarred'));
      }
      case 'queue': {
        if (paper.queuePos === undefined) return attempt(() => actOnPaper(db, paper.id, { kind: 'queue', value: true }), t('popupQueued'));
        const place = { queuePos: paper.queuePos, queuedAt: paper.queuedAt };
        return attempt(async () => {
          await actOnPaper(db, paper.id, { kind: 'queue', value: false });
          sayUndoable(t('popupUnqueued'), async () => {
            if (await restoreQueuePlace(db, paper.id, place)) await notifyChanged([paper.id]);
          });
        });
      }
      case 'remove':
        return attempt(async () => {
          await removePapers(db, [paper.id]);
          await notifyChanged([paper.id]);
          sayUndoable(t('popupRemovedFromLibrary'), async () => notifyChanged(await restorePapers(db, [paper])));
        });
      case 'tag':
        setTagging((current) => (current === paper.id ? null : paper.id));
        return;
      case 'top':
        return attempt(async () => {
          if (await moveToTop(db, paper.id)) await notifyChanged([paper.id]);
          goToPaper(0, paper.id);
        }, t('popupMovedToTop'));
      case 'note':
        setEditing((current) => (current === paper.id ? null : paper.id));
        return;
      case 'copy':
        return attempt(() => navigator.clipboard.writeText(markdownLink(paper)), t('popupCopied'), 'errorNotCopied');
    }
  };
  /** Keeps the keyboard on a paper that moved: its row is found by id once it is at `index`. */
  const goToPaper = (index: number, id: PaperId) => {
    setActive(index);
    setFocus((f) => ({ n: f.n + 1, index, id }));
  };

  const reorder = (move: { id: PaperId; from: number; anchorId: PaperId; anchor: number; side: DropSide }) =>
    attempt(async () => {
      const moved =
        move.side === 'before' ? await moveBefore(db, move.id, move.anchorId) : await moveAfter(db, move.id, move.anchorId);
      if (moved) await notifyChanged([move.id]);
      // The keyboard follows the paper to its new place.
      const shift = move.from < move.anchor ? -1 : 0;
      goToPaper(move.anchor + shift + (move.side === 'after' ? 1 : 0), move.id);
    });

  /** Moves the active paper one place up or down (among the papers shown). */
  const moveBy = (delta: -1 | 1) => {
    const paper = rowAt(active);
    const neighbour = rowAt(active + delta);
    if (!paper || !neighbour) return;
    const index = active + delta;
    void attempt(async () => {
      const moved = delta < 0 ? await moveBefore(db, paper.id, neighbour.id) : await moveAfter(db, paper.id, neighbour.id);
      if (moved) await notifyChanged([paper.id]);
      goToPaper(index, paper.id);
    }, delta < 0 ? t('popupMovedUp') : t('popupMovedDown'));
  };

  const openActive = () => {
    document.querySelector<HTMLAnchorElement>(`#${LIST_ID} li[data-index="${active}"] a.paper-title`)?.click();
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Typing is typing: the search box and the note editor handle their own keys.
    if (target.closest?.('input, textarea, select, [contenteditable="true"]')) return;
    if (event.key === '/') {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
      return;
    }
    if (event.key === 'u' && status?.undo) {
      event.preventDefault();
      undo();
      return;
    }
    if (event.key === 'Escape') {
      if (query !== '') {
        event.preventDefault();
        changeQuery('');
      }
      return;
    }
    if (history) return; // the list's keys act on the library's rows, not shown now
    const onRow = target === document.body || target.matches?.('li.paper-row');
    const inList = !!target.closest?.(`#${LIST_ID}`) || (target === document.body && inListByKeyboard.current);
    const paper = rowAt(active);
    const inQueue = page?.view === 'queue';
    const handled = (() => {
      if (event.altKey) {
        if (!inQueue || !(inList || onRow)) return false;
        if (event.key === 'ArrowUp') moveBy(-1);
        else if (event.key === 'ArrowDown') moveBy(1);
        else if (event.key === 'Home' && paper) void command('top', paper);
        else return false;
        return true;
      }
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp':
        case 'j':
        case 'k':
          // From outside the list (nothing focused yet, a tab), the first press takes the keyboard to it.
          goTo(!inList ? active : event.key === 'ArrowDown' || event.key === 'j' ? active + 1 : active - 1);
          return true;
        case 'Home':
        case 'End':
        case 'PageDown':
        case 'PageUp':
          if (!inList) return false;
          goTo(
            event.key === 'Home' ? 0
            : event.key === 'End' ? total - 1
            : event.key === 'PageDown' ? active + PAGE_STEP
            : active - PAGE_STEP,
          );
          return true;
        case 'J':
        case 'K':
          if (!inQueue) return false;
          moveBy(event.key === 'K' ? -1 : 1);
          return true;
        case 'Enter':
          if (!onRow || !paper) return false;
          openActive();
          return true;
      }
      if (!paper) return false;
      switch (event.key) {
        case 'r':
          void command('read', paper);
          return true;
        case 's':
          void command('star', paper);
          return true;
        case 'x':
          if (paper.queuePos === undefined) say(t('popupNotInQueue'));
          else void command('queue', paper);
          return true;
        case 't':
          if (!inQueue) return false;
          void command('top', paper);
          return true;
        case 'n':
          void command('note', paper);
          return true;
        case 'c':
          void command('copy', paper);
          return true;
        case 'g':
          void command('tag', paper);
          return true;
        case 'Delete':
        case 'Backspace':
          void command('remove', paper);
          return true;
      }
      return false;
    })();
    if (handled) event.preventDefault();
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;

  // The rows' callbacks are made once (calling the latest `command`), so a row renders again only when its paper does.
  const commandRef = useRef(command);
  commandRef.current = command;
  const rowActions = useMemo(
    () => ({
      onCommand: (name: RowCommand, paper: PaperRecord) => void commandRef.current(name, paper),
      onSaveNote: (paper: PaperRecord, text: string) => void attempt(() => actOnPaper(db, paper.id, { kind: 'note', text })),
      onCloseNote: (paper: PaperRecord) => {
        setEditing(null);
        document.querySelector<HTMLElement>(`#${LIST_ID} li[data-paper-id="${CSS.escape(paper.id)}"]`)?.focus();
      },
      onTag: (paper: PaperRecord, names: readonly string[], value: boolean) =>
        void attempt(async () => {
          for (const name of names) await applyToPapers(db, [paper.id], { kind: 'tag', name, value });
          await notifyChanged([paper.id]);
        }),
      onCloseTags: (paper: PaperRecord) => {
        setTagging(null);
        document.querySelector<HTMLElement>(`#${LIST_ID} li[data-paper-id="${CSS.escape(paper.id)}"]`)?.focus();
      },
      onPickTag: (name: string) => addTagFilterRef.current(name),
    }),
    [db],
  );
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  /** Narrows the list to a tag's papers (with the tags already chosen: papers having all of them). */
  const addTagFilter = (name: string) => changeQuery(withTagTerm(query, name));
  const addTagFilterRef = useRef(addTagFilter);
  addTagFilterRef.current = addTagFilter;

  const counts = summary?.counts;
  const label = VIEWS[view].label;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>
          <BrandMark />
          Shelfmark
        </h1>
        {counts && <span class="queue-summary">{plural('popupToRead', counts.queue)}</span>}
        <div class="header-actions">
          <OptionsLink />
          {ExportMenu && <ExportMenu db={db} counts={counts} searchIds={page && page.view === view ? page.ids : undefined} />}
        </div>
      </header>
      <CurrentPaper db={db} tab={tab} attempt={attempt} />
      <PageAccess tab={tab} attempt={attempt} />
      <SearchBox
        value={query}
        onChange={changeQuery}
        onLeaveDown={() => goTo(active)}
        inputRef={searchRef}
        placeholder={t(history ? 'popupSearchHistory' : SEARCH_PLACEHOLDERS[view])}
      />
      {!history && <TagFilter query={query} tags={knownTags} onQuery={changeQuery} />}
      <ViewTabs
        view={history ? 'history' : view}
        counts={counts && { ...counts, history: historyCount }}
        onSelect={changeView}
        controls={history ? HISTORY_ID : LIST_ID}
      />
      {history ? (
        <div class="list-area">
          <HistoryList db={db} tokens={tokens} recording={recording ?? true} id={HISTORY_ID} />
        </div>
      ) : (
        <>
        {tokens.length > 0 && !index ? (
          <p class="result-count" aria-live="polite">
            {t('popupPreparingSearch')}
          </p>
        ) : (
          page &&
          page.query !== '' &&
          page.view === view && (
            <p class="result-count" aria-live="polite">
              {plural('popupMatches', page.total, t(label))}
            </p>
          )
        )}
        {/* data-results-for: the query the list shows the database's answer to, for tests and the benchmark to wait on. */}
        <div class="list-area" data-results-for={page && page.view === view && !page.kept ? page.query : undefined}>
          {page === undefined ? (
            <p class="loading" aria-busy="true">
              {t('loading')}
            </p>
          ) : page.total === 0 && page.view === view ? (
            <EmptyState view={view} query={page.query === '' ? undefined : query.trim()} onSearchAll={() => changeView('all')} />
          ) : (
            <PaperList
              key={page.view}
              id={LIST_ID}
              contents={page.query}
              label={page.query ? t('popupListMatching', t(VIEWS[page.view].label), query) : t('popupList', t(VIEWS[page.view].label))}
              total={total}
              rowAt={rowAt}
              active={active}
              focusRequest={focus}
              onActiveChange={setActive}
              onVisibleChange={(first, last) => setVisible((v) => (v.first === first && v.last === last ? v : { first, last }))}
              onReorder={page.view === 'queue' ? reorder : undefined}
              renderRow={(paper, index) => (
                <PaperRow
                  paper={paper}
                  view={page.view}
                  tokens={shownTokens}
                  // The whole queue's first row is its head; a search may not list the head at all.
                  // "Read next" is the queue's first unread paper (a paper synced as both read and queued is not).
                  readNext={page.view === 'queue' && (summary ? paper.id === summary.queueHead : page.query === '' && index === 0)}
                  editingNote={editing === paper.id}
                  tagging={tagging === paper.id}
                  knownTags={knownTags}
                  {...rowActions}
                />
              )}
            />
          )}
        </div>
        </>
      )}
      <p class={status?.error ? 'status error' : 'status'} role="status" aria-live="polite">
        {status?.text ?? ''}
        {status?.undo && (
          <button type="button" class="text-button undo" onClick={undo}>
            {t('popupUndo')}
          </button>
        )}
      </p>
      <SyncNote db={db} />
      <footer class="keys" aria-label={t('popupKeysLabel')}>
        {KEYS.filter((key) => key.queueOnly !== true || view === 'queue').map((key, i) => (
          <Fragment key={key.what}>
            {i > 0 && ' · '}
            <span class="key">
              {key.keys.map((name, j) => (
                <Fragment key={j}>
                  {j > 0 && (key.or ? ` ${t('popupKeyOr')} ` : ' ')}
                  <kbd>{typeof name === 'string' ? name : t(name.name)}</kbd>
                </Fragment>
              ))}{' '}
              {t(key.what)}
            </span>
          </Fragment>
        ))}
      </footer>
    </main>
  );
}
