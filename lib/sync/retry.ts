import { SyncError } from './errors';

/**
 * Retries work that failed for a passing reason (a server error, the network, a body cut off),
 * waiting longer each time: about 0.5 s, 1 s, 2 s, with jitter so that devices do not retry in step.
 * Other errors (a wrong password, a full disk, a damaged file) are thrown at once: the next sync
 * cycle tries again later (lib/sync/runtime.ts backs off between cycles too).
 */

export interface RetryOptions {
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 4, baseMs = 500, maxMs = 8_000, random = Math.random } = options;
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SyncError) || !error.retryable || attempt >= attempts) throw error;
      const delay = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      await wait(delay / 2 + (random() * delay) / 2);
    }
  }
}
