import { z } from '../zod';
import { t } from '../i18n';

/**
 * The sync settings, in `browser.storage.local` (never synced by the browser): the folder's
 * address, the user name, the app password, this device's name, and whether sync is on. Sync is
 * off until the user turns it on; while it is off Shelfmark makes no network request.
 */

export const SYNC_SETTINGS_KEY = 'sync';

const SyncSettingsSchema = z.object({
  enabled: z.boolean(),
  url: z.string().max(2_000),
  username: z.string().max(500),
  password: z.string().max(2_000),
  deviceName: z.string().max(200),
});

export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

export function defaultSyncSettings(): SyncSettings {
  return { enabled: false, url: '', username: '', password: '', deviceName: defaultDeviceName() };
}

/** Stored settings, or the defaults when they are missing or broken (sync then stays off). */
export function parseSyncSettings(stored: unknown): SyncSettings {
  const parsed = SyncSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultSyncSettings();
}

export async function loadSyncSettings(): Promise<SyncSettings> {
  return parseSyncSettings((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]);
}

export async function saveSyncSettings(settings: SyncSettings): Promise<void> {
  await browser.storage.local.set({ [SYNC_SETTINGS_KEY]: SyncSettingsSchema.parse(settings) });
}

/** What the user typed as the folder address, checked: an http(s) URL without a password in it. */
export function checkFolderUrl(text: string): { ok: true; url: URL } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: t('syncUrlMissing') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: t('syncUrlScheme') };
  if (url.username || url.password) return { ok: false, error: t('syncUrlCredentials') };
  return { ok: true, url };
}

/** The host permission Shelfmark asks for to reach the folder: its origin, any path. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

function defaultDeviceName(): string {
  const agent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  const browserName = /Firefox\//.test(agent) ? 'Firefox' : /Edg\//.test(agent) ? 'Edge' : /Chrome\//.test(agent) ? 'Chromium' : t('syncDefaultBrowser');
  const system = /Windows/.test(agent) ? 'Windows' : /Mac OS X/.test(agent) ? 'macOS' : /Android/.test(agent) ? 'Android' : /Linux/.test(agent) ? 'Linux' : '';
  return system ? t('syncDefaultDeviceName', browserName, system) : browserName;
}
