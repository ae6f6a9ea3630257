import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { PAPER_PAGES, siteHosts, SITE_PAGES, SPA_PAGES } from './lib/sites/pages';
import { ICON_SIZES, iconPath } from './modules/icons';
import pkg from './package.json';

/** The icon at every size, rendered from assets/icon.svg by modules/icons.ts. */
const icons = Object.fromEntries(Object.keys(ICON_SIZES).map((size) => [size, iconPath(Number(size) as keyof typeof ICON_SIZES)]));

/** Citation.js's core imports fetch libraries it never uses here: see lib/export/no-fetch.ts. */
const noFetch = fileURLToPath(new URL('./lib/export/no-fetch.ts', import.meta.url));

/**
 * The test build (`SHELFMARK_E2E=1 npm run build`, in .output/e2e): browsers do not let automation
 * accept permission prompts, so its manifest grants every optional host permission up front (the
 * sync folder's host, any site the user may later allow) and the same set-up code runs in the tests
 * as for a user who clicked "Allow". It also carries the test controls (lib/background/test-hooks.ts).
 * The shipped build asks the user.
 */
const E2E = process.env.SHELFMARK_E2E === '1';
/** `SHELFMARK_SYNC=0` builds without the sync runtime, in .output/no-sync: the benchmark weighs what sync adds. */
const SYNC = process.env.SHELFMARK_SYNC !== '0';
/** Hosts Shelfmark may ask for at run time: the user's WebDAV server for sync. */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

/**
 * A content script's functions nearly all run as it starts, each compiled when first called. This
 * V8 compile hint (a comment at the top of the file) has them compiled with the script, once: the
 * added script time of an arXiv abstract page went from +14.6/+17.0 to +10.8/+10.1 ms, of a
 * 2,000-entry listing from +29.5/+28.6 to +24.3/+23.7 ms (BENCHMARKS.md). Written into the finished
 * file: the minifier would drop it.
 */
const compileHint: Plugin = {
  name: 'shelfmark:compile-hint',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
  },
};

// https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({ resolve: { alias: { 'node-fetch': noFetch, 'sync-fetch': noFetch } } }),
  ...(E2E ? { outDir: '.output/e2e' } : SYNC ? {} : { outDir: '.output/no-sync' }),
  hooks: {
    // Each site's content script runs on that site's pages that may hold papers (lib/sites/pages.ts).
    // Given here rather than in the entrypoint, whose options are bundled into the script it runs.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type !== 'content-script' || !(entrypoint.name in SITE_PAGES)) continue;
        entrypoint.options.matches = [...SITE_PAGES[entrypoint.name as keyof typeof SITE_PAGES].papers];
      }
    },
    // Build-time flags for the builds only (unit tests see them undefined: the shipped behaviour).
    'vite:build:extendConfig': (entrypoints, config) => {
      config.define = { ...config.define, __SHELFMARK_E2E__: JSON.stringify(E2E), __SHELFMARK_SYNC__: JSON.stringify(SYNC) };
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) config.plugins = [...(config.plugins ?? []), compileHint];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Names and words from the catalogues (public/_locales: English, Simplified Chinese; lib/i18n.ts).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    homepage_url: pkg.homepage,
    // storage: the settings; unlimitedStorage: the library and its snapshots are never capped nor
    // cleared to free disk space; alarms: the weekly snapshot, and sync while it is on; scripting: the
    // site's content script injected where a single-page app navigates in-page to papers, its extras
    // where it first needs them (lib/content/extras.ts), and the
    // read papers' styles inserted where no page script can read them (lib/background/page-scripts.ts),
    // on the hosts the content scripts run on (lib/sites/pages.ts: the paper sites Shelfmark reads),
    // its only hosts; the sync folder's host is asked for when the user turns sync on. README: Permissions.
    // activeTab (with scripting): the paper of the tab the user is in, read when they open the popup,
    // press the command or use the link menu, with no standing access to the page. contextMenus: that menu.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'activeTab', 'contextMenus'],
    // Manifest V2 (Firefox) lists optional hosts among its optional permissions.
    ...(E2E
      ? { host_permissions: [...siteHosts(), ...OPTIONAL_HOSTS] }
      : manifestVersion === 2
        ? { host_permissions: siteHosts(), optional_permissions: OPTIONAL_HOSTS }
        : { host_permissions: siteHosts(), optional_host_permissions: OPTIONAL_HOSTS }),
    icons,
    // The router (entrypoints/router.ts) on the other pages of single-page apps (Hugging Face,
    // OpenReview), from which in-page navigation can reach a paper page without a load that would
    // bring the site's content script. Declared here: a WXT content script would carry WXT's context.
    content_scripts: [{ matches: [...SPA_PAGES], exclude_matches: [...PAPER_PAGES], run_at: 'document_idle', js: ['router.js'] }],
    // The toolbar button; Firefox's MV2 build calls it browser_action.
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: icons, default_title: '__MSG_extName__' },
    commands: {
      // Opens the toolbar popup (the reading queue) from the keyboard.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenQueue__',
      },
      // Queues the paper of the active tab (its badge answers); lib/background/quick-actions.ts.
      'queue-current-tab': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Add this tab’s paper to the reading queue',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'shelfmark@shelfmark.dev',
              // data_collection_permissions is Firefox 140's (142 on Android); nothing else needs as much.
              strict_min_version: '140.0',
              // Shelfmark sends nothing anywhere: everything stays on the device.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // Mozilla's review rebuilds the add-on from the sources archive: it holds what the build reads
    // (README: "Building from source"), not the tests, benchmarks, scripts or pictures.
    excludeSources: ['test/**', 'bench/**', 'docs/**', 'scripts/**', 'vitest.config.ts'],
  },
  webExt: {
    binaries: {
      chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    },
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium refuses to start as root without it (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    startUrls: ['https://huggingface.co/papers'],
  },
});
