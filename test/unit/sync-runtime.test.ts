import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startSyncRuntime, SYNC_ALARM } from '@/lib/background/sync-runtime';
import { saveSyncSettings, defaultSyncSettings } from '@/lib/sync/settings';
import { loadStatus } from '@/lib/sync/state';
import { freshDatabase } from '../db-helpers';

/*
 * When sync runs (lib/background/sync-runtime.ts): never while it is off, an alarm while it is on,
 * longer waits after failures, the popup's trigger throttled, and no request without the host
 * permission. The network is a stub that counts requests and answers 401.
 */

const requests: string[] = [];
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
let allowed = true;

beforeEach(() => {
  fakeBrowser.reset();
  requests.length = 0;
  allowed = true;
  vi.stubGlobal('fetch', vi.fn(async (url: URL | string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${String(url)}`);
    return new Response('no', { status: 401 });
  }));
  (fakeBrowser as unknown as { permissions: { contains: () => Promise<boolean> } }).permissions.contains = async () => allowed;
});
afterEach(() => vi.unstubAllGlobals());

const turnOn = () =>
  saveSyncSettings({ ...defaultSyncSettings(), enabled: true, url: 'https://cloud.example.org/remote.php/dav/files/me/Shelfmark/', username: 'me', password: 'app-password' });

describe('the sync runtime', () => {
  it('while sync is off: no alarm, no request, whatever asks', async () => {
    const db = freshDatabase();
    const runtime = startSyncRuntime(db, { onChanged: async () => {} });
    runtime.edited();
    for (const reason of ['now', 'popup', 'alarm', 'edit'] as const) await runtime.run(reason);
    await settle();
    expect(requests).toEqual([]);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
    expect(await loadStatus(db)).toEqual({ key: 'status' });
  });

  it('turned on: an alarm every minute and a cycle at once; a failure is said in plain words and waited out', async () => {
    const db = freshDatabase();
    const runtime = startSyncRuntime(db, { onChanged: async () => {} });
    await turnOn();
    await settle();
    await runtime.run('now'); // after the cycle the settings started
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 1 });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.includes('https://cloud.example.org/remote.php/dav/files/me/Shelfmark/'))).toBe(true);
    const failed = await loadStatus(db);
    expect(failed.error).toMatch(/refused the user name or password \(401\)/);
    expect(failed.failures).toBe(2);

    // After failures the alarm and edits wait (1, 2, 4 … minutes); the popup waits 10 s; the user's "Sync now" does not.
    const sent = requests.length;
    await runtime.run('alarm');
    await runtime.run('edit');
    await runtime.run('popup');
    expect(requests.length).toBe(sent);
    await runtime.run('now');
    expect(requests.length).toBeGreaterThan(sent);
    expect((await loadStatus(db)).failures).toBe(3);

    // Turned off: the alarm goes, and nothing more is sent.
    await saveSyncSettings({ ...defaultSyncSettings(), enabled: false });
    await settle();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
    const before = requests.length;
    await runtime.run('now');
    expect(requests.length).toBe(before);
  });

  it('without the host permission it says so and sends nothing', async () => {
    allowed = false;
    const db = freshDatabase();
    const runtime = startSyncRuntime(db, { onChanged: async () => {} });
    await turnOn();
    await settle();
    await runtime.run('now');
    expect(requests).toEqual([]);
    expect((await loadStatus(db)).error).toBe('Shelfmark is not allowed to reach cloud.example.org. Turn sync off and on again to allow it.');
  });
});
