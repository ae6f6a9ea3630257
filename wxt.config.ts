import { defineConfig } from 'wxt';

/**
 * The test build (`SHELFMARK_E2E=1 npm run build`, in .output/e2e): browsers do not let automation
 * accept permission prompts, so its manifest grants every optional host permission up front (the
 * sync folder's host, any site the user may later allow) and the same set-up code runs in the tests
 * as for a user who clicked "Allow". It also carries the test controls (lib/background/test-hooks.ts).
 * The shipped build asks the user.
 */
const E2E = process.env.SHELFMARK_E2E === '1';
/** Hosts Shelfmark may ask for at run time: the user's WebDAV server for sync. */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

// https://wxt.dev/api/config.html
export default defineConfig({
  ...(E2E ? { outDir: '.output/e2e' } : {}),
  vite: () => ({ define: { __SHELFMARK_E2E__: JSON.stringify(E2E) } }),
  manifest: ({ browser }) => ({
    name: 'Shelfmark',
    description: 'Star, queue and annotate research papers where you find them: Hugging Face papers and arXiv.',
    permissions: ['storage', 'alarms'],
    ...(E2E ? { host_permissions: OPTIONAL_HOSTS } : { optional_host_permissions: OPTIONAL_HOSTS }),
    action: { default_title: 'Shelfmark: reading queue' },
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
              strict_min_version: '142.0',
              // Shelfmark sends nothing anywhere: everything stays on the device.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: {
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
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
