import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/**
 * The content scripts' words, written into their bundles at build time (issue 10).
 *
 * A page's first `browser.i18n.getMessage` makes the browser load the extension's whole catalogue
 * (64 KB of JSON per language) over a synchronous call: 6–8 ms of every paper page, measured. So each
 * content script carries the messages it names, in every language, and `t` (lib/i18n.ts) reads them
 * there; a key it lacks still goes to the browser. Extension pages keep using the browser's catalogue.
 */

/** What a bundle carries: language (as the folder is named: `en`, `zh_CN`) → key → message. */
export type BundledMessages = Record<string, Record<string, string>>;

export interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/** The name the bundles are written under (a variable of the content script's own world); lib/i18n.ts declares it. */
export const BUNDLED_MESSAGES = '__SHELFMARK_MESSAGES__';

/**
 * `message` with its named placeholders (`$count$`, any case) replaced by their content (`$1`), as
 * the browser does when it loads a catalogue; `$1`…`$9` and `$$` are left for the call (lib/i18n.ts).
 */
export function withPlaceholders(entry: CatalogueEntry): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]));
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
}

/** The catalogue keys `code` names as string literals: a key built at run time would be missed, and is then read from the browser. */
export function keysNamedIn(code: string, keys: Iterable<string>): string[] {
  return [...keys].filter((key) => code.includes(`"${key}"`) || code.includes(`'${key}'`) || code.includes(`\`${key}\``));
}

/** Every language's messages for `keys`. */
export function bundleFor(catalogues: Record<string, Catalogue>, keys: readonly string[]): BundledMessages {
  return Object.fromEntries(
    Object.entries(catalogues).map(([language, catalogue]) => [
      language,
      Object.fromEntries(keys.filter((key) => catalogue[key]).map((key) => [key, withPlaceholders(catalogue[key]!)])),
    ]),
  );
}

/**
 * The bundle as a script holds it: each language's messages as JSON text, parsed only for the UI
 * language when a message is first asked for. An object literal of every language would be compiled
 * and built as the script loads; a string is only scanned.
 */
export function bundleSource(bundle: BundledMessages): string {
  return `{${Object.entries(bundle)
    .map(([language, messages]) => `${JSON.stringify(language)}:${JSON.stringify(JSON.stringify(messages))}`)
    .join(',')}}`;
}

export function readCatalogues(root: string): Record<string, Catalogue> {
  const dir = resolve(root, 'public/_locales');
  return Object.fromEntries(readdirSync(dir).map((language) => [language, JSON.parse(readFileSync(join(dir, language, 'messages.json'), 'utf8')) as Catalogue]));
}

/**
 * Declares the bundle, with the messages the chunk names, at the head of each content script's chunk
 * as `variable`. The content scripts' extras (lib/content/extras.ts) run in the same world as the
 * page's content script, whose globals they share: they carry theirs under another name.
 */
function contentMessagesPlugin(root: string, variable: string): Plugin {
  let catalogues: Record<string, Catalogue> | undefined;
  return {
    name: 'shelfmark-content-messages',
    renderChunk(code) {
      if (!code.includes(BUNDLED_MESSAGES)) return null;
      catalogues ??= readCatalogues(root);
      const keys = keysNamedIn(code, Object.keys(catalogues.en ?? {}));
      // Declared once, ahead of the chunk: the minified code names it in several places.
      return { code: `var ${variable}=${bundleSource(bundleFor(catalogues, keys))};\n${code.replaceAll(BUNDLED_MESSAGES, variable)}`, map: null };
    },
  };
}

/** The unlisted script of the content scripts' extras (entrypoints/content-extras.ts). */
const EXTRAS = 'content-extras';

export default defineWxtModule({
  name: 'shelfmark-content-messages',
  setup(wxt) {
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      const variable = entrypoints.every((entrypoint) => entrypoint.type === 'content-script')
        ? BUNDLED_MESSAGES
        : entrypoints.length === 1 && entrypoints[0]!.name === EXTRAS
          ? `${BUNDLED_MESSAGES}extras`
          : null;
      if (variable) config.plugins = [...(config.plugins ?? []), contentMessagesPlugin(wxt.config.root, variable)];
      else config.define = { ...config.define, [BUNDLED_MESSAGES]: 'undefined' };
    });
  },
});
