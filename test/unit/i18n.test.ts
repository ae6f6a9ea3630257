import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fillMessage, formatDate, formatNumber, plural, t } from '@/lib/i18n';
import { bundleFor, bundleSource, keysNamedIn, withPlaceholders } from '@/modules/content-messages';
import { waitingFor } from '@/lib/ui/time-ago';
import { scopeLabel } from '@/lib/export/scope';
import { readCatalogue, useLanguage } from '../i18n-fake';
import { isExempt, NOT_UI, SAME_IN_EVERY_LANGUAGE, scanSource, scanSources, SCANNED_ROOTS } from './i18n-scan';

/**
 * Two languages (issue 15): every string a user reads comes from the catalogues
 * (public/_locales/<lang>/messages.json), every catalogue has every key, and no key is left unused.
 * The rule that finds user text is test/unit/i18n-scan.ts; its own cases are at the end.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LANGUAGES = readdirSync(join(ROOT, 'public/_locales'));
const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, readCatalogue(language)]));
const english = catalogues.en!;
const placeholderNames = (message: string) => [...message.matchAll(/\$([A-Za-z_]\w*)\$/g)].map((match) => match[1]!.toLowerCase()).sort();

describe('the catalogues', () => {
  it('are English (the default locale) and Simplified Chinese', () => {
    expect(LANGUAGES.sort()).toEqual(['en', 'zh_CN']);
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every English key and no other', (language) => {
    const keys = Object.keys(catalogues[language]!);
    expect(Object.keys(english).filter((key) => !keys.includes(key)), 'missing').toEqual([]);
    expect(keys.filter((key) => !(key in english)), 'not in English').toEqual([]);
  });

  it.each(LANGUAGES)('%s: every message is written, with the same placeholders as the English one, each defined', (language) => {
    for (const [key, entry] of Object.entries(catalogues[language]!)) {
      expect(entry.message, key).not.toBe('');
      const names = placeholderNames(entry.message);
      expect(names, `${key}: placeholders`).toEqual(placeholderNames(english[key]?.message ?? ''));
      for (const name of names) expect(entry.placeholders?.[name]?.content, `${key}: $${name}$`).toMatch(/^\$\d$/);
      // The same placeholder fills the same place in every language: the code passes them in one order.
      for (const name of names) expect(entry.placeholders?.[name]?.content, `${key}: $${name}$`).toBe(english[key]?.placeholders?.[name]?.content);
    }
  });

  it('Chinese is written in Chinese (only names stay as they are)', () => {
    const untranslated = Object.entries(catalogues.zh_CN!)
      .filter(([, entry]) => /\p{L}{2,}/u.test(entry.message.replace(/\$\w+\$/g, '')) && !/\p{Script=Han}/u.test(entry.message))
      .filter(([, entry]) => !SAME_IN_EVERY_LANGUAGE.has(entry.message) && !isName(entry.message))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('plural messages have both forms in every language (Chinese writes one form twice)', () => {
    for (const key of Object.keys(english)) {
      const base = key.replace(/_(one|other)$/, '');
      if (base === key) continue;
      for (const language of LANGUAGES) {
        expect(catalogues[language]![`${base}_one`], `${language} ${base}_one`).toBeDefined();
        expect(catalogues[language]![`${base}_other`], `${language} ${base}_other`).toBeDefined();
      }
    }
  });
});

describe('the sources', () => {
  const scan = scanSources(ROOT);
  /** `__MSG_key__` in the manifest's configuration and the pages' HTML. */
  const manifestKeys = [
    readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8'),
    ...listFiles(join(ROOT, 'entrypoints'), '.html').map((file) => readFileSync(file, 'utf8')),
  ].flatMap((text) => [...text.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!));

  it('show no text that is not in the catalogues', () => {
    const report = scan.untranslated.map((finding) => `${finding.file}:${finding.line}  ${finding.text}`);
    expect(report, 'strings a user reads, not from t() or plural() (lib/i18n.ts)').toEqual([]);
  });

  it('name only keys that the catalogues have', () => {
    const missing = scan.keysCalled.filter((call) => !(call.text in english)).map((call) => `${call.file}:${call.line}  ${call.text}`);
    expect(missing).toEqual([]);
    expect(manifestKeys.filter((key) => !(key in english))).toEqual([]);
  });

  it('use every key of the catalogues', () => {
    const used = (key: string) => scan.literals.has(key) || scan.literals.has(key.replace(/_(one|other)$/, '')) || manifestKeys.includes(key);
    expect(Object.keys(english).filter((key) => !used(key))).toEqual([]);
  });

  it('are all read: every component (.tsx) outside the tests, every folder given, and no stale exemption', () => {
    const components = listFiles(ROOT, '.tsx', ['node_modules', '.output', '.wxt', 'test', 'bench', 'scripts', 'docs']).map((file) =>
      relative(ROOT, file).split(sep).join('/'),
    );
    expect(components.length).toBeGreaterThan(30);
    expect(components.filter((file) => !scan.files.includes(file))).toEqual([]);
    for (const path of Object.keys(NOT_UI)) expect(statSync(join(ROOT, path), { throwIfNoEntry: false }), path).toBeDefined();
    for (const root of SCANNED_ROOTS) expect(scan.files.some((file) => file.startsWith(`${root}/`)), root).toBe(true);
    expect(isExempt('lib/sites/arxiv.ts') && !isExempt('lib/sitesmore.ts')).toBe(true);
  });
});

