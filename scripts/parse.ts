/**
 * `npm run parse -- <page.html> --url <url>`: prints, as JSON, what Shelfmark's site adapters read
 * on a saved page: which adapter serves the URL, every card it found (its id, or what it read in
 * full), and how many cards it had to skip. A tool for whoever adds or repairs an adapter.
 *
 * Options: --url <url> (the URL the page was served at; decides the adapter), --ids (ids only).
 */
import { readFileSync } from 'node:fs';
import { parseReport } from './parse-report';

const USAGE = 'usage: npm run parse -- <page.html> --url <url the page was served at> [--ids]';

function fail(message: string): never {
  console.error(`parse: ${message}\n${USAGE}`);
  process.exit(2);
}

function main(argv: string[]): void {
  let file: string | undefined;
  let url: string | undefined;
  let idsOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i];
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg === '--ids') idsOnly = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return;
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else fail(`one page at a time (got ${file} and ${arg})`);
  }
  if (!file) fail('no page given');
  if (!url) fail('no --url given: the adapter is chosen by the URL the page was served at');
  let pageUrl: URL;
  try {
    pageUrl = new URL(url);
  } catch {
    fail(`not a URL: ${url}`);
  }
  let html: Buffer;
  try {
    // Bytes, not text: the page is decoded as a browser would, by the charset it declares.
    html = readFileSync(file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }

  console.log(JSON.stringify(parseReport(html, pageUrl, idsOnly), null, 2));
}

main(process.argv.slice(2));
