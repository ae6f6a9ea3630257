import { cleanText, identify, type PaperIdentity } from '../paper';

/**
 * Reading helpers shared by the site adapters: page text (with MathJax undone), counts, dates,
 * URLs (the bounds of a paper reference are lib/bounds.ts).
 * Pure functions of their input; none of them throws on odd markup.
 */

/**
 * What MathJax draws in place of TeX (v2: preview, rendered frame, assistive MathML). Left out
 * when reading text; the TeX it came from is kept in a `script[type="math/tex"]` and read instead.
 */
const MATHJAX_RENDERED = '.MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_SVG, .MathJax_SVG_Display, .MathJax_CHTML, .MJX_Assistive_MathML';

/**
 * The visible text of an element, whitespace collapsed. `leaveOut` names parts that are labels,
 * not content (arXiv's `<span class="descriptor">Title:</span>`). Math typeset by MathJax reads
 * back as its TeX (`$x^2$`), as it is in the page source, not as the glyphs drawn for it.
 */
export function readText(element: Element | null | undefined, leaveOut?: string): string {
  if (!element) return '';
  if (element.childElementCount === 0) return cleanText(element.textContent);
  const skip = leaveOut ? `${leaveOut}, ${MATHJAX_RENDERED}` : MATHJAX_RENDERED;
  // Most elements hold plain text: one query, then textContent.
  if (!element.querySelector(`${skip}, script, style, mjx-container, math[alttext]`)) return cleanText(element.textContent);
  const parts: string[] = [];
  collectText(element, skip, parts, 0);
  return cleanText(parts.join(''));
}

function collectText(node: Node, skip: string, parts: string[], depth: number): void {
  if (depth > 64) return;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      parts.push((child as Text).data);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const name = element.localName;
    if (name === 'script') {
      const type = element.getAttribute('type') ?? '';
      if (/^math\/tex/i.test(type)) {
        const tex = element.textContent ?? '';
        parts.push(/mode\s*=\s*display/i.test(type) ? ` $$${tex}$$ ` : `$${tex}$`);
      }
      continue;
    }
    if (name === 'style') continue;
    // MathML with its TeX kept (LaTeXML, arXiv's HTML papers): the TeX, as in the source.
    if (name === 'math' && element.hasAttribute('alttext')) {
      parts.push(`$${element.getAttribute('alttext')}$`);
      continue;
    }
    // MathJax 3 keeps no TeX; its assistive MathML holds the formula as text.
    if (name === 'mjx-container') {
      parts.push(element.querySelector('mjx-assistive-mml')?.textContent ?? '');
      continue;
    }
    if (element.matches(skip)) continue;
    collectText(element, skip, parts, depth + 1);
  }
}

/** The texts of the elements matched under `root`, empty ones dropped. */
export function readTexts(root: ParentNode | null | undefined, selector: string): string[] {
  if (!root) return [];
  const texts: string[] = [];
  for (const element of root.querySelectorAll(selector)) {
    const text = readText(element);
    if (text) texts.push(text);
  }
  return texts;
}

/** A count as sites print it: `94`, `1,234`, `1.2k`. Undefined when the text holds no count. */
export function parseCount(text: string | null | undefined): number | undefined {
  const match = /(\d[\d,]*(?:\.\d+)?)\s*([kKmM])?\b/.exec(text ?? '');
  if (!match) return undefined;
  const value = Number(match[1]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  const scale = match[2] ? (match[2].toLowerCase() === 'k' ? 1_000 : 1_000_000) : 1;
  const count = Math.round(value * scale);
  return Number.isSafeInteger(count) ? count : undefined;
}

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH = `(${MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?`;
/** `27 Jul 2026`, `Monday, 27 July 2026`, `2 December, 2025`, `20 Oct 23` (two-digit years on old listings). */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4}|\\d{2})(?![\\d:])`, 'i');
/** `Sep 8, 2025`, `December 2, 2025`. */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
/** `Sep 28`: Hugging Face leaves the year out for dates of the current year. */
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})\\b(?!\\s*:)`, 'i');

function monthNumber(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(key) + 1;
}

