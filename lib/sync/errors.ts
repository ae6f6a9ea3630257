/**
 * What can go wrong talking to the sync folder, in plain words for the options page, with whether
 * trying again soon may help (`retryable`: lib/sync/retry.ts retries those with backoff).
 */

export type SyncErrorKind =
  | 'auth' // 401: wrong user name or app password
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409: the parent folder is missing
  | 'full' // 507 or 413: no room on the server
  | 'server' // 5xx, 429: the server's trouble, usually passing
  | 'network' // no answer: offline, wrong address, refused, timed out
  | 'truncated' // a download or upload that did not arrive whole
  | 'invalid' // a file that is not what Shelfmark wrote (validation failed); nothing of it is applied
  | 'not-webdav'; // the address answers, but not as a WebDAV folder

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status?: number;
  readonly retryable: boolean;
  constructor(kind: SyncErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SyncError';
    this.kind = kind;
    this.status = options.status;
    this.retryable = kind === 'server' || kind === 'network' || kind === 'truncated';
  }
}

/** The error for an HTTP answer that is not a success, in plain words. */
export function httpError(status: number, what: string): SyncError {
  switch (status) {
    case 401:
      return new SyncError('auth', 'The server refused the user name or password (401). Check them in the sync settings; with Nextcloud, use an app password.', { status });
    case 403:
      return new SyncError('forbidden', `The server does not let this account write ${what} (403). Check the folder address and its sharing settings.`, { status });
    case 404:
      return new SyncError('not-found', `The server has no ${what} (404). Check the folder address.`, { status });
    case 405:
    case 501:
      return new SyncError('not-webdav', `The address does not answer as a WebDAV folder (${status}). Check it: for Nextcloud it ends in /remote.php/dav/files/<user>/<folder>/.`, { status });
    case 409:
      return new SyncError('conflict', `The server could not write ${what}: its folder is missing (409).`, { status });
    case 413:
    case 507:
      return new SyncError('full', `The server has no room left for ${what} (${status} ${status === 507 ? 'Insufficient Storage' : 'Too Large'}). Free some space in your cloud; Shelfmark will try again.`, { status });
    default:
      if (status === 429 || status >= 500) {
        return new SyncError('server', `The server had a problem (${status}) with ${what}. Shelfmark will try again.`, { status });
      }
      return new SyncError('not-webdav', `The server answered ${status} for ${what}, which Shelfmark did not expect.`, { status });
  }
}

export function networkError(cause: unknown): SyncError {
  const timedOut = cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  return new SyncError(
    'network',
    timedOut
      ? 'The server did not answer in time. Shelfmark will try again.'
      : 'Could not reach the server: check the address and your connection. Shelfmark will try again.',
    { cause },
  );
}

export function truncatedError(what: string, detail: string): SyncError {
  return new SyncError('truncated', `${capitalize(what)} did not arrive whole (${detail}). Shelfmark will try again.`);
}

/** Plain words for any error met while syncing. */
export function describeSyncError(error: unknown): string {
  if (error instanceof SyncError) return error.message;
  return `Sync stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
