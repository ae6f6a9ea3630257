/**
 * Figures for `npm run bench`: medians and spreads, printed as a table. Benchmarks measure and
 * print; they assert nothing (timed assertions are flaky on shared machines).
 */

export interface Sample {
  name: string;
  /** Milliseconds per run. */
  runs: number[];
  /** Free-form context printed beside the figures ("2,000 entries", "10k papers"). */
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `fn` `warmup` times unmeasured, then `times` times measured; returns milliseconds per run. */
export async function measure(fn: () => unknown, times = 15, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  return runs;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** Prints one table: name, runs, median, p90, min, and the ratio of each median to the first row's. */
export function report(title: string, samples: readonly Sample[]): void {
  const base = samples[0] ? median(samples[0].runs) : 1;
  const rows = samples.map((sample) => ({
    case: sample.name,
    runs: sample.runs.length,
    'median ms': fmt(median(sample.runs)),
    'p90 ms': fmt(percentile(sample.runs, 90)),
    'min ms': fmt(Math.min(...sample.runs)),
    'vs first': `${(median(sample.runs) / base).toFixed(2)}×`,
    note: sample.note ?? '',
  }));
  console.log(`\n## ${title}`);
  console.table(rows);
}
