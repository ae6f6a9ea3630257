import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { CHROMIUM } from '../test/e2e/harness';

/**
 * Where benchmarks keep their latest figures: bench/results.json, one key per benchmark ("content",
 * "popup", ...), and a section of BENCHMARKS.md per benchmark between its own markers. Each
 * benchmark replaces only its own part, so they can run separately.
 */

const RESULTS = resolve(__dirname, 'results.json');
const MARKDOWN = resolve(__dirname, '../BENCHMARKS.md');

/** The machine a figure was measured on: the machines are shared, so the load matters. */
export interface Machine {
  cores: number;
  cpu: string;
  /** 1, 5 and 15 minute load averages when the benchmark started. */
  loadAverage: number[];
  chromium: string;
  date: string;
}

export function machine(): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported as unknown: the figures still stand.
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    chromium,
    date: new Date().toISOString(),
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cores} cores (${m.cpu}), load average ${m.loadAverage.join(' / ')} at the start, ${m.chromium}, ${m.date.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Stores `data` under `key` in bench/results.json and `markdown` as the `key` section of BENCHMARKS.md. */
export function recordResults(key: string, data: unknown, markdown: string): void {
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  results[key] = data;
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(MARKDOWN)
    ? readFileSync(MARKDOWN, 'utf8')
    : '# Benchmarks\n\nThe latest figures of `npm run bench`, each section written by its benchmark (bench/*.bench.ts).\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(MARKDOWN, text);
}
