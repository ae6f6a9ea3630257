import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { siteHosts } from '../../lib/sites/pages';

/** What the stores check in each build's manifest: icons, permissions, hosts, homepage, locales. */

const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output');
const BUILDS = [
  { name: 'Chrome, Edge (MV3)', dir: join(OUTPUT, 'chrome-mv3'), action: 'action', optionalHosts: 'optional_host_permissions' },
  { name: 'Firefox (MV2)', dir: join(OUTPUT, 'firefox-mv2'), action: 'browser_action', optionalHosts: 'optional_permissions' },
] as const;
/** Hosts asked for at run time, one at a time: the sync folder's (README: Permissions). */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
const ICON_SIZES = ['16', '32', '48', '128'];
/** The only hosts Shelfmark runs on: the sites it reads (lib/sites/hosts.ts, each one explained in the README). */
const HOSTS = siteHosts().sort();

type Manifest = Record<string, any>;

/** A PNG's size from its IHDR chunk (bytes 16–23), and whether it is a PNG at all. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every `__MSG_key__` the manifest uses. */
function messageKeys(manifest: Manifest): string[] {
  return [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
}

describe.each(BUILDS)('the $name manifest', ({ dir, action, optionalHosts }) => {
  const read = (): Manifest => {
    const file = join(dir, 'manifest.json');
    expect(existsSync(file), `run \`npm run build\` and \`npm run build:firefox\` first (npm test does)`).toBe(true);
    return JSON.parse(readFileSync(file, 'utf8'));
  };

  it('has the icon at 16, 32, 48 and 128 px, for the extension and its toolbar button', () => {
    const manifest = read();
    expect(Object.keys(manifest.icons).sort()).toEqual([...ICON_SIZES].sort());
    for (const size of ICON_SIZES) {
      expect(pngSize(join(dir, manifest.icons[size])), `icon ${size}`).toEqual({ width: Number(size), height: Number(size) });
    }
    expect(manifest[action].default_icon).toEqual(manifest.icons);
    expect(manifest[action].default_popup).toBe('popup.html');
  });

  it('asks for storage, unlimitedStorage, alarms, scripting, activeTab and contextMenus, a sync folder’s host only when sync is turned on, runs on the paper sites it reads only, and names its homepage', () => {
    const manifest = read();
    // Manifest V2 keeps host permissions among its permissions.
    const hosts = action === 'action' ? manifest.host_permissions : manifest.permissions.filter((entry: string) => entry.includes('://'));
    // activeTab (with scripting): the tab's paper when the user acts (popup, command, link menu); no standing host (README: Permissions).
    expect(manifest.permissions.filter((entry: string) => !entry.includes('://'))).toEqual(['storage', 'unlimitedStorage', 'alarms', 'scripting', 'activeTab', 'contextMenus']);
    expect(manifest.commands['queue-current-tab'].suggested_key.default).toBe('Alt+Shift+Q');
    expect([...hosts].sort()).toEqual(HOSTS);
    expect(manifest[optionalHosts]).toEqual(OPTIONAL_HOSTS);
    // Each content script runs within those hosts (on the pages that may hold papers, and the router).
    for (const match of manifest.content_scripts.flatMap((script: Manifest) => script.matches)) {
      expect(HOSTS.some((host) => match.startsWith(host.slice(0, -1))), match).toBe(true);
    }
    expect(HOSTS.filter((host) => !/^https:\/\/scholar\.google\./.test(host))).toEqual([
      'https://aclanthology.org/*', 'https://arxiv.org/*', 'https://dblp.org/*', 'https://export.arxiv.org/*',
      'https://huggingface.co/*', 'https://openaccess.thecvf.com/*', 'https://openreview.net/*', 'https://www.arxiv.org/*',
    ]);
    expect(HOSTS).toContain('https://scholar.google.com/*');
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(new URL(manifest.homepage_url).protocol).toBe('https:');
    expect(manifest.name).toBeTruthy();
    expect(manifest.description.length).toBeLessThanOrEqual(132); // the Chrome Web Store's limit
  });

  it('has every message it names, in its default locale (when it has locales)', () => {
    const manifest = read();
    const keys = messageKeys(manifest);
    if (manifest.default_locale === undefined) {
      // Without locales a manifest cannot name messages, and must not ship _locales.
      expect(keys).toEqual([]);
      expect(existsSync(join(dir, '_locales'))).toBe(false);
      return;
    }
    const messagesFile = join(dir, '_locales', manifest.default_locale, 'messages.json');
    expect(existsSync(messagesFile), messagesFile).toBe(true);
    const messages = JSON.parse(readFileSync(messagesFile, 'utf8'));
    for (const key of keys) expect(messages[key]?.message, key).toBeTruthy();
  });
});

describe('the test build’s manifest (SHELFMARK_E2E=1)', () => {
  it('grants the optional hosts up front, so that tests run the set-up a user who clicked Allow runs', () => {
    const file = join(OUTPUT, 'e2e', 'chrome-mv3', 'manifest.json');
    expect(existsSync(file), 'run `npm run build:e2e` first (npm test does)').toBe(true);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    expect([...manifest.host_permissions].sort()).toEqual([...HOSTS, ...OPTIONAL_HOSTS].sort());
    expect(manifest.optional_host_permissions).toBeUndefined();
  });
});

describe('the Firefox manifest', () => {
  it('declares the oldest Firefox it supports: 140 on the desktop, 142 on Android (README: Firefox)', () => {
    const manifest = JSON.parse(readFileSync(join(OUTPUT, 'firefox-mv2', 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    expect(manifest.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
  });
});
