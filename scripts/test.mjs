#!/usr/bin/env node
// The whole test suite, as CI runs it: type check, both builds, then every Vitest project
// (unit, and end to end in Chromium against the fresh build). Ends with the totals line
// "N passed, N failed" read from Vitest's JSON report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORT = '.cache/test-results.json';

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

const steps = [
  ['npx', ['tsc', '--noEmit', '-p', '.']],
  ['npx', ['wxt', 'build']],
  // The test build (optional hosts granted, test controls): the sync end-to-end tests load it.
  ['env', ['SHELFMARK_E2E=1', 'npx', 'wxt', 'build']],
  ['npx', ['wxt', 'build', '-b', 'firefox']],
];
for (const [command, args] of steps) {
  const status = run(command, args);
  if (status !== 0) {
    console.log(`\n${command} ${args.join(' ')} failed (exit ${status})`);
    console.log('0 passed, 1 failed');
    process.exit(status);
  }
}

mkdirSync('.cache', { recursive: true });
rmSync(REPORT, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...process.argv.slice(2)]);

if (!existsSync(REPORT)) {
  console.log('\nVitest wrote no report');
  console.log('0 passed, 1 failed');
  process.exit(status || 1);
}
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const failed = report.numFailedTests + (report.numRuntimeErrors ?? 0) + failedSuites(report);
console.log(`\n${report.numPassedTests} passed, ${failed} failed${report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''}`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);

/** Files that failed to load count as failures even though none of their tests ran. */
function failedSuites(report) {
  return report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}
