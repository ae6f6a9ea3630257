import type { SiteName } from './types';

/*
 * Which pages of each site may hold papers, as data: the manifest declares the site's content
 * script (entrypoints/<site>.content.ts) for these pages only, so nothing of Shelfmark is evaluated
 * on the other pages of the same hosts; the router follows single-page apps to them, and the
 * background checks them before injecting that script. No imports beyond types: the router's
 * bundle is this file and a few lines. A new site adds its entry here and its entrypoint.
 *
 * `papers` are match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * broad enough to hold every page the site's adapter serves (its `matches(url)` then decides
 * exactly, on the full URL), narrow enough to leave out the pages that never hold papers.
 * `spa`: the site navigates in-page, so a page outside `papers` can become one of them without a
 * load; the router runs on these pages (minus `papers`) and asks for the content script then.
 */

export interface SitePages {
  papers: readonly string[];
  spa?: readonly string[];
}

const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'];

export const SITE_PAGES: Record<SiteName, SitePages> = {
  // /papers, /papers?date=…, /papers/date/…, /week/…, /month/…, /trending, /papers/<id>. Hugging Face is a
  // single-page app: a model page (/meta-llama/Llama-3.1-8B) links to /papers/<id> without a load.
  huggingface: { papers: ['https://huggingface.co/papers*'], spa: ['https://huggingface.co/*'] },
  // Listings (/list/…), catchup, search (/search/?…, /search/advanced, /search/cs), abstract pages.
  arxiv: {
    papers: ARXIV_HOSTS.flatMap((host) => ['/list/*', '/catchup/*', '/search*', '/abs/*'].map((path) => `https://${host}${path}`)),
  },
};

/** Every page the content script is declared for. */
export const PAPER_PAGES: readonly string[] = Object.values(SITE_PAGES).flatMap((site) => site.papers);

/** The pages of single-page apps where the router watches for in-page navigation to a paper page. */
export const SPA_PAGES: readonly string[] = Object.values(SITE_PAGES).flatMap((site) => site.spa ?? []);

/**
 * The hosts of those pages, as host permissions: the background injects the content script and the
 * read papers' styles there (the content scripts' own match patterns do not allow that). They add
 * no permission warning: the content scripts already run on these hosts.
 */
export const SITE_HOSTS: readonly string[] = [
  ...new Set([...PAPER_PAGES, ...SPA_PAGES].map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*'))),
];

/** The site whose content script is declared for `url` (as the browser decides), or null. */
export function siteOfPage(url: string): SiteName | null {
  for (const [site, pages] of Object.entries(SITE_PAGES) as [SiteName, SitePages][]) {
    if (pages.papers.some((pattern) => matchesPattern(pattern, url))) return site;
  }
  return null;
}

/** True when `url` is one of the pages a content script is declared for. */
export function mayHoldPapers(url: string): boolean {
  return siteOfPage(url) !== null;
}

/**
 * A match pattern applied as the browser applies it: scheme (`*` is http or https), host (`*.` for
 * any subdomain), and a path with `*` wildcards tested against the path and query (not the fragment).
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    const bare = host.startsWith('*.') ? host.slice(2) : host;
    if (parsed.hostname !== bare && !(host.startsWith('*.') && parsed.hostname.endsWith(`.${bare}`))) return false;
  }
  const glob = new RegExp(`^${path.split('*').map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(parsed.pathname + parsed.search);
}
