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

/** A request the background answered with a failure: `message` is its plain words. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'failed',
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

/** Sends one request to the background and unwraps its answer; rejects with a RequestError. */
export async function sendRequest<R extends Request>(request: R): Promise<ResponseData[R['type']]> {
  const response = (await browser.runtime.sendMessage(request)) as Response<ResponseData[R['type']]> | undefined;
  if (!response) throw new RequestError(t('cardNoAnswer'), 'unavailable');
  if (!response.ok) throw new RequestError(response.error, response.code);
  return response.data;
}
