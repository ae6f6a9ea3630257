/**
 * Failures in plain words. What the background answers (`{ ok: false, error, code }`) and what the
 * extension pages show when their own writes fail: what happened and what to do, never a raw
 * exception, in the browser's language. No Dexie import: errors are told apart by their names
 * (Dexie's and the DOM's).
 */

import { t, type MessageKey } from './i18n';

export type ErrorCode = 'invalid' | 'quota' | 'busy' | 'unavailable' | 'failed';

export interface PlainError {
  /** A sentence or two for the user. */
  error: string;
  code: ErrorCode;
}

/** Names of IndexedDB and Dexie errors (Dexie keeps the DOM's name, or wraps it as `inner`). */
const KINDS: Record<string, Exclude<ErrorCode, 'invalid'>> = {
  QuotaExceededError: 'quota',
  DatabaseClosedError: 'unavailable',
  OpenFailedError: 'unavailable',
  InvalidStateError: 'unavailable',
  VersionError: 'unavailable',
  MissingAPIError: 'unavailable',
  NoSuchDatabaseError: 'unavailable',
  UnknownError: 'unavailable',
  TimeoutError: 'busy',
  TransactionInactiveError: 'busy',
  PrematureCommitError: 'busy',
};

const ADVICE: Record<Exclude<ErrorCode, 'invalid'>, MessageKey> = {
  quota: 'errorAdviceQuota',
  unavailable: 'errorAdviceUnavailable',
  busy: 'errorAdviceBusy',
  failed: 'errorAdviceFailed',
};

/** What failed, the start of the sentence: a key of the catalogues ("Not saved"). */
export type ErrorWhat = MessageKey;

/**
 * `cause` in words a user can act on, after `what` ("Not saved", "The import failed and changed
 * nothing"): `Not saved: the storage your browser gives Shelfmark is full. Free some disk space…`.
 */
export function plainError(cause: unknown, what: ErrorWhat = 'errorNotSaved'): PlainError {
  const code = errorCode(cause);
  return { error: t('errorWithAdvice', t(what), t(ADVICE[code])), code };
}

/** The kind of a storage failure, looking through Dexie's wrappers (`inner`, a bulk write's `failures`). */
export function errorCode(cause: unknown): Exclude<ErrorCode, 'invalid'> {
  let seen = 0;
  const queue: unknown[] = [cause];
  while (queue.length > 0 && seen++ < 20) {
    const error = queue.shift();
    if (typeof error !== 'object' || error === null) continue;
    const { name, message, inner, failures } = error as { name?: unknown; message?: unknown; inner?: unknown; failures?: unknown };
    const kind = typeof name === 'string' ? KINDS[name] : undefined;
    if (kind) return kind;
    // browser.storage's quota: "QUOTA_BYTES quota exceeded" (Chrome), "QuotaExceededError…" (Firefox).
    if (typeof message === 'string' && /quota/i.test(message)) return 'quota';
    queue.push(inner, ...(Array.isArray(failures) ? failures : []));
  }
  return 'failed';
}
