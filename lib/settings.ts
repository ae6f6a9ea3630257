import { SITE_NAMES, type SiteName } from './sites/types';

/**
 * The user's settings, kept in `browser.storage.local` (small, synced to every tab by
 * `storage.onChanged`; the database is for papers). Used by the content script, so it validates
 * by hand: Zod would weigh more than the whole content script. Whatever is stored is read
 * defensively: a missing, old or broken value falls back to the defaults, field by field.
 */

export interface Settings {
  /** Per site: hide papers marked read from its listings (they are only dimmed otherwise). */
  hideRead: Partial<Record<SiteName, boolean>>;
  /**
   * Dim papers marked read on pages. The one state a page can observe (a dimmed card's computed
   * opacity): off, pages look the same whatever was read (README, Privacy).
   */
  dimRead: boolean;
  /** Keep a history of the papers opened (on this device only; lib/store/history.ts). On unless false. */
  history?: boolean;
}

export const SETTINGS_KEY = 'settings';


export function defaultSettings(): Settings {
  return { hideRead: {}, dimRead: true };
}

/** Reads a stored value into valid settings; anything unknown or malformed is dropped. */
export function parseSettings(stored: unknown): Settings {
  const settings = defaultSettings();
  if (!isRecord(stored)) return settings;
  if (typeof stored.dimRead === 'boolean') settings.dimRead = stored.dimRead;
  if (typeof stored.history === 'boolean') settings.history = stored.history;
  if (!isRecord(stored.hideRead)) return settings;
  for (const site of SITE_NAMES) {
    const value = stored.hideRead[site];
    if (typeof value === 'boolean') settings.hideRead[site] = value;
  }
  return settings;
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Remembers whether read papers are hidden on `site`; every open tab hears of it (watchSettings). */
export async function setHideRead(site: SiteName, hide: boolean): Promise<Settings> {
  const settings = await loadSettings();
  settings.hideRead = { ...settings.hideRead, [site]: hide };
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/** Remembers whether read papers are dimmed on pages; every open tab hears of it. */
export async function setDimRead(dim: boolean): Promise<Settings> {
  const settings = await loadSettings();
  settings.dimRead = dim;
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/** Turns the history of papers opened on or off (what is kept stays until cleared). */
export async function setHistoryEnabled(enabled: boolean): Promise<Settings> {
  const settings = await loadSettings();
  settings.history = enabled;
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/** Calls `listener` with the new settings whenever they change (in this tab or any other). */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
