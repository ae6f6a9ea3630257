import { icon } from './controls';
import type { ContentExtras, ExtrasSource } from './extras';
import { attachClosedRoot } from './shadow';
import type { ShortcutsPanel } from './shortcuts-panel';
import { DOCK_CSS } from './styles';
import { isUserEvent } from './trust';
import { t, type MessageKey } from '../i18n';

/**
 * The one page-level control Shelfmark adds: a small pill in the bottom corner of a listing with
 * the per-site "Hide read" toggle and the keyboard shortcuts, and the shortcuts panel (`?`) that
 * opens from it. Its own closed shadow root, like the card controls (the read count is the
 * library's: the page never sees it); it carries no `data-shelfmark-id`.
 */

export interface DockView {
  /** The site's name as people know it ("Hugging Face"). */
  siteLabel: string;
  hideRead: boolean;
  /** Read papers among the cards on the page. */
  readCount: number;
}

export interface Dock {
  readonly element: HTMLElement;
  readonly helpOpen: boolean;
  update(view: DockView): void;
  /** Opens the shortcuts panel, or closes it when open. */
  toggleHelp(): void;
}

export interface DockOptions {
  onHideRead: (hide: boolean) => void;
  /** Where the shortcuts panel comes from (built the first time it opens). */
  extras: ExtrasSource;
}

/** The accessible names of the pill's buttons (tests find them by these). */
export const HIDE_READ_LABEL: MessageKey = 'dockHideReadLabel';
export const SHORTCUTS_LABEL: MessageKey = 'popupKeysLabel';

const EYE_OFF = 'M3 3l18 18M10.6 6.2A9.8 9.8 0 0 1 12 6c5 0 8.5 4.5 9.5 6a15 15 0 0 1-2.8 3.3M6.6 7.7A15 15 0 0 0 2.5 12c1 1.5 4.5 6 9.5 6a9 9 0 0 0 4.3-1.1M9.9 10a3 3 0 0 0 4.2 4.2';

export function createDock(doc: Document, options: DockOptions): Dock {
  const element = doc.createElement('shelfmark-dock');
  const shadow = attachClosedRoot(element);
  const style = doc.createElement('style');
  style.textContent = DOCK_CSS;

  const bar = doc.createElement('div');
  bar.className = 'dock';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Shelfmark');
  const hideRead = doc.createElement('button');
  hideRead.type = 'button';
  hideRead.className = 'toggle wide';
  hideRead.setAttribute('aria-label', t(HIDE_READ_LABEL));
  hideRead.setAttribute('aria-pressed', 'false');
  const svg = icon(doc, [[EYE_OFF]]);
  const hideText = doc.createElement('span');
  hideText.textContent = t('dockHideRead');
  const count = doc.createElement('span');
  count.className = 'count';
  count.setAttribute('aria-hidden', 'true');
  hideRead.append(svg, hideText, count);
  const help = doc.createElement('button');
  help.type = 'button';
  help.className = 'toggle';
  help.setAttribute('aria-label', t(SHORTCUTS_LABEL));
  help.setAttribute('aria-haspopup', 'dialog');
  help.title = t('dockShortcutsTitle');
  help.textContent = '?';
  bar.append(hideRead, help);

  shadow.append(style, bar);

  let view: DockView = { siteLabel: '', hideRead: false, readCount: 0 };
  let panel: ShortcutsPanel | undefined;

  // Only the user's own clicks act (isTrusted).
  hideRead.addEventListener('click', (event) => isUserEvent(event) && options.onHideRead(!view.hideRead));
  help.addEventListener('click', (event) => isUserEvent(event) && dock.toggleHelp());

  const dock: Dock = {
    element,
    get helpOpen() {
      return panel?.open ?? false;
    },
    update(next) {
      view = next;
      hideRead.setAttribute('aria-pressed', String(next.hideRead));
      hideRead.title = t(next.hideRead ? 'dockHiddenTitle' : 'dockHideTitle', next.siteLabel);
      count.textContent = next.readCount > 0 ? String(next.readCount) : '';
      panel?.update(next);
    },
    toggleHelp() {
      if (panel?.open) return panel.close();
      const show = ({ createShortcutsPanel }: ContentExtras) => {
        // (Its words again, after a failure to load had replaced them.)
        help.title = t('dockShortcutsTitle');
        panel ??= createShortcutsPanel(doc, shadow, { onHideRead: options.onHideRead });
        panel.update(view);
        panel.show();
      };
      const loaded = options.extras.loaded();
      if (loaded) show(loaded);
      else options.extras.load().then(show, () => (help.title = t('cardEditorUnavailable')));
    },
  };
  return dock;
}