describe('the rule that finds user text', () => {
  const findings = (source: string, file = 'components/x/Example.tsx') => scanSource(file, source).untranslated.map((finding) => finding.text);

  it('finds JSX text, shown attributes, and strings handed to functions or kept in variables', () => {
    expect(findings('const a = <p class="empty-title">No papers yet</p>;')).toEqual(['No papers yet']);
    expect(findings('const a = <button aria-label="Star" title={on ? "Starred: unstar" : "Star (s)"} />;')).toEqual(['Star', 'Starred: unstar', 'Star (s)']);
    expect(findings('const a = <input placeholder={`Search ${scope}`} />;')).toEqual(['`Search ${scope}`']);
    expect(findings("say('Copied a Markdown link'); const label = 'Mark read';", 'lib/ui/x.ts')).toEqual(['Copied a Markdown link', 'Mark read']);
    expect(findings("button.setAttribute('aria-label', 'Add to queue'); button.title = 'Add to reading queue (q)';", 'lib/content/x.ts')).toEqual([
      'Add to queue',
      'Add to reading queue (q)',
    ]);
    expect(findings("throw new SyncError('The server did not answer in time.');", 'lib/sync/x.ts')).toEqual(['The server did not answer in time.']);
    expect(findings('const a = <p>和中文</p>; const b = "加入阅读队列";')).toEqual(['和中文', '加入阅读队列']);
  });

  it('leaves code alone: imports, classes, selectors, comparisons, keys, types, console, built-in errors, messages', () => {
    const source = `
      import { x } from 'Some Module';
      type Kind = 'Mark read' | 'star';
      const a = <div class="paper-row active" role="group" id="tab-queue" data-x="Two words">{t('popupStarred')}</div>;
      document.querySelector('#dlpage dl > dt');
      if (name === 'Not Found') console.warn('[Shelfmark] Something failed', error);
      const map = { 'Two Words': 1 };
      throw new Error('No backup version describes it');
      element.setAttribute('class', 'toggle star');
      const q = plural('popupMatches', n, 'Queue');
      const name = 'RequestError';
      const xml = '<d:propfind xmlns:d="DAV:">'; // not UI: the WebDAV request's body
    `;
    expect(findings(source)).toEqual(['Queue']);
  });
});

