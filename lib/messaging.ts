import type { PaperId } from './paper';
import type { PaperState } from './store/library';
import type { Request } from './messages';

/**
 * The sending side of the protocol, for content scripts and extension pages. Type-only imports of
 * the schemas keep Zod out of the content script; the background validates everything it receives.
 */

export type Response<T> = { ok: true; data: T } | { ok: false; error: string; code?: 'invalid' | 'quota' | 'busy' | 'unavailable' | 'failed' };

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

/** Sends one request to the background and unwraps its answer; rejects with the background's error. */
export async function sendRequest<R extends Request>(request: R): Promise<ResponseData[R['type']]> {
  const response = (await browser.runtime.sendMessage(request)) as Response<ResponseData[R['type']]> | undefined;
  if (!response) throw new Error('Shelfmark background did not answer');
  if (!response.ok) throw new Error(response.error);
  return response.data;
}
