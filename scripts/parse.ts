/**
 * `npm run parse -- <page.html> --url <url>`: prints, as JSON, what Shelfmark's site adapters read
 * on a saved page: which adapter serves the URL, every card it found (its id, or what it read in
 * full), and how many cards it had to skip. A tool for whoever adds or repairs an adapter.
 *
 * Options: --url <url> (the URL the page was served at; decides the adapter), --ids (ids only).
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { adapterFor } from '../lib/sites';
import { createPageContext } from '../lib/sites/types';

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
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }

  const adapter = adapterFor(pageUrl);
  const report: Record<string, unknown> = { url: pageUrl.href, adapter: adapter?.name ?? null };
  if (!adapter) {
    report.note = 'no adapter serves this URL';
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  // Scripts stay off: the page is read as served, as the content script first sees it.
  const { window } = new JSDOM(html, { url: pageUrl.href });
  const page = createPageContext(window.document, pageUrl);
  const cards = adapter.findCards(window.document, page);
  const read: unknown[] = [];
  let skipped = 0;
  cards.forEach((card, index) => {
    const id = adapter.cardId(card);
    if (!id) {
      skipped++;
      read.push({ index, skipped: 'no id', element: `<${card.localName}>`, text: (card.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120) });
      return;
    }
    if (idsOnly) {
      read.push(id);
      return;
    }
    const paper = adapter.readCard(card, page);
    read.push(paper ?? { index, id, unread: 'the card has an id but could not be read in full' });
  });
  Object.assign(report, { found: cards.length, annotated: cards.length - skipped, skipped, unique: new Set(cards.map((card) => adapter.cardId(card)).filter(Boolean)).size, cards: read });
  console.log(JSON.stringify(report, null, 2));
  window.close();
}

main(process.argv.slice(2));
