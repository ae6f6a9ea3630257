import type { PaperId } from './paper';
import type { PaperState } from './store/library';
import type { Request } from './messages';

/**
 * The sending side of the protocol, for content scripts and extension pages. Type-only imports of
 * the schemas keep Zod out of the content script; the background validates everything it receives.
 */

/** Why a request failed: the background's codes, and two of the sender's own. */
export type ErrorCode =
  | 'invalid'
  | 'quota'
  | 'busy'
  | 'unavailable'
  | 'failed'
  /** The message did not reach the background, or its answer did not come back (the service worker stopped). */
  | 'transport'
  /** The extension was updated or removed: this page's Shelfmark can no longer reach it. */
  | 'invalidated';

export type Response<T> = { ok: true; data: T } | { ok: false; error: string; code?: ErrorCode };

/** A failed request, with words for the user (never the browser's raw error text) and why. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
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
  if (!response) throw new RequestError('Shelfmark could not reach its storage.', 'transport');
  if (!response.ok) throw new RequestError(response.error, response.code ?? 'failed');
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
    return new RequestError('Shelfmark was updated: reload the page to use it here.', 'invalidated');
  }
  return new RequestError('Shelfmark could not reach its storage.', 'transport');
}
