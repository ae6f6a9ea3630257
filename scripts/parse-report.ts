import { JSDOM } from 'jsdom';
import { adapterFor } from '../lib/sites';
import { generic } from '../lib/sites/generic';
import { createPageContext } from '../lib/sites/types';

/**
 * What `npm run parse` prints for a saved page: which adapter serves the URL (the generic one, reading
 * the page by its paper links, when no site's does), every card it found
 * (its id, or what it read in full, aliases included), and how many cards it had to skip.
 * The page is read as served (bytes decoded by the charset it declares, scripts off), as the
 * content script first sees it.
 */
export function parseReport(html: Buffer | string, pageUrl: URL, idsOnly = false): Record<string, unknown> {
  // No site adapter for the URL: the page is read by the papers it links to, as Shelfmark reads a site the user enabled.
  const adapter = adapterFor(pageUrl) ?? generic;
  const report: Record<string, unknown> = { url: pageUrl.href, adapter: adapter.name };
  const { window } = new JSDOM(html, { url: pageUrl.href, contentType: 'text/html' });
  try {
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
    const unique = new Set(cards.map((card) => adapter.cardId(card)).filter(Boolean)).size;
    return Object.assign(report, { found: cards.length, annotated: cards.length - skipped, skipped, unique, cards: read });
  } finally {
    window.close();
  }
}
