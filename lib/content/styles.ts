import controlsCss from './css/controls.css?inline';
import dockCss from './css/dock.css?inline';

/**
 * Styles of the UI Shelfmark shows on a page, as strings (minified by the build), inside our closed
 * shadow roots: nothing of the page reaches them, nothing leaks out. The one stylesheet for the
 * page itself, css/page.css, is declared in the manifest with the content script (index.ts imports
 * it): the browser adds it before the first paint, and no page script can read it.
 */
export const CONTROLS_CSS: string = controlsCss;
export const DOCK_CSS: string = dockCss;
