import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { SITE_HOSTS } from './lib/sites/pages';
import { ICON_SIZES, iconPath } from './modules/icons';
import pkg from './package.json';

/** The icon at every size, rendered from assets/icon.svg by modules/icons.ts. */
const icons = Object.fromEntries(Object.keys(ICON_SIZES).map((size) => [size, iconPath(Number(size) as keyof typeof ICON_SIZES)]));

/** Citation.js's core imports fetch libraries it never uses here: see lib/export/no-fetch.ts. */
const noFetch = fileURLToPath(new URL('./lib/export/no-fetch.ts', import.meta.url));

// https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({ resolve: { alias: { 'node-fetch': noFetch, 'sync-fetch': noFetch } } }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Shelfmark',
    description: 'Star, queue and annotate research papers where you find them: Hugging Face papers and arXiv.',
    homepage_url: pkg.homepage,
    // storage: the settings; unlimitedStorage: the library and its snapshots are never capped nor
    // cleared to free disk space; alarms: the weekly snapshot; scripting: the site's content script
    // injected where a single-page app navigates in-page to papers, and the read papers' styles
    // inserted where no page script can read them (lib/background/page-scripts.ts), on the hosts the
    // content scripts run on (Hugging Face, arXiv), its only hosts. README: Permissions.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    host_permissions: [...SITE_HOSTS],
    icons,
    // The toolbar button (its title is the popup's <title>); Firefox's MV2 build calls it browser_action.
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: icons },
    commands: {
      // Opens the toolbar popup (the reading queue) from the keyboard.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open the Shelfmark reading queue',
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
