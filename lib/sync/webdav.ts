import { SyncError, httpError, networkError, truncatedError } from './errors';
import { parseMultistatus } from './multistatus';
import { t } from '../i18n';

/**
 * A small WebDAV client for the sync folder: list (PROPFIND), get, put, delete, make a folder
 * (MKCOL). Paths are relative to the folder the user gave (`devices/abc/device.json`). Every upload's
 * size is checked on the server afterwards; every download is checked against the length the server
 * announced and, when the caller knows it, the size the writer recorded. Nothing here depends on
 * If-Match or locks: nginx, rclone and many servers ignore them, so sync has one writer per file.
 */

export interface DavCredentials {
  /** The folder's address, e.g. https://cloud.example.org/remote.php/dav/files/alice/Shelfmark/ */
  url: string;
  username: string;
  password: string;
}

export interface DavFile {
  /** Path relative to the folder, without a trailing slash. */
  path: string;
  folder: boolean;
  size?: number;
}

const PROPFIND_BODY = // not UI: the body of WebDAV's PROPFIND request
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/><d:getetag/></d:prop></d:propfind>';

export interface WebDavOptions {
  fetch?: typeof fetch;
  /** How long one request may take before it counts as a network failure. */
  timeoutMs?: number;
  /** Called for each request sent (method and path): the benchmark counts them. */
  onRequest?: (method: string, path: string) => void;
}

export class WebDavClient {
  readonly base: URL;
  /** The folder and account, as one key: sync's bookkeeping belongs to one of them. */
  readonly target: string;
  private readonly authorization: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly onRequest?: (method: string, path: string) => void;

  constructor(credentials: DavCredentials, options: WebDavOptions = {}) {
    this.base = folderUrl(credentials.url);
    this.target = targetKey(credentials);
    // not UI: HTTP Basic authentication
    this.authorization = `Basic ${base64(`${credentials.username}:${credentials.password}`)}`;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.onRequest = options.onRequest;
  }

