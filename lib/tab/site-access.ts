import { siteOf } from '../bounds';
import { adapterFor } from '../sites';

/**
 * Shelfmark on sites of the user's choosing, from the extension pages (the popup, the library):
 * once on the tab ("Show Shelfmark on this page", through activeTab), or always on a site ("Always
 * on this site": the browser asks for that site's permission, `optional_host_permissions`, and the
 * generic adapter's script is registered for it). Removing a site unregisters the script and gives
 * the permission back. The list of sites is the registered scripts: nothing else is stored.
 */

/** The generic adapter's script and its stylesheet as the build writes them (entrypoints/generic.content.ts). */
export const GENERIC_SCRIPT = '/content-scripts/generic.js';
const GENERIC_STYLE = '/content-scripts/generic.css';
const SCRIPT_PREFIX = 'generic:';

function originsOf(host: string): string[] {
  return [`https://${host}/*`, `http://${host}/*`];
}

/** The host of a tab's page that Shelfmark could be enabled on: an http(s) page no site adapter serves. */
export function enableableHost(url: string | undefined): string | undefined {
  const host = siteOf(url);
  return host && url && !adapterFor(url) ? host : undefined;
}

/** A host as the user typed it ("blog.example.com", "https://blog.example.com/posts"), or undefined. */
export function hostFromInput(text: string): string | undefined {
  const trimmed = text.trim();
  const host = siteOf(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  return host && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}

/** Runs the generic adapter once in the tab (it starts once however often it is asked). */
export async function showOnPage(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: [GENERIC_STYLE] });
  await browser.scripting.executeScript({ target: { tabId }, files: [GENERIC_SCRIPT] });
}

/** The sites the user enabled, by host, sorted. */
export async function enabledSites(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts
    .filter((script) => script.id.startsWith(SCRIPT_PREFIX))
    .map((script) => script.id.slice(SCRIPT_PREFIX.length))
    .sort();
}

/**
 * Asks for `host`'s permission (call it from a click: the browser shows its prompt), then registers
 * the script there from the next page load on. False when the user declined.
 */
export async function enableSite(host: string): Promise<boolean> {
  if (!(await browser.permissions.request({ origins: originsOf(host) }))) return false;
  if ((await enabledSites()).includes(host)) return true;
  await browser.scripting.registerContentScripts([
    { id: `${SCRIPT_PREFIX}${host}`, matches: originsOf(host), js: [GENERIC_SCRIPT], css: [GENERIC_STYLE], runAt: 'document_idle' },
  ]);
  return true;
}

/** Unregisters the script of `host` and gives its permission back. */
export async function disableSite(host: string): Promise<void> {
  if ((await enabledSites()).includes(host)) await browser.scripting.unregisterContentScripts({ ids: [`${SCRIPT_PREFIX}${host}`] });
  // A permission the manifest itself grants (the test build's) cannot be given back: nothing to do then.
  await browser.permissions.remove({ origins: originsOf(host) }).catch(() => false);
}
