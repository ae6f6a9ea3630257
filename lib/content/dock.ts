import { icon } from './controls';
import { SHORTCUTS } from './keyboard';
import { attachClosedRoot, deepActiveElement } from './shadow';
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
}

/** The accessible names of the pill's buttons (tests find them by these). */
export const HIDE_READ_LABEL: MessageKey = 'dockHideReadLabel';
export const SHORTCUTS_LABEL: MessageKey = 'popupKeysLabel';

const EYE_OFF = 'M3 3l18 18M10.6 6.2A9.8 9.8 0 0 1 12 6c5 0 8.5 4.5 9.5 6a15 15 0 0 1-2.8 3.3M6.6 7.7A15 15 0 0 0 2.5 12c1 1.5 4.5 6 9.5 6a9 9 0 0 0 4.3-1.1M9.9 10a3 3 0 0 0 4.2 4.2';

/** How a shortcut's key is written in the panel. */
function keyLabel(key: string): string {
  return key !== key.toLowerCase() ? `Shift ${key}` : key; // key names read the same in every language
}

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

  const dialog = doc.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'shelfmark-shortcuts-title');
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = 'Esc';
  close.setAttribute('aria-label', t('dockClose'));
  const title = doc.createElement('h2');
  title.id = 'shelfmark-shortcuts-title';
  title.textContent = t('dockShortcutsHeading');
  const table = doc.createElement('table');
  for (const shortcut of SHORTCUTS) {
    const row = table.insertRow();
    const kbd = doc.createElement('kbd');
    kbd.textContent = keyLabel(shortcut.key);
    row.insertCell().append(kbd);
    row.insertCell().textContent = t(shortcut.description);
  }
  const label = doc.createElement('label');
  const checkbox = doc.createElement('input');
  checkbox.type = 'checkbox';
  const labelText = doc.createElement('span');
  label.append(checkbox, labelText);
  const footnote = doc.createElement('p');
  footnote.className = 'footnote';
  footnote.textContent = t('dockFootnote');
  dialog.append(close, title, table, label, footnote);
  shadow.append(style, bar, dialog);

  let view: DockView = { siteLabel: '', hideRead: false, readCount: 0 };
  let returnFocus: Element | null = null;

  // Only the user's own clicks act (isTrusted).
  hideRead.addEventListener('click', (event) => isUserEvent(event) && options.onHideRead(!view.hideRead));
  checkbox.addEventListener('change', (event) => isUserEvent(event) && options.onHideRead(checkbox.checked));
  help.addEventListener('click', (event) => isUserEvent(event) && dock.toggleHelp());
  close.addEventListener('click', (event) => isUserEvent(event) && closeDialog(dialog));
  dialog.addEventListener('close', () => {
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  });
  // Keys pressed in the panel belong to it (Esc closes it natively); the page must not act on them.
  dialog.addEventListener('keydown', (event) => {
    if (isUserEvent(event) && event.key === '?') {
      event.preventDefault();
      closeDialog(dialog);
    }
    event.stopPropagation();
  });

  const dock: Dock = {
    element,
    get helpOpen() {
      return dialog.hasAttribute('open');
    },
    update(next) {
      view = next;
      hideRead.setAttribute('aria-pressed', String(next.hideRead));
      hideRead.title = t(next.hideRead ? 'dockHiddenTitle' : 'dockHideTitle', next.siteLabel);
      count.textContent = next.readCount > 0 ? String(next.readCount) : '';
      checkbox.checked = next.hideRead;
      labelText.textContent = t('dockHideOn', next.siteLabel);
    },
    toggleHelp() {
      if (dock.helpOpen) {
        closeDialog(dialog);
        return;
      }
      returnFocus = deepActiveElement(doc);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      close.focus();
    },
  };
  return dock;
}

/** Closes the panel; where <dialog> has no methods (jsdom), by its attribute, telling listeners as the browser would. */
function closeDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === 'function') dialog.close();
  else if (dialog.hasAttribute('open')) {
    dialog.removeAttribute('open');
    dialog.dispatchEvent(new Event('close'));
  }
}

