import controlsCss from './css/controls.css?inline';
import dockCss from './css/dock.css?inline';
import pageCss from './css/page.css?inline';

/**
 * Styles of everything Shelfmark shows on a page, as strings (minified by the build).
 * CONTROLS_CSS and DOCK_CSS live inside our shadow roots: nothing of the page reaches them, nothing
 * leaks out. PAGE_CSS is the only stylesheet added to the page itself, scoped to our own names.
 */
export const PAGE_CSS: string = pageCss;
export const CONTROLS_CSS: string = controlsCss;
export const DOCK_CSS: string = dockCss;
