import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import webExt from 'web-ext';

const FIREFOX_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/firefox-mv2');

/**
 * Warnings web-ext lint raises on library code we ship on purpose; anything else fails the test.
 * - UNSAFE_VAR_ASSIGNMENT in the chunk the extension pages share: Preact's support for dangerouslySetInnerHTML, which we never use.
 * - DANGEROUS_EVAL in the background: Zod's JIT probe, switched off by z.config({ jitless: true }) in lib/zod.ts.
 */
const KNOWN_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL']);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('Firefox build', () => {
  it('passes web-ext lint', async () => {
    expect(existsSync(resolve(FIREFOX_DIR, 'manifest.json')), 'run `npm run build:firefox` first (npm test does)').toBe(true);
    const result = (await webExt.cmd.lint(
      { sourceDir: FIREFOX_DIR, output: 'none', selfHosted: false, boring: true, warningsAsErrors: false },
      { shouldExitProgram: false },
    )) as { errors: LintMessage[]; warnings: LintMessage[] };
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((warning) => !KNOWN_WARNINGS.has(warning.code))).toEqual([]);
  });

  it('declares its gecko id and that it collects no data', () => {
    const manifest = JSON.parse(readFileSync(resolve(FIREFOX_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: 'shelfmark@shelfmark.dev',
      data_collection_permissions: { required: ['none'] },
    });
  });
});
