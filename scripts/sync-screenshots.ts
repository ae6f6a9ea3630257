/**
 * The README's pictures of sync (`npm run screenshots:sync`): the options page's Sync panel being
 * set up, and in use between two profiles (devices, last sync, a note kept from a conflict), light
 * and dark. Two profiles of the test build sync through nginx on 127.0.0.1.
 */
import { launch, type Browser } from '../test/e2e/harness';
import { act, configureSync, syncNow } from '../test/e2e/sync-helpers';
import { startFaultProxy } from '../test/servers/fault-proxy';
import { startServer } from '../test/servers/webdav-servers';

const DOCS = 'docs/screenshots';
const PAPER = 'arxiv:2407.21783';

async function shoot(browser: Browser, theme: 'light' | 'dark', path: string, focusSync = true) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1180, height: 760 });
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('.options-sync').waitFor();
  await page.waitForTimeout(500);
  if (focusSync) await page.locator('.options-sync').scrollIntoViewIfNeeded();
  await page.screenshot({ path });
  await page.close();
}

async function main() {
  const server = await startServer('nginx');
  const proxy = await startFaultProxy(server.url);
  const network = (url: string) => url.startsWith(proxy.url);
  const [a, b] = await Promise.all([launch({ build: 'test', network }), launch({ build: 'test', network })]);
  try {
    await shoot(a, 'light', `${DOCS}/sync-setup-light.png`);
    const target = { url: `${proxy.url}remote.php/dav/files/alice/Shelfmark/`, username: server.username, password: server.password };
    await configureSync(a, target, 'Laptop (Firefox)');
    await configureSync(b, target, 'Lab desktop');
    await act(a, [
      { id: PAPER, title: 'The Llama 3 Herd of Models', action: { kind: 'star', value: true } },
      { id: 'arxiv:2407.21770', title: 'MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts', action: { kind: 'queue', value: true } },
    ]);
    await syncNow(a);
    await syncNow(b);
    // Both write a note on the same paper before syncing: the later one wins, the other is kept.
    await act(a, [{ id: PAPER, action: { kind: 'note', text: 'Read section 4 (scaling laws) before the group meeting.' } }]);
    await act(b, [{ id: PAPER, action: { kind: 'note', text: 'Compare the 405B post-training recipe with Tülu 3.' } }]);
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const theme of ['light', 'dark'] as const) await shoot(a, theme, `${DOCS}/sync-${theme}.png`, false);
  } finally {
    await a.close();
    await b.close();
    await proxy.stop();
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
