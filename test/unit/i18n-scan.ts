import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Finds the text a user could read in the extension's source that does not come from the
 * catalogues. Every .ts/.tsx file under components/, entrypoints/ and lib/ is read (a new folder is
 * read too); only the files in NOT_UI (each with its reason) are left out. In a file, a string is
 * user text when it looks like words (a capitalised word, words with spaces, any Chinese) and is not
 * in a place that no user reads: an import, a type, a key, a comparison, a selector, a console
 * message, a JSX attribute other than the ones read aloud or shown (USER_FACING_ATTRIBUTES).
 * JSX text is always user text. Messages come from `t(key)` and `plural(key, n)` (lib/i18n.ts);
 * the strings of the sources are collected, so that the test can tell keys used from keys unused.
 */

export const SCANNED_ROOTS = ['components', 'entrypoints', 'lib'];

/** Source files no user reads, with the reason. Stale entries fail the test. */
export const NOT_UI: Record<string, string> = {
  'lib/export/bibtex.ts': 'the text of an exported file, in its format’s conventions (read by reference managers and citation styles)',
  'lib/export/ris.ts': 'the text of an exported file, in its format’s conventions',
  'lib/export/csl.ts': 'the text of an exported file, in its format’s conventions',
  'lib/export/csv.ts': 'the text of an exported file, in its format’s conventions',
  'lib/export/markdown.ts': 'the text of an exported file (its front matter and fields keep one language, for the tools that read them)',
  'lib/export/markdown-vault.ts': 'the text of an exported file (YAML front matter read by Obsidian and scripts)',
  'lib/export/authors.ts': 'author lists as exported files write them',
  'lib/export/bibtex-parser.ts': 'TeX macro names read in .bib files',
  'lib/export/no-fetch.ts': 'a stand-in module that is never called',
  'lib/sites': 'reading the sites’ pages: selectors and the sites’ own words',
  'lib/paper.ts': 'paper identifiers',
};

/** Attributes a user sees or hears; every other attribute (class, id, href, role, …) is code. */
export const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Words that are the same in every language: names and keys on the keyboard. */
export const SAME_IN_EVERY_LANGUAGE = new Set(['Shelfmark', 'arXiv', 'PDF', 'HF', 'Hugging Face', 'BibTeX', 'Esc', 'Enter', 'Alt', 'Shift', 'Ctrl', 'Tab', 'Firefox', 'Edge', 'Chromium', 'Chrome', 'Windows', 'macOS', 'Android', 'Linux']);

/** Calls whose string arguments are code, not text: the DOM's selectors and names, the console. */
const CODE_CALLS = new Set([
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'getElementById',
  'getElementsByClassName',
  'getElementsByTagName',
  'addEventListener',
  'removeEventListener',
  'createElement',
  'createElementNS',
  'getAttribute',
  'hasAttribute',
  'removeAttribute',
  'toggleAttribute',
  'attachShadow',
  'define',
  'getPropertyValue',
  'setProperty',
  'mark',
  'measure',
  'require',
  'log',
  'includes',
  'startsWith',
  'endsWith',
]);
const CODE_PROPERTIES = new Set(['className', 'id', 'type', 'name', 'rel', 'href', 'src', 'slot', 'inputMode', 'autocomplete', 'media']);
const BUILT_IN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError']);
const MESSAGE_CALLS = new Set(['t', 'plural']);


export interface Finding {
  file: string;
  line: number;
  text: string;
}

export interface ScanResult {
  /** User text not taken from the catalogues. */
  untranslated: Finding[];
  /** Every other string of the sources: a catalogue key is used when it is one of them (`t('key')`, a map of keys). */
  literals: Set<string>;
  /** The keys given to t() and plural() as literals, to check that they exist. */
  keysCalled: Finding[];
  files: string[];
}

export function isWords(text: string): boolean {
  const trimmed = text.trim();
  // Names and keys alone (`Alt+↑↓`, `Shift+O`) read the same in every language.
  if (trimmed.split(/[\s+/]+/).every((word) => SAME_IN_EVERY_LANGUAGE.has(word) || !/\p{L}{2,}/u.test(word))) return false;
  if (/\p{Script=Han}/u.test(trimmed)) return true;
  if (!/\p{L}{2,}/u.test(trimmed)) return false;
  // An identifier with an inner capital (RequestError, QuotaExceededError) is code.
  if (/^\p{Lu}\p{Ll}+\p{Lu}\w*$/u.test(trimmed)) return false;
  return /\p{L}\s+\p{L}/u.test(trimmed) || /^\p{Lu}\p{Ll}/u.test(trimmed);
}