/** `YYYY-MM-DD` for a real calendar day, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The first full date (day, month and year) written in `text`, as `YYYY-MM-DD`. With `reference`,
 * a date without its year (`Sep 28`) is taken as the latest such day not after the reference.
 */
export function dateInText(text: string | null | undefined, reference?: Date): string | undefined {
  if (!text) return undefined;
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  // Both forms may match different parts ("Sep 8, 2025 ... 2 December, 2025"): the earlier one is the first date.
  const pick = dayFirst && (!monthFirst || dayFirst.index <= monthFirst.index) ? 'day' : monthFirst ? 'month' : null;
  if (pick === 'day') {
    const [, day, month, year] = dayFirst!;
    return isoDate(fullYear(year!), monthNumber(month!), Number(day));
  }
  if (pick === 'month') {
    const [, month, day, year] = monthFirst!;
    return isoDate(Number(year), monthNumber(month!), Number(day));
  }
  if (!reference) return undefined;
  const partial = MONTH_DAY.exec(text);
  if (!partial) return undefined;
  const month = monthNumber(partial[1]!);
  const day = Number(partial[2]);
  // A day a little after the reference is still this year (time zones); months after it are last year's.
  const latest = reference.getTime() + 2 * 86_400_000;
  for (let year = reference.getUTCFullYear(); year > reference.getUTCFullYear() - 8; year--) {
    const date = isoDate(year, month, day);
    if (date && Date.parse(date) <= latest) return date;
  }
  return undefined;
}

function fullYear(year: string): number {
  if (year.length === 4) return Number(year);
  const yy = Number(year);
  // Two-digit years on arXiv listings: arXiv began in 1991.
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** The day of an ISO timestamp (`2024-07-31T17:54:27.000Z` → `2024-07-31`), or undefined. */
export function dayOfTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** An absolute http(s) URL for a link as written in the page, or undefined. */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the parser is done with `element`: always once the document is parsed. While a page
 * loads, the content script scans it every frame, and a card whose end is not parsed yet would be
 * read without what comes later in it (a dblp entry without its arXiv link would get its dblp key
 * as its id; an OpenReview card would seem to be the whole list). An element is done once
 * something follows it or one of its ancestors. Adapters offer only parsed cards.
 */
export function isParsed(element: Element): boolean {
  if (element.ownerDocument.readyState !== 'loading') return true;
  for (let node: Node | null = element; node; node = node.parentNode) {
    // Shelfmark's own elements do not count: the page pill is appended to the body while it loads.
    for (let next = node.nextSibling; next; next = next.nextSibling) if (!isShelfmarkElement(next)) return true;
  }
  return false;
}

/** Shelfmark's own elements in a page (the pill, control roots) are all named `shelfmark-…`. */
function isShelfmarkElement(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('shelfmark-');
}

/**
 * The host of the page `node` is on. Adapters bound what they read with it, as the background does
 * with the sender's host: a card's links on its own page's host are kept (lib/bounds.ts paperLinksOf).
 */
export function pageHost(node: ParentNode): string | undefined {
  return documentUrl(node)?.hostname.toLowerCase() || undefined;
}

/** The URL of the document `root` belongs to (the live page's, or a parsed page's base). */
export function documentUrl(root: ParentNode): URL | null {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  try {
    return doc ? new URL(doc.URL) : null;
  } catch {
    return null;
  }
}

/**
 * The identity of a card from the links it shows (`href` as written, made absolute against the
 * page) and any ids the site writes in attributes (`dblp:…`, `scholar:…`). Only the card's own
 * links should be given: ids in its text (a DOI in a comment) are other papers'.
 */
export function identityOf(links: Iterable<Element | null | undefined>, ids: Iterable<string | null | undefined> = [], base?: URL | string): PaperIdentity | null {
  const candidates: (string | undefined)[] = [];
  for (const link of links) {
    const href = link?.getAttribute('href');
    if (href) candidates.push(base ? absoluteUrl(href, base) : href.trim());
  }
  return identify([...candidates, ...ids]);
}

/** A year as pages print it, alone or in a date: `2023`, `(2023)`, `May 2 - May 7, 2004`. */
export function yearIn(text: string | null | undefined): number | undefined {
  const match = /\b(1[89]\d{2}|20\d{2})\b/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}
