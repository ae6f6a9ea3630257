#!/usr/bin/env node
// npm run dev (and dev:firefox): WXT's dev server, which opens a browser window with Shelfmark
// loaded. Without a display the browser cannot start and WXT ends in a protocol stack trace; say
// what is missing and how to run it instead.
import { spawnSync } from 'node:child_process';

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('npm run dev opens a browser window and there is no display here: run `xvfb-run -a npm run dev` instead (or `npm run build` to build only).');
  process.exit(1);
}
const result = spawnSync('wxt', process.argv.slice(2), { stdio: 'inherit' });
process.exit(result.status ?? 1);
