/**
 * What a tab's page says about itself, read by `scripting.executeScript` (lib/tab/read-tab.ts) with
 * the temporary access `activeTab` gives when the user opens the popup, presses the command or uses
 * the context menu: no standing host permission. The functions here are sent to the page as source
 * text, so each is self-contained (no imports, no outer names) and bounded (a hostile page with a
 * million meta tags answers with a few hundred, each clipped).
 */

/** One `<meta>` of the page: its `name` (or `property`), lower-cased, and its `content`. */
export type PageMetaTag = [name: string, content: string];

export interface PageMeta {
  url: string;
  /** The document's title, or the tab's (a PDF viewer's). */
  title: string;
  /** Bibliographic meta tags only (citation_*, Dublin Core, PRISM, og:title/og:url), in page order. */
  tags: PageMetaTag[];
  /** `<link rel="canonical">`, when there is one. */
  canonical?: string;
}

/** Runs in the page. Meta tags of the kinds Google Scholar, Zotero and publishers use to declare a paper. */
export function readPageMeta(): PageMeta {
  const MAX_TAGS = 300;
  const MAX_CHARS = 2_000;
  const WANTED = /^(?:citation_|dc\.|dcterms\.|prism\.|bepress_citation_|og:title$|og:url$)/;
  const clip = (text: string | null | undefined) => (text ?? '').slice(0, MAX_CHARS);
  const tags: [string, string][] = [];
  for (const meta of Array.from(document.head?.querySelectorAll('meta') ?? [])) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    if (!WANTED.test(name)) continue;
    tags.push([name.slice(0, 100), clip(meta.getAttribute('content'))]);
    if (tags.length >= MAX_TAGS) break;
  }
  const canonical = document.head?.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const result: PageMeta = { url: clip(location.href), title: clip(document.title), tags };
  if (canonical) result.canonical = clip(new URL(canonical, location.href).href);
  return result;
}

/**
 * Runs in the page: the text of the first link to `href` (the link the context menu was opened on),
 * for the paper's title. Chromium's menu tells the link's address, not its text.
 */
export function readLinkText(href: string): string {
  for (const link of Array.from(document.links)) {
    if (link.href === href) return (link.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 1_000);
  }
  return '';
}
