import { t, type MessageKey } from '../i18n';
import type { DockView } from './dock';
import { SHORTCUTS, type Command } from './keyboard';
import { deepActiveElement } from './shadow';
import { isUserEvent } from './trust';

/**
 * The keyboard shortcuts panel (`?`, or the dock's button): a modal dialog in the dock's closed root
 * that lists the keys and carries the per-site "Hide read" checkbox. Part of the content script's
 * extras (lib/content/extras.ts): built the first time it opens.
 */
export interface ShortcutsPanel {
  readonly open: boolean;
  /** Opens it, focus on its close button; focus goes back where it was when it closes. */
  show(): void;
  close(): void;
  update(view: DockView): void;
}

/** What each key does, as the panel (and the welcome page) says it. */
export const SHORTCUT_DESCRIPTIONS: Record<Command, MessageKey> = {
  next: 'keyNext',
  previous: 'keyPrevious',
  star: 'keyStar',
  read: 'keyRead',
  queue: 'keyQueue',
  note: 'keyNote',
  tag: 'keyTag',
  open: 'keyOpen',
  openInNewTab: 'keyOpenInNewTab',
  hideRead: 'keyHideRead',
  help: 'keyHelp',
};

/** How a shortcut's key is written in the panel. */
function keyLabel(key: string): string {
  return key !== key.toLowerCase() ? `Shift ${key}` : key; // key names read the same in every language
}

export function createShortcutsPanel(doc: Document, shadow: ShadowRoot, options: { onHideRead: (hide: boolean) => void }): ShortcutsPanel {
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
    row.insertCell().textContent = t(SHORTCUT_DESCRIPTIONS[shortcut.command]);
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
  shadow.append(dialog);

  let returnFocus: Element | null = null;
  // Only the user's own clicks act (isTrusted).
  checkbox.addEventListener('change', (event) => isUserEvent(event) && options.onHideRead(checkbox.checked));
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

  return {
    get open() {
      return dialog.hasAttribute('open');
    },
    show() {
      returnFocus = deepActiveElement(doc);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      close.focus();
    },
    close: () => closeDialog(dialog),
    update(view) {
      checkbox.checked = view.hideRead;
      labelText.textContent = t('dockHideOn', view.siteLabel);
    },
  };
}

/** Closes the panel; where <dialog> has no methods (jsdom), by its attribute, telling listeners as the browser would. */
function closeDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === 'function') dialog.close();
  else if (dialog.hasAttribute('open')) {
    dialog.removeAttribute('open');
    dialog.dispatchEvent(new Event('close'));
  }
}
