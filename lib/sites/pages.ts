import { HOSTS_BY_SITE, isSiteHost } from './hosts';
import type { SiteName } from './types';

/*
 * Which pages of each site may hold papers, as data: the manifest declares the site's content
 * script (entrypoints/<site>.content.ts) for these pages only, so nothing of Shelfmark is evaluated
 * on the other pages of the same hosts; the router follows single-page apps to them, and the
 * background checks them before injecting that script. No imports beyond types and the hosts'
 * list (hosts.ts, data): the router's bundle is these and a few lines. A new site adds its hosts
 * there, its entry here and its entrypoint.
 *
 * `papers` are match patterns (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * broad enough to hold every page the site's adapter serves (its `matches(url)` then decides
 * exactly, on the full URL), narrow enough to leave out the pages that never hold papers.
 * `linking`: pages that hold papers only when they link some (Hugging Face's model pages): nothing
 * but the router is evaluated there until it has seen a link that may name a paper.
 * `spa`: the site navigates in-page, so a page outside `papers` can become one of them without a
 * load; the router runs on these pages (minus `papers`) and asks for the content script then.
 */

export interface SitePages {
  papers: readonly string[];
  linking?: readonly string[];
  spa?: readonly string[];
}

/** `paths` on every host of `site` (Google Scholar answers on each of Google's country domains). */
function onHosts(site: OwnSite, paths: readonly string[]): string[] {
  return HOSTS_BY_SITE[site].flatMap((host) => paths.map((path) => `https://${host}${path}`));
}

/** The sites with pages of their own (the generic adapter runs where the user enables it: lib/tab/site-access.ts). */
type OwnSite = Exclude<SiteName, 'generic'>;

export const SITE_PAGES: Record<OwnSite, SitePages> = {
  // /papers, /papers?date=…, /papers/date/…, /week/…, /month/…, /trending, /papers/<id>. Linking: the
  // model, dataset and Space pages (/<owner>/<name>, /datasets/…, /spaces/…: the papers they link, read
  // by lib/sites/huggingface-repos.ts, which takes only those of the two-segment pages). Hugging Face is
  // a single-page app: a model page links to /papers/<id> and moves there without a load.
  huggingface: { papers: ['https://huggingface.co/papers*'], linking: ['https://huggingface.co/*/*'], spa: ['https://huggingface.co/*'] },
  // Listings (/list/…), catchup, search (/search/?…, /search/advanced, /search/cs), abstract pages, HTML papers.
  arxiv: { papers: onHosts('arxiv', ['/list/*', '/catchup/*', '/search*', '/abs/*', '/html/*']) },
  // Volumes, events, author pages, and paper pages at the root: /2021.naacl-main.208/ (ids since
  // 2020 start with their year), /N04-1001/ (older ids: a letter, two digits, a dash, four digits).
  acl: { papers: onHosts('acl', ['/volumes/*', '/events/*', '/people/*', '/20*', '/*-*']) },
  // Search, person (/pid/…), venue (/db/…) and record (/rec/…) pages.
  dblp: { papers: onHosts('dblp', ['/search*', '/pid/*', '/db/*', '/rec/*']) },
  // Result pages (/scholar?q=…), on every country domain.
  scholar: { papers: onHosts('scholar', ['/scholar*']) },
  // Venue pages (/group?id=…) and forums (/forum?id=…). OpenReview renders in the page and moves
  // between them without a load: the router follows it from its other pages.
  openreview: { papers: onHosts('openreview', ['/group*', '/forum*']), spa: onHosts('openreview', ['/*']) },
  // Listings (/CVPR2024, /ICCV2015, /WACV2024, workshops) and paper pages (/content/…, /content_iccv_2015/…).
  cvf: { papers: onHosts('cvf', ['/CVPR*', '/ICCV*', '/WACV*', '/ECCV*', '/ACCV*', '/content*']) },
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
export function siteHosts(): string[] {
  // A function: the router's bundle holds this module, and the list is the build's and the tests'.
  const patterns = [...PAPER_PAGES, ...Object.values(SITE_PAGES).flatMap((site) => site.linking ?? []), ...SPA_PAGES];
  return [...new Set(patterns.map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*')))];
}

/** What a content script may do on a page: it is declared for the page, or it serves the page once the page links a paper. */
export interface PageRole {
  site: OwnSite;
  role: 'papers' | 'linking';
}

/** The site whose content script is declared for `url` (as the browser decides), or else whose linking pages hold it; null for neither. */
export function roleOf(url: string): PageRole | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  // Every pattern of a site is on one of its hosts (test/unit/pages.test.ts): the page's host names
  // the one site whose patterns are checked, never Google Scholar's hundreds (the router, +0.9 ms).
  const site = (Object.keys(SITE_PAGES) as OwnSite[]).find((name) => isSiteHost(name, parsed.hostname));
  if (!site) return null;
  const onHost = `://${parsed.hostname}/`;
  const matches = (patterns: readonly string[] | undefined) => patterns?.some((pattern) => pattern.includes(onHost) && matchesPattern(pattern, parsed)) === true;
  if (matches(SITE_PAGES[site].papers)) return { site, role: 'papers' };
  return matches(SITE_PAGES[site].linking) ? { site, role: 'linking' } : null;
}

/** A match pattern taken apart: scheme, host (with `*.`: any subdomain), path, and the path's wildcards as a regular expression once needed. */
interface Pattern {
  scheme: string;
  host: string;
  path: string;
  glob?: RegExp;
}

/** Patterns as taken apart once: the router checks a page against a few hundred (Google Scholar's domains). */
const patterns = new Map<string, Pattern | null>();

function compile(pattern: string): Pattern | null {
  let compiled = patterns.get(pattern);
  if (compiled !== undefined) return compiled;
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  compiled = parts ? { scheme: parts[1]!, host: parts[2]!, path: parts[3]! } : null;
  patterns.set(pattern, compiled);
  return compiled;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * A match pattern applied as the browser applies it: scheme (`*` is http or https), host (`*.` for
 * any subdomain), and a path with `*` wildcards tested against the path and query (not the fragment).
 */
export function matchesPattern(pattern: string, url: string | URL): boolean {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  const compiled = compile(pattern);
  if (!parsed || !compiled) return false;
  const { scheme, host, path } = compiled;
  // Scheme and host first: most patterns are for other hosts, and their paths are never compiled.
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    const bare = host.startsWith('*.') ? host.slice(2) : host;
    if (parsed.hostname !== bare && !(host.startsWith('*.') && parsed.hostname.endsWith(`.${bare}`))) return false;
  }
  compiled.glob ??= new RegExp(`^${path.split('*').map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return compiled.glob.test(parsed.pathname + parsed.search);
}