describe('messages in a language', () => {
  afterEach(() => useLanguage('en'));

  it('fill their placeholders and pick the plural form of the UI language, numbers formatted by Intl', () => {
    expect(plural('popupToRead', 1)).toBe('1 to read');
    expect(plural('popupToRead', 1234)).toBe('1,234 to read');
    useLanguage('zh_CN');
    expect(plural('popupToRead', 1)).toBe('1 篇待读');
    expect(plural('popupToRead', 1234)).toBe('1,234 篇待读');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatDate(Date.UTC(2025, 11, 3, 12))).toBe('2025年12月3日');
  });

  it('say how long a paper has waited in the queue and count tags in the UI language (Intl’s units, plural forms)', () => {
    const day = 86_400_000;
    const waits = () => [0, 1, 3, 20, 100, 800].map((days) => waitingFor(0, days * day + 1000));
    expect(waits()).toEqual(['added today', 'waiting 1 day', 'waiting 3 days', 'waiting 2 weeks', 'waiting 3 months', 'waiting 2 years']);
    expect(plural('tagsShow', 1, 'LLM')).toBe('LLM: show its 1 paper');
    expect(plural('selectionCount', 1234)).toBe('1,234 papers selected');
    useLanguage('zh_CN');
    expect(waits()).toEqual(['今天加入', '已等待1天', '已等待3天', '已等待2周', '已等待3个月', '已等待2年']);
    expect(plural('tagsShow', 2, '大模型')).toBe('大模型：显示它的 2 篇论文');
    expect(plural('selectionCount', 1234)).toBe('已选 1,234 篇论文');
    expect(scopeLabel('tag', '阅读小组')).toBe('带标签“阅读小组”的论文');
  });

  it('show the key, never an empty string, for a key a catalogue lacks', () => {
    expect(t('noSuchKey' as never)).toBe('noSuchKey');
  });
});

/** A name, perhaps with its file extension ("BibTeX (.bib)", "CSL-JSON (.json)"): written alike in every language. */
function isName(message: string): boolean {
  return message
    .replace(/\(\.[\w.]+\)/g, '')
    .split(/\s+/)
    .every((word) => !/\p{L}/u.test(word) || /^\p{Lu}/u.test(word));
}

function listFiles(dir: string, ending: string, skip: string[] = []): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (skip.includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, ending, skip));
    else if (name.endsWith(ending)) out.push(path);
  }
  return out;
}

describe('the content scripts’ own copy of the messages (modules/content-messages.ts)', () => {
  it('names placeholders as the browser does: `$count$` in any case becomes its content; `$1` and `$$` stay for the call', () => {
    expect(withPlaceholders({ message: 'Starred $COUNT$ of $Total$ ($$)', placeholders: { count: { content: '$1' }, total: { content: '$2' } } })).toBe('Starred $1 of $2 ($$)');
    expect(withPlaceholders({ message: '$unknown$ stays' })).toBe('$unknown$ stays');
    expect(fillMessage('Starred $1 of $2 ($$)', ['3', '5'])).toBe('Starred 3 of 5 ($)');
    expect(fillMessage('$1 and $2', ['a'])).toBe('a and ');
    // A substitution is text: a `$1` in it is not filled again.
    expect(fillMessage('$1: $2', ['$2', 'b'])).toBe('$2: b');
  });

  it('carries the keys the code names as strings, in every language, and no other', () => {
    const code = 'x=t(`controlStar`);y=t("controlNote");z=\'dockClose\';w=controlMarkRead;';
    expect(keysNamedIn(code, Object.keys(english)).sort()).toEqual(['controlNote', 'controlStar', 'dockClose']);
    const bundle = bundleFor(catalogues, ['controlStar', 'errorWithAdvice']);
    expect(Object.keys(bundle).sort()).toEqual([...LANGUAGES].sort());
    expect(bundle.en).toEqual({ controlStar: english.controlStar!.message, errorWithAdvice: '$1: $2' });
    expect(bundle.zh_CN!.controlStar).toBe(catalogues.zh_CN!.controlStar!.message);
  });

  it('writes each language as JSON text, read back to the same messages (quotes, `$` and line breaks included)', () => {
    const bundle = { en: { a: 'Say "hi" $1`', b: 'two\nlines \\ ${x}' }, zh_CN: { a: '星标' } };
    const source = bundleSource(bundle);
    const read = new Function(`return ${source}`)() as Record<string, string>;
    expect(Object.keys(read)).toEqual(['en', 'zh_CN']);
    expect(typeof read.en).toBe('string');
    expect(JSON.parse(read.en!)).toEqual(bundle.en);
    expect(JSON.parse(read.zh_CN!)).toEqual(bundle.zh_CN);
  });
});
