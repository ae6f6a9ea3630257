/**
 * What can go wrong talking to the sync folder, in plain words for the options page, with whether
 * trying again soon may help (`retryable`: lib/sync/retry.ts retries those with backoff).
 */

import { t } from '../i18n';

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
      return new SyncError('auth', t('syncErrorAuth'), { status });
    case 403:
      return new SyncError('forbidden', t('syncErrorForbidden', what), { status });
    case 404:
      return new SyncError('not-found', t('syncErrorNotFound', what), { status });
    case 405:
    case 501:
      return new SyncError('not-webdav', t('syncErrorNotWebdav', status), { status });
    case 409:
      return new SyncError('conflict', t('syncErrorConflict', what), { status });
    case 413:
    case 507:
      return new SyncError('full', t('syncErrorFull', what, `${status} ${status === 507 ? 'Insufficient Storage' : 'Too Large'}`), { status }) // not UI: HTTP's own status words;
    default:
      if (status === 429 || status >= 500) {
        return new SyncError('server', t('syncErrorServer', status, what), { status });
      }
      return new SyncError('not-webdav', t('syncErrorUnexpected', status, what), { status });
  }
}

export function networkError(cause: unknown): SyncError {
  const timedOut = cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  return new SyncError(
    'network',
    timedOut
      ? t('syncErrorTimeout')
      : t('syncErrorNetwork'),
    { cause },
  );
}

export function truncatedError(what: string, detail: string): SyncError {
  return new SyncError('truncated', t('syncErrorTruncated', capitalize(what), detail));
}

/** Plain words for any error met while syncing. */
export function describeSyncError(error: unknown): string {
  if (error instanceof SyncError) return error.message;
  return t('syncErrorUnexpectedError', error instanceof Error ? error.message : String(error));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
