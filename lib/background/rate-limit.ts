/**
 * Token buckets, one per key (a tab): `take(key, cost)` resolves once `cost` tokens are there.
 * Requests of one key are served in the order they came; a key's wait never delays another key.
 * Nothing is refused: an expensive burst is only answered slowly. The numbers are STATE_RATE in
 * lib/limits.ts.
 */
export class RateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number; queue: Promise<void> }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Waits until `cost` tokens (at most the burst) are available for `key`, then spends them. */
  take(key: number, cost: number): Promise<void> {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: this.now(), queue: Promise.resolve() };
    this.buckets.set(key, bucket);
    const wanted = Math.min(Math.max(cost, 0), this.burst);
    const turn = bucket.queue.then(async () => {
      this.refill(bucket);
      if (bucket.tokens < wanted) {
        await this.sleep(((wanted - bucket.tokens) / this.perSecond) * 1000);
        this.refill(bucket);
      }
      bucket.tokens -= wanted;
    });
    bucket.queue = turn;
    return turn;
  }

  /** Drops a key's bucket (its tab closed). */
  forget(key: number): void {
    this.buckets.delete(key);
  }

  private refill(bucket: { tokens: number; at: number }): void {
    const now = this.now();
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
  }
}
