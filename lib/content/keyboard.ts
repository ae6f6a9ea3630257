/**
 * Keyboard shortcuts on a listing. Pure decisions (which command a key press means, and when a
 * key press is someone typing) kept apart from the page, so they are tested on their own.
 */

export type Command = 'next' | 'previous' | 'star' | 'read' | 'queue' | 'note' | 'tag' | 'open' | 'openInNewTab' | 'hideRead' | 'help';

export interface Shortcut {
  /** `KeyboardEvent.key` as typed (letters lower-case unless the shortcut needs Shift). */
  key: string;
  command: Command;
}

/** Every shortcut, in the order the shortcuts panel lists them (shortcuts-panel.ts says what each does). */
export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'j', command: 'next' },
  { key: 'k', command: 'previous' },
  { key: 's', command: 'star' },
  { key: 'r', command: 'read' },
  { key: 'q', command: 'queue' },
  { key: 'n', command: 'note' },
  { key: 't', command: 'tag' },
  { key: 'o', command: 'open' },
  { key: 'O', command: 'openInNewTab' },
  { key: 'h', command: 'hideRead' },
  { key: '?', command: 'help' },
];

const BY_KEY = new Map(SHORTCUTS.map((shortcut) => [shortcut.key, shortcut.command]));

/** Input types where letters are not typed: a shortcut pressed on a checkbox still works. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']);

/**
 * The command a key press means, or null: when a modifier (Ctrl, Alt, Meta) is held, while an
 * input method is composing, when the page already handled the key, or when the user is typing
 * in a field (of the page or of Shelfmark, inside shadow roots too).
 */
export function commandFor(event: KeyboardEvent): Command | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || event.defaultPrevented) return null;
  let key = event.key;
  if (key.toLowerCase() !== key.toUpperCase()) {
    const upper = key !== key.toLowerCase();
    // CapsLock alone gives capitals: the same shortcuts. Shift is only part of 'O' (and of '?').
    if (upper && !event.shiftKey) key = key.toLowerCase();
    else if (!upper && event.shiftKey) return null;
  }
  const command = BY_KEY.get(key);
  if (!command || isTyping(event)) return null;
  return command;
}

/** True when the key press goes to a place that takes text: a field, an editable element, a listbox. */
export function isTyping(event: Event): boolean {
  // composedPath() reaches into open shadow roots, where `target` only shows the shadow host.
  const path = event.composedPath();
  const targets = path.length ? path : [event.target];
  for (const target of targets) {
    if (isTextEntry(target)) return true;
  }
  return false;
}

export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).localName !== 'string') return false;
  const element = target as HTMLElement;
  switch (element.localName) {
    case 'textarea':
    case 'select':
      return true;
    case 'input':
      return !NON_TEXT_INPUTS.has((element as HTMLInputElement).type);
  }
  if (element.isContentEditable) return true;
  const editable = element.getAttribute?.('contenteditable');
  if (editable !== null && editable !== undefined && editable !== 'false') return true;
  const role = element.getAttribute?.('role');
  return role === 'textbox' || role === 'combobox' || role === 'searchbox';
}
