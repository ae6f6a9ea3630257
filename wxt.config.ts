import { defineConfig } from 'wxt';
import { SITE_HOSTS } from './lib/sites/pages';

// https://wxt.dev/api/config.html
export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'Shelfmark',
    description: 'Star, queue and annotate research papers where you find them: Hugging Face papers and arXiv.',
    // scripting: the content script injected where a single-page app navigates in-page to papers, and
    // the read papers' styles inserted where no page script can read them (lib/background/page-scripts.ts).
    permissions: ['storage', 'scripting'],
    host_permissions: [...SITE_HOSTS],
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
