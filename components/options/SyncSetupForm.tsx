import { useState } from 'preact/hooks';
import { checkFolderUrl, originPattern, saveSyncSettings, type SyncSettings } from '@/lib/sync/settings';
import { t } from '@/lib/i18n';

/**
 * Turning sync on: the folder's address, user name, app password and this device's name. Shelfmark
 * asks the browser for permission to reach that host only (the click is the user's gesture the
 * browser requires), then saves the settings; the background starts syncing at once.
 */
export function SyncSetupForm({ settings }: { settings: SyncSettings }) {
  const [form, setForm] = useState(settings);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const field = (name: keyof Omit<SyncSettings, 'enabled'>) => ({
    value: form[name],
    onInput: (event: Event) => setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value }),
  });

  function turnOn(event: Event) {
    event.preventDefault();
    setError('');
    const checked = checkFolderUrl(form.url);
    if (!checked.ok) return setError(checked.error);
    if (!form.username.trim() || !form.password) return setError(t('syncEnterCredentials'));
    setBusy(true);
    // First thing in the click: the browser shows its prompt only during the user's gesture.
    browser.permissions
      .request({ origins: [originPattern(checked.url)] })
      .then(async (granted) => {
        if (!granted) {
          setError(t('syncNeedsPermission', checked.url.hostname));
          return;
        }
        await saveSyncSettings({ ...form, url: checked.url.href, username: form.username.trim(), deviceName: form.deviceName.trim() || settings.deviceName, enabled: true });
      })
      .catch((cause: unknown) => setError(t('errorWithAdvice', t('errorNotSaved'), cause instanceof Error ? cause.message : String(cause))))
      .finally(() => setBusy(false));
  }

  return (
    <form class="sync-form" onSubmit={turnOn}>
      <p class="hint">{t('syncSetupHint')}</p>
      <label>
        {t('syncFolderAddress')}
        <input type="url" required placeholder="https://cloud.example.org/remote.php/dav/files/you/Shelfmark/" {...field('url')} />
      </label>
      <label>
        {t('syncUserName')}
        <input type="text" autocomplete="username" required {...field('username')} />
      </label>
      <label>
        {t('syncAppPassword')}
        <input type="password" autocomplete="new-password" required {...field('password')} />
      </label>
      <label>
        {t('syncDeviceName')}
        <input type="text" maxLength={200} {...field('deviceName')} />
      </label>
      <p class="hint">{t('syncNextcloudHint')}</p>
      {error && (
        <p class="sync-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t('syncTurnOn')}
      </button>
    </form>
  );
}
