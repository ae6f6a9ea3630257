import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { clearHistory } from '@/lib/store/history';
import { queryTokens } from '@/lib/store/search';
import { loadSettings, setHistoryEnabled, watchSettings } from '@/lib/settings';
import { plainError } from '@/lib/errors';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { HistoryList } from '../shared/HistoryList';
import { plural, t } from '@/lib/i18n';

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
      setMessage(t('historyCleared'));
    } catch (error) {
      setMessage(plainError(error, 'errorHistoryNotCleared').error);
    } finally {
      setConfirming(false);
    }
  };

  return (
    <section class="options-history" aria-labelledby="history-title">
      <h2 id="history-title">{t('viewHistory')}</h2>
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
        {t('historyKeep')}
      </label>
      <p class="hint">{t('historyKeptHint')}</p>
      <div class="history-tools">
        <input
          type="search"
          class="library-filter history-filter"
          placeholder={t('historySearch')}
          aria-label={t('historySearch')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        {confirming ? (
          <>
            <button type="button" class="outline-button danger" onClick={() => void clear()}>
              {plural('historyClearCount', count ?? 0)}
            </button>
            <button type="button" class="outline-button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="outline-button" disabled={!count} onClick={() => setConfirming(true)}>
            {t('historyClear')}
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
