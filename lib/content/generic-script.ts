import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { generic } from '../sites/generic';
import { startContentScript } from '.';

/** Set in the script's world once it runs: "Show Shelfmark on this page" twice, or on an enabled site, starts it once. */
const RUNNING = Symbol.for('shelfmark.generic');

/** Starts the generic adapter's content script in this page, unless it already runs here. */
export function startGenericScript(ctx: ContentScriptContext): void {
  const world = globalThis as unknown as Record<symbol, boolean>;
  if (world[RUNNING]) return;
  world[RUNNING] = true;
  ctx.onInvalidated(() => (world[RUNNING] = false));
  startContentScript(ctx, [generic]);
}
