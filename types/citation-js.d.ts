/**
 * The few parts of Citation.js (no types of its own) that Shelfmark uses: the BibTeX plugin's
 * parsers, reached through the core's plugin registry, and the RIS and CSL plugins in tests.
 */
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Parses `input` as the named format (`@biblatex/text`, `@biblatex/entries+list`, `@ris/file`, …). */
      data(input: unknown, format: string): unknown;
      chain(input: unknown, options?: Record<string, unknown>): unknown;
    };
  };
  /** Citation.js's log; it keeps every message in `_log` until cleared. */
  export const logger: { level: string; _log: unknown[] };
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