function listFiles(root: string, dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(root, path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, path).split(sep).join('/'));
  }
}

export function scanSources(root: string): ScanResult {
  const files: string[] = [];
  for (const dir of SCANNED_ROOTS) listFiles(root, join(root, dir), files);
  const result = emptyResult();
  for (const file of files) {
    if (isExempt(file)) continue;
    scanSource(file, readFileSync(join(root, file), 'utf8'), result);
  }
  return result;
}

export function isExempt(file: string): boolean {
  return Object.keys(NOT_UI).some((path) => file === path || file.startsWith(`${path}/`));
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function isConsole(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console';
}

/** Where a string ends up: climbs through the expressions that pass it on unchanged. */
function isCodePlace(node: ts.Node): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  while (parent) {
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isTemplateSpan(parent) ||
      ts.isTemplateExpression(parent) ||
      ts.isJsxExpression(parent) ||
      (ts.isConditionalExpression(parent) && child !== parent.condition) ||
      (ts.isBinaryExpression(parent) &&
        [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(
          parent.operatorToken.kind,
        ))
    ) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    break;
  }
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent) || ts.isImportTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === child) return true;
  if (ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) return parent.name === child;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return true;
  if (ts.isCaseClause(parent)) return true;
  // Class names, ids and types set on elements; messages to the log.
  if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(parent.left) &&
    CODE_PROPERTIES.has(parent.left.name.text)
  ) {
    return true;
  }
  if (ts.isBinaryExpression(parent)) {
    return [
      ts.SyntaxKind.EqualsEqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsEqualsToken,
      ts.SyntaxKind.EqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsToken,
      ts.SyntaxKind.InKeyword,
    ].includes(parent.operatorToken.kind);
  }
  if (ts.isJsxAttribute(parent)) return !USER_FACING_ATTRIBUTES.has(parent.name.getText());
  // The built-in errors carry messages for developers (logs); errors of our own classes carry the user's.
  if (ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && BUILT_IN_ERRORS.has(parent.expression.text)) return true;
  if (ts.isCallExpression(parent)) {
    if (parent.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
    if (isConsole(parent)) return true;
    const name = calleeName(parent);
    if (name && CODE_CALLS.has(name)) return true;
    if (name === 'setAttribute') {
      const [attribute] = parent.arguments;
      if (child === attribute) return true;
      return !(attribute && ts.isStringLiteral(attribute) && USER_FACING_ATTRIBUTES.has(attribute.text));
    }
  }
  return false;
}

export function emptyResult(): ScanResult {
  return { untranslated: [], literals: new Set(), keysCalled: [], files: [] };
}

/** Scans one file's text into `result`. */
export function scanSource(file: string, source: string, result: ScanResult = emptyResult()): ScanResult {
  result.files.push(file);
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split('\n');
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line;
    // `// not UI: <reason>` on the line or the line above: a string no user reads (a protocol's text).
    if (/\/\/ not UI: \S/.test(lines[line] ?? '') || /\/\/ not UI: \S/.test(lines[line - 1] ?? '')) return;
    result.untranslated.push({ file, line: line + 1, text: text.trim().slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && MESSAGE_CALLS.has(node.expression.text)) {
      const [key, ...rest] = node.arguments;
      if (key && ts.isStringLiteralLike(key)) {
        const text = node.expression.text === 'plural' ? `${key.text}_other` : key.text;
        result.literals.add(key.text);
        result.keysCalled.push({ file, line: sf.getLineAndCharacterOfPosition(key.getStart()).line + 1, text });
      } else if (key) visit(key);
      rest.forEach(visit);
      return;
    }
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (/\p{L}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text) && !/^\p{L}$/u.test(text)) report(node, text);
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      result.literals.add(node.text);
      if (isWords(node.text) && !SAME_IN_EVERY_LANGUAGE.has(node.text.trim()) && !isCodePlace(node)) report(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('');
      if (isWords(text) && !isCodePlace(node)) report(node, node.getText());
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    if (ts.isTaggedTemplateExpression(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return result;
}