  /** The entries directly inside a folder (not the folder itself). Throws `not-found` when it does not exist. */
  async list(path: string): Promise<DavFile[]> {
    const response = await this.send('PROPFIND', folderPath(path), { body: PROPFIND_BODY, headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' } });
    if (response.status !== 207) throw httpError(response.status, describe(path));
    const wanted = path.replace(/\/$/, '');
    return parseMultistatus(await this.readText(response, path)).flatMap((entry) => {
      const relative = this.relative(entry.href)?.replace(/\/$/, '');
      // The listing includes the folder itself; entries outside the folder are not ours.
      if (relative === undefined || relative === wanted) return [];
      return [{ path: relative, folder: entry.folder, size: entry.size }];
    });
  }

  /** One file's or folder's size and kind, or undefined when it does not exist. */
  async stat(path: string): Promise<DavFile | undefined> {
    const response = await this.send('PROPFIND', path, { body: PROPFIND_BODY, headers: { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' } });
    if (response.status === 404) return undefined;
    if (response.status !== 207) throw httpError(response.status, describe(path));
    const [entry] = parseMultistatus(await this.readText(response, path));
    return entry && { path, folder: entry.folder, size: entry.size };
  }

  /** A file's bytes. `expectedSize`: the size its writer recorded; a different length is a body cut off. */
  async get(path: string, expectedSize?: number): Promise<Uint8Array> {
    const response = await this.send('GET', path);
    if (!response.ok) throw httpError(response.status, describe(path));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      throw Object.assign(truncatedError(describe(path), t('syncClosedEarly')), { cause });
    }
    const announced = response.headers.get('content-length');
    if (announced !== null && !response.headers.get('content-encoding') && Number(announced) !== bytes.length) {
      throw truncatedError(describe(path), t('syncBytesOf', bytes.length, announced));
    }
    if (expectedSize !== undefined && bytes.length !== expectedSize) {
      throw truncatedError(describe(path), `${bytes.length} bytes, ${expectedSize} expected`);
    }
    return bytes;
  }

  /** Writes a file, then checks on the server that all of it arrived. */
  async put(path: string, body: Uint8Array<ArrayBuffer>, contentType = 'application/json'): Promise<void> {
    const response = await this.send('PUT', path, { body, headers: { 'Content-Type': contentType } });
    if (!(response.ok || response.status === 201 || response.status === 204)) throw httpError(response.status, describe(path));
    await response.body?.cancel();
    const stored = await this.stat(path);
    if (stored?.size !== undefined && stored.size !== body.length) {
      throw new SyncError('truncated', t('syncUploadTruncated', describe(path), stored.size, body.length));
    }
    if (!stored) throw new SyncError('truncated', t('syncUploadMissing', describe(path)));
  }

  /** Deletes a file; one already gone is fine. */
  async delete(path: string): Promise<void> {
    const response = await this.send('DELETE', path);
    await response.body?.cancel();
    if (!(response.ok || response.status === 404)) throw httpError(response.status, describe(path));
  }

  /** Makes a folder; one that exists already is fine. */
  async mkcol(path: string): Promise<void> {
    const response = await this.send('MKCOL', folderPath(path));
    await response.body?.cancel();
    // 405: it exists already (RFC 4918 9.3.1).
    if (!(response.ok || response.status === 201 || response.status === 405)) throw httpError(response.status, describe(path));
  }

  /** Makes the sync folder itself, and the folders above it that are missing (MKCOL makes one level). */
  async makeFolder(): Promise<void> {
    try {
      await this.mkcol('');
      return;
    } catch (error) {
      if (!(error instanceof SyncError && error.kind === 'conflict')) throw error;
    }
    const segments = this.base.pathname.split('/').filter(Boolean);
    for (let depth = 1; depth <= segments.length; depth++) {
      const response = await this.send('MKCOL', new URL(`/${segments.slice(0, depth).join('/')}/`, this.base));
      await response.body?.cancel();
      // Folders above ours may exist (405) or be out of this account's reach (403 on a Nextcloud root): go on.
      if (!(response.ok || response.status === 405 || response.status === 403 || response.status === 301)) throw httpError(response.status, t('syncTheFolder'));
    }
  }

  /** One request; `target` is a path in the folder, or (making the folders above it) a URL. */
  private async send(method: string, target: string | URL, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    this.onRequest?.(method, String(target));
    try {
      return await this.fetchImpl(typeof target === 'string' ? this.url(target) : target, {
        method,
        body: init.body,
        headers: { Authorization: this.authorization, ...init.headers },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw networkError(cause);
    }
  }

  private async readText(response: Response, path: string): Promise<string> {
    try {
      return await response.text();
    } catch (cause) {
      throw Object.assign(truncatedError(t('syncListingOf', describe(path)), t('syncClosedEarly')), { cause });
    }
  }

  private url(path: string): URL {
    return new URL(path.split('/').map(encodeURIComponent).join('/'), this.base);
  }

  /** An href of a listing relative to the folder, or undefined when it lies outside it. */
  private relative(href: string): string | undefined {
    let pathname = href;
    try {
      pathname = decodeURIComponent(new URL(href, this.base).pathname);
    } catch {
      return undefined;
    }
    const root = decodeURIComponent(this.base.pathname);
    return pathname.startsWith(root) ? pathname.slice(root.length) : undefined;
  }
}

/** The folder and account as one key: sync's bookkeeping (cursors, head) belongs to one of them. */
export function targetKey(credentials: Pick<DavCredentials, 'url' | 'username'>): string {
  return `${credentials.username} at ${folderUrl(credentials.url).href}`;
}

/** The folder's URL, always ending in a slash (relative paths resolve inside it). */
export function folderUrl(url: string): URL {
  const parsed = new URL(url.trim());
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  parsed.search = '';
  parsed.hash = '';
  return parsed;
}

const folderPath = (path: string) => (path === '' || path.endsWith('/') ? path : `${path}/`);
const describe = (path: string) => (path === '' ? t('syncTheFolder') : t('syncQuoted', path));

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
