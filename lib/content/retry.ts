import { RequestError } from '../messaging';

/**
 * Sends again when a request did not get through: the service worker stopped mid-request and is
 * starting again (`transport`), or the background asked to wait (`busy`, `unavailable`). Requests
 * say what the user wants (a value and its time, never "toggle"), so sending one twice is harmless.
 */

/** Waits before each new attempt, in milliseconds. */
export const RETRY_DELAYS_MS: readonly number[] = [100, 300, 1_000, 2_000, 4_000];
const RETRIED = new Set(['transport', 'busy', 'unavailable']);

export function withRetries<A extends unknown[], T>(
  send: (...args: A) => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
): (...args: A) => Promise<T> {
  return async (...args) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(...args);
      } catch (error) {
        if (!(error instanceof RequestError) || !RETRIED.has(error.code) || attempt >= delays.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
      }
    }
  };
}
