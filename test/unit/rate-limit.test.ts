import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@/lib/background/rate-limit';

/** A limiter on a clock the test moves: `sleep` records the wait and moves the clock by it. */
function pacedLimiter(burst: number, perSecond: number) {
  let now = 0;
  const waits: number[] = [];
  const limiter = new RateLimiter(
    burst,
    perSecond,
    () => now,
    async (ms) => {
      waits.push(ms);
      now += ms;
    },
  );
  return { limiter, waits, advance: (ms: number) => (now += ms), now: () => now };
}

describe('RateLimiter: per-tab pacing of state requests', () => {
  it('answers a burst at once, then paces what is over it', async () => {
    const { limiter, waits, now } = pacedLimiter(1_000, 200);
    await limiter.take(1, 500);
    await limiter.take(1, 500);
    expect(waits).toEqual([]);
    await limiter.take(1, 500);
    expect(waits).toEqual([2_500]); // 500 ids at 200 a second
    expect(now()).toBe(2_500);
  });

  it('answers every request of a tab, in order, however many', async () => {
    const { limiter, now } = pacedLimiter(1_000, 200);
    const answered: number[] = [];
    // 3,000 invented ids in chunks of 500, all asked at once.
    await Promise.all(Array.from({ length: 6 }, (_, i) => limiter.take(1, 500).then(() => answered.push(i))));
    expect(answered).toEqual([0, 1, 2, 3, 4, 5]);
    expect(now()).toBe(10_000); // 2,000 ids over the burst, at 200 a second
  });

  it('a tab’s wait never delays another tab', async () => {
    const { limiter, waits } = pacedLimiter(1_000, 200);
    await limiter.take(1, 1_000);
    const slow = limiter.take(1, 500);
    await limiter.take(2, 500);
    expect(waits).toEqual([2_500]); // only tab 1 waited
    await slow;
  });

  it('refills with time, never above the burst', async () => {
    const { limiter, waits, advance } = pacedLimiter(1_000, 200);
    await limiter.take(1, 1_000);
    advance(60_000);
    await limiter.take(1, 1_000);
    expect(waits).toEqual([]);
    await limiter.take(1, 200);
    expect(waits).toEqual([1_000]);
  });

  it('a request larger than the burst waits for a full bucket, not forever', async () => {
    const { limiter, waits } = pacedLimiter(100, 10);
    await limiter.take(1, 100);
    await limiter.take(1, 5_000);
    expect(waits).toEqual([10_000]);
  });

  it('forgets a closed tab', async () => {
    const { limiter, waits } = pacedLimiter(1_000, 200);
    await limiter.take(1, 1_000);
    limiter.forget(1);
    await limiter.take(1, 1_000);
    expect(waits).toEqual([]);
  });
});
