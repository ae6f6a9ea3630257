import type { PaperState } from '../store/library';
import { LIMITS } from '../limits';
import { RequestError } from '../messaging';
import type { PaperId } from '../paper';

/**
 * Asks the background for the states of the papers a page shows: those near the viewport first,
 * then the others, at most LIMITS.idsPerRequest at a time and one request in flight per tab, so a
 * page with 50,000 cards shows them all and a page inventing cards cannot make one huge request.
 * A request that fails is asked again later (the service worker may be starting).
 */

export interface StateRequestsOptions {
  fetch: (ids: PaperId[]) => Promise<Record<PaperId, PaperState>>;
  apply: (states: Record<PaperId, PaperState>) => void;
  signal: AbortSignal;
  log?: (message: string, ...details: unknown[]) => void;
}

/** Waits before asking again after a failure, in milliseconds; the last one repeats. */
const RETRY_DELAYS_MS = [250, 1_000, 3_000, 10_000];

export class StateRequests {
  /** Waiting to be asked: near the viewport, and the others. */
  private readonly near = new Set<PaperId>();
  private readonly far = new Set<PaperId>();
  /** Asked (in flight or answered). */
  private readonly asked = new Set<PaperId>();
  private busy = false;
  private scheduled = false;
  private failures = 0;

  constructor(private readonly options: StateRequestsOptions) {}

  /** Asks for the state of `id` unless it was asked already; `near`: before the others. */
  ask(id: PaperId, near: boolean): void {
    if (this.asked.has(id)) return;
    if (near) {
      this.far.delete(id);
      this.near.add(id);
    } else if (!this.near.has(id)) {
      this.far.add(id);
    }
    this.schedule();
  }

  /** The paper left the page: its state is no longer wanted (and is asked again if it comes back). */
  forget(id: PaperId): void {
    this.asked.delete(id);
    this.near.delete(id);
    this.far.delete(id);
  }

  /** Ids waiting to be asked. */
  get pending(): number {
    return this.near.size + this.far.size;
  }

  private schedule(delay = 0): void {
    if (this.scheduled || this.busy) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.next();
    };
    // Ids found in one pass go out together: the request leaves after the pass.
    if (delay) setTimeout(run, delay);
    else queueMicrotask(run);
  }

  private async next(): Promise<void> {
    if (this.busy || this.options.signal.aborted) return;
    const ids = [...take(this.near, LIMITS.idsPerRequest)];
    ids.push(...take(this.far, LIMITS.idsPerRequest - ids.length));
    if (ids.length === 0) return;
    for (const id of ids) this.asked.add(id);
    this.busy = true;
    let retryIn = 0;
    try {
      const states = await this.options.fetch(ids);
      this.failures = 0;
      if (!this.options.signal.aborted) this.options.apply(states);
    } catch (error) {
      this.options.log?.('could not load paper states', error);
      if (error instanceof RequestError && error.code === 'invalidated') return;
      // Asked again later, before anything asked since (they were near when asked).
      for (const id of ids) {
        if (!this.asked.delete(id)) continue;
        this.near.add(id);
      }
      retryIn = RETRY_DELAYS_MS[Math.min(this.failures++, RETRY_DELAYS_MS.length - 1)]!;
    } finally {
      this.busy = false;
    }
    if (this.pending) this.schedule(retryIn);
  }
}

/** Takes up to `count` ids out of `set`, in insertion order. */
function* take(set: Set<PaperId>, count: number): Generator<PaperId> {
  for (const id of set) {
    if (count-- <= 0) return;
    set.delete(id);
    yield id;
  }
}
