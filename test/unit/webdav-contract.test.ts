// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { SyncError } from '@/lib/sync/errors';
import { withRetry } from '@/lib/sync/retry';
import { WebDavClient } from '@/lib/sync/webdav';
import { startFaultProxy, type FaultProxy } from '../servers/fault-proxy';
import { startServer, type DavServer, type ServerName } from '../servers/webdav-servers';

/*
 * The WebDAV client's contract, against three real servers on 127.0.0.1 (each started once for this
 * file): nginx with dav-ext, rclone serve webdav, and the webdav-server package. Faults a server
 * will not make on demand (500, 507, a body cut off, an upload cut short, a refused connection) come
 * from a fault-injecting proxy in front of it.
 */

const SERVERS: ServerName[] = ['nginx', 'rclone', 'webdav-server'];
const bytes = (text: string) => new TextEncoder().encode(text);
const decode = (data: Uint8Array) => new TextDecoder().decode(data);
const noWait = { sleep: async () => {} };

describe.each(SERVERS)('WebDAV contract: %s', (name) => {
  let server: DavServer;
  let proxy: FaultProxy;
  let folders = 0;

  beforeAll(async () => {
    server = await startServer(name);
    proxy = await startFaultProxy(server.url);
  }, 30_000);
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  /** A client on a new empty folder, through the proxy. */
  async function client(password = server.password): Promise<WebDavClient> {
    proxy.clear();
    const folder = `${proxy.url}contract-${++folders}/`;
    const dav = new WebDavClient({ url: folder, username: server.username, password: server.password });
    await dav.mkcol('');
    return password === server.password ? dav : new WebDavClient({ url: folder, username: server.username, password });
  }

  async function failure(work: Promise<unknown>): Promise<SyncError> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SyncError);
    return error as SyncError;
  }

  it('makes folders (twice is fine), lists them, and answers not-found for a missing one', async () => {
    const dav = await client();
    expect(await dav.list('')).toEqual([]);
    await dav.mkcol('devices');
    await dav.mkcol('devices');
    await dav.mkcol('devices/abc');
    expect(await dav.list('')).toEqual([{ path: 'devices', folder: true, size: undefined }].map((entry) => expect.objectContaining({ path: entry.path, folder: true })));
    expect((await dav.list('devices')).map((entry) => entry.path)).toEqual(['devices/abc']);
    expect((await failure(dav.list('nowhere'))).kind).toBe('not-found');
  });

  it('makes the sync folder and the folders above it that are missing', async () => {
    const dav = new WebDavClient({ url: `${proxy.url}deep-${++folders}/Apps/Shelfmark/`, username: server.username, password: server.password });
    expect((await failure(dav.list(''))).kind).toBe('not-found');
    await dav.makeFolder();
    await dav.makeFolder(); // there already: fine
    expect(await dav.list('')).toEqual([]);
  });

  it('puts, lists with sizes, gets back the same bytes, and deletes', async () => {
    const dav = await client();
    await dav.mkcol('log');
    const json = bytes(JSON.stringify({ note: 'Ünïcödé ✓ and "quotes"', n: 1 }));
    const gzip = new Uint8Array(gzipSync(Buffer.from('x'.repeat(10_000))));
    await dav.put('log/1.json', json);
    await dav.put('log/2.json.gz', gzip, 'application/gzip');
    const listed = (await dav.list('log')).sort((a, b) => a.path.localeCompare(b.path));
    expect(listed).toEqual([
      { path: 'log/1.json', folder: false, size: json.length },
      { path: 'log/2.json.gz', folder: false, size: gzip.length },
    ]);
    expect(decode(await dav.get('log/1.json', json.length))).toBe(decode(json));
    expect(await dav.get('log/2.json.gz')).toEqual(gzip);
    expect(await dav.stat('log/1.json')).toEqual({ path: 'log/1.json', folder: false, size: json.length });

    // A file is replaced whole by a second put (one writer per file: no If-Match needed).
    await dav.put('log/1.json', bytes('{"n":2}'));
    expect(decode(await dav.get('log/1.json'))).toBe('{"n":2}');

    await dav.delete('log/1.json');
    await dav.delete('log/1.json'); // already gone: fine
    expect((await dav.list('log')).map((entry) => entry.path)).toEqual(['log/2.json.gz']);
    expect(await dav.stat('log/1.json')).toBeUndefined();
    expect((await failure(dav.get('log/1.json'))).kind).toBe('not-found');
  });

  it('a wrong password is a plain-words 401, not retried', async () => {
    const dav = await client('wrong password');
    const sent = proxy.requests.length;
    const error = await failure(withRetry(() => dav.list(''), noWait));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(error.message).toMatch(/refused the user name or password \(401\).*app password/);
    expect(proxy.requests.slice(sent)).toEqual([expect.objectContaining({ method: 'PROPFIND', status: 401 })]);
  });

  it('a 500 is retried with backoff until the server recovers', async () => {
    const dav = await client();
    await dav.put('a.json', bytes('{}'));
    proxy.add({ method: 'GET', path: /a\.json$/, fault: { kind: 'status', status: 500 }, times: 2 });
    const waits: number[] = [];
    const data = await withRetry(() => dav.get('a.json'), { sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    expect(decode(data)).toBe('{}');
    expect(waits).toEqual([375, 750]); // growing waits
    proxy.add({ method: 'GET', fault: { kind: 'status', status: 500 }, times: Infinity });
    const error = await failure(withRetry(() => dav.get('a.json'), noWait));
    expect(error).toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(error.message).toBe('The server had a problem (500) with “a.json”. Shelfmark will try again.');
  });

  it('a 507 says the server is full, and is left for a later cycle', async () => {
    const dav = await client();
    proxy.add({ method: 'PUT', fault: { kind: 'status', status: 507 } });
    const error = await failure(withRetry(() => dav.put('big.json', bytes('{}')), noWait));
    expect(error).toMatchObject({ kind: 'full', status: 507, retryable: false });
    expect(error.message).toMatch(/no room left .*507 Insufficient Storage.*Free some space/);
    expect(await dav.stat('big.json')).toBeUndefined();
  });

  it('a download cut off halfway is detected and retried', async () => {
    const dav = await client();
    const content = bytes(JSON.stringify({ papers: 'x'.repeat(50_000) }));
    await dav.put('snap.json', content);
    proxy.add({ method: 'GET', path: /snap\.json$/, fault: { kind: 'truncate-response' } });
    expect((await failure(dav.get('snap.json'))).kind).toBe('truncated');
    proxy.add({ method: 'GET', path: /snap\.json$/, fault: { kind: 'truncate-response' } });
    expect(await withRetry(() => dav.get('snap.json', content.length), noWait)).toEqual(content);
  });

  it('an upload cut short is caught by the size check after writing', async () => {
    const dav = await client();
    proxy.add({ method: 'PUT', fault: { kind: 'truncate-upload' } });
    const error = await failure(dav.put('log.json', bytes(JSON.stringify({ entries: 'y'.repeat(10_000) }))));
    expect(error.kind).toBe('truncated');
    expect(error.message).toMatch(/did not arrive whole \(the server has [\d,]+ of [\d,]+ bytes\)/);
  });

  it('a refused connection is a network error, retried', async () => {
    const dav = await client();
    proxy.add({ fault: { kind: 'refuse' } });
    expect(await withRetry(() => dav.list(''), noWait)).toEqual([]);
    proxy.offline = true;
    try {
      const error = await failure(dav.list(''));
      expect(error).toMatchObject({ kind: 'network', retryable: true });
      expect(error.message).toMatch(/^Could not reach the server/);
    } finally {
      proxy.offline = false;
    }
  });
});
