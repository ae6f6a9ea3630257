import type { PaperId } from './paper';
import type { PaperState } from './store/library';
import type { Request } from './messages';
import type { ErrorCode } from './errors';
import { t } from './i18n';

/**
 * The sending side of the protocol, for content scripts and extension pages. Type-only imports of
 * the schemas keep Zod out of the content script; the background validates everything it receives.
 */

/**
 * The background's answer. A failure carries `error`, plain words for the user (what happened,
 * what to do), and `code`: `invalid` (a malformed message), `quota` (storage full), `busy`,
 * `unavailable` (storage could not be opened), `failed` (anything else).
 */
export type Response<T> = { ok: true; data: T } | { ok: false; error: string; code?: ErrorCode };

/**
 * Why a request failed: the background's codes, and two of the sender's own: `transport` (the
 * message or its answer did not get through: the service worker stopped; sending it again is
 * harmless) and `invalidated` (the extension was updated or removed: this page cannot reach it).
 */
export type SendErrorCode = ErrorCode | 'transport' | 'invalidated';

/** A failed request: `message` is plain words for the user (never the browser's raw error text). */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: SendErrorCode = 'failed',
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** What each request answers with. */
export interface ResponseData {
  getStates: Record<PaperId, PaperState>;
  act: PaperState;
  changed: null;
  /** Every tag name of the library, most used first (at most TAG_NAMES_SENT). */
  tagNames: string[];
  /** When the library last synced, and the last cycle's error in plain words. */
  sync: { lastSyncAt?: number; error?: string };
}

/** Sent by the background to every tab when papers change, wherever the change was made. */
export interface StatesMessage {
  type: 'shelfmark:states';
  states: Record<PaperId, PaperState>;
}

export function isStatesMessage(message: unknown): message is StatesMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'shelfmark:states' &&
    typeof (message as { states?: unknown }).states === 'object'
  );
}

/** Sends one message to the background and unwraps its answer; rejects with a RequestError. */
export async function sendMessage<T>(message: unknown): Promise<T> {
  let response: Response<T> | undefined;
  try {
    response = (await browser.runtime.sendMessage(message)) as Response<T> | undefined;
  } catch (error) {
    throw transportError(error);
  }
  if (!response) throw new RequestError(t('cardNoReach'), 'transport');
  if (!response.ok) throw new RequestError(response.error, response.code);
  return response.data;
}

/** Sends one request to the background and unwraps its answer; rejects with a RequestError. */
export function sendRequest<R extends Request>(request: R): Promise<ResponseData[R['type']]> {
  return sendMessage<ResponseData[R['type']]>(request);
}

/** The browser's error, in words for the user. */
function transportError(error: unknown): RequestError {
  const text = error instanceof Error ? error.message : String(error);
  if (/context invalidated/i.test(text)) {
    return new RequestError(t('cardUpdatedReload'), 'invalidated');
  }
  return new RequestError(t('cardNoReach'), 'transport');
}
