/**
 * Whether the content script runs in this frame: a flag in the content scripts' world (not the
 * page's, which cannot see or set it). The content script may be both declared for a page and
 * injected at the router's request; it starts once.
 */
const RUNNING = Symbol.for('shelfmark.content');

type World = { [RUNNING]?: boolean };

export function contentScriptRunning(): boolean {
  return (globalThis as World)[RUNNING] === true;
}

export function setContentScriptRunning(running: boolean): void {
  (globalThis as World)[RUNNING] = running;
}
