import { expect } from 'vitest';
import { PaperRefSchema } from '@/lib/messages';
import type { PaperRef } from '@/lib/paper';
import { createPageContext, type PageContext, type SiteAdapter } from '@/lib/sites/types';
import { JSDOM } from 'jsdom';

/**
 * Reads a saved page, at the URL it was served at, as the content script does: the adapter's cards, each card's id (and
 * aliases), and what it reads in full; every paper must fit the message schema and keep its card's id.
 */
export function readSite(adapter: SiteAdapter, html: string, url: string) {
  // At its address, as in the browser: some adapters read the page's own URL (a forum's id).
  const doc = new JSDOM(html, { url }).window.document;
  const page: PageContext = createPageContext(doc, url);
  const cards = adapter.findCards(doc, page);
  const ids = cards.map((card) => adapter.cardId(card));
  const aliases = cards.map((card) => adapter.cardAliases?.(card) ?? []);
  const papers = cards.map((card) => adapter.readCard(card, page));
  papers.forEach((paper, i) => {
    expect(paper, `card ${i} (${ids[i]}) is read`).not.toBeNull();
    expect(paper!.id, `card ${i}`).toBe(ids[i]);
    expect(paper!.aliases ?? [], `card ${i} aliases`).toEqual(aliases[i]);
    const parsed = PaperRefSchema.safeParse(paper);
    expect(parsed.success, `card ${i} fits the message schema: ${parsed.error?.message}`).toBe(true);
  });
  return { doc, page, cards, ids, aliases, papers: papers as PaperRef[] };
}

/** Every match of `pattern`'s first group in `html`, in order: an independent reading of a page. */
export function matchAll(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1]!);
}
