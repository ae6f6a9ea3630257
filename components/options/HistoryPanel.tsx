import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { clearHistory } from '@/lib/store/history';
import { queryTokens } from '@/lib/store/search';
import { loadSettings, setHistoryEnabled, watchSettings } from '@/lib/settings';
import { plainError } from '@/lib/errors';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { HistoryList } from '../shared/HistoryList';

/**
 * History in the library page: the papers opened, searchable, the setting that turns recording off,
 * and Clear (asked twice). Exported from the Export panel ("History"). Nothing of it leaves the device.
 */
export function HistoryPanel({ db }: { db: ShelfmarkDB }) {
  const [recording, setRecording] = useState<boolean | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const tokens = useMemo(() => queryTokens(query), [query]);
  const count = useLiveQuery(() => db.history.count(), [db]);
  useEffect(() => {
    const controller = new AbortController();
    void loadSettings().then((settings) => setRecording(settings.history !== false));
    watchSettings((settings) => setRecording(settings.history !== false), controller.signal);
    return () => controller.abort();
  }, []);

  const clear = async () => {
    try {
      await clearHistory(db);
      setMessage('History cleared.');
    } catch (error) {
      setMessage(plainError(error, 'History was not cleared').error);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <section class="options-history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <label class="settings-check">
        <input
          type="checkbox"
          checked={recording ?? true}
          disabled={recording === undefined}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setRecording(on);
            setHistoryEnabled(on).catch((error: unknown) => setMessage(plainError(error).error));
          }}
        />
        Keep a history of the papers I open
      </label>
      <p class="hint">Kept in this browser only: never synced, never in a backup.</p>
      <div class="history-tools">
        <input
          type="search"
          class="library-filter history-filter"
          placeholder="Search the history"
          aria-label="Search the history"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        {confirming ? (
          <>
            <button type="button" class="outline-button danger" onClick={() => void clear()}>
              Clear {count === 1 ? '1 paper' : `${count ?? 0} papers`}
            </button>
            <button type="button" class="outline-button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" class="outline-button" disabled={!count} onClick={() => setConfirming(true)}>
            Clear history…
          </button>
        )}
      </div>
      <p class="history-message" role="status">
        {message}
      </p>
      <HistoryList db={db} tokens={tokens} recording={recording ?? true} />
    </section>
  );
}
