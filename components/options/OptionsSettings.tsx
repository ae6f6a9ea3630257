import { useEffect, useState } from 'preact/hooks';
import { loadSettings, setDimRead, setHideRead, watchSettings, type Settings } from '@/lib/settings';
import { plainError } from '@/lib/errors';
import { ADAPTERS } from '@/lib/sites';
import { t } from '@/lib/i18n';

/**
 * Settings: hiding read papers per site (the same switch as the "Hide read" pill on a listing and
 * its `h` key), dimming them, where the keyboard shortcut is changed, and where the data lives.
 */
export function OptionsSettings() {
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [error, setError] = useState('');
  const save = (change: Promise<Settings>) => {
    setError('');
    change.then(setSettings, (cause: unknown) => setError(plainError(cause).error));
  };
  useEffect(() => {
    const controller = new AbortController();
    void loadSettings().then(setSettings);
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);

  return (
    <section class="options-settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settingsTitle')}</h2>
      <fieldset class="settings-hide-read" disabled={!settings}>
        <legend>{t('settingsReadLegend')}</legend>
        {/* One switch per site (Hugging Face has two adapters: its papers, its model pages). */}
        {ADAPTERS.filter((site, i) => ADAPTERS.findIndex((other) => other.name === site.name) === i).map((site) => (
          <label key={site.name} class="settings-check">
            <input
              type="checkbox"
              checked={settings?.hideRead[site.name] ?? false}
              onChange={(event) => save(setHideRead(site.name, event.currentTarget.checked))}
            />
            {t('settingsHideOn', site.label)}
          </label>
        ))}
        <p class="hint">{t('settingsHideHint')}</p>
        <label class="settings-check">
          <input type="checkbox" checked={settings?.dimRead ?? true} onChange={(event) => save(setDimRead(event.currentTarget.checked))} />
          {t('settingsDimRead')}
        </label>
        <p class="hint">{t('settingsDimHint')}</p>
        {error && <p role="alert">{error}</p>}
      </fieldset>
      <p class="hint">
        <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> {t('settingsShortcut')}
      </p>
      <p class="hint">{t('settingsKeptWhere')}</p>
    </section>
  );
}
