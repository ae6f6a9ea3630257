import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The real pages as the sites served them live in ../shared/pages (beside the checkout, in CI too).
 * They are read from there, never copied into the project.
 */
export const SHARED_PAGES = resolve(here, '../../shared/pages') + '/';
export const FIXTURES = resolve(here, 'fixtures') + '/';

export function sharedPage(name: string): string {
  const path = SHARED_PAGES + name;
  if (!existsSync(path)) throw new Error(`Missing shared page ${path}: the tests expect ../shared/pages beside the checkout`);
  return decodePage(readFileSync(path));
}

/**
 * A saved page's text. UTF-8 when its bytes are UTF-8 (the saved Google Scholar pages declare
 * ISO-8859-1, but the script that saved them wrote UTF-8); else the charset its <meta> declares
 * (the CVF listing is windows-1252), as a browser would read it.
 */
export function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'windows-1252';
    return new TextDecoder(charset).decode(bytes);
  }
}

export function fixture(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/** Parses a saved page as the browser would. */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
