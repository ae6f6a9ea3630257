import { afterEach, describe, expect, it } from 'vitest';
import { commandFor, SHORTCUTS, type Command } from '@/lib/content/keyboard';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Dispatches a real keydown at `target` and returns the command a document listener reads from it. */
function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): Command | null {
  let command: Command | null | undefined;
  const listener = (event: KeyboardEvent) => (command = commandFor(event));
  document.addEventListener('keydown', listener);
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
  document.removeEventListener('keydown', listener);
  if (command === undefined) throw new Error('the key press never reached the document');
  return command;
}

describe('keyboard shortcuts', () => {
  it('maps every documented key to its command', () => {
    const expected: Record<string, Command> = {
      j: 'next', k: 'previous', s: 'star', r: 'read', q: 'queue', n: 'note', t: 'tag', o: 'open', h: 'hideRead',
    };
    for (const [key, command] of Object.entries(expected)) expect(press(document.body, key)).toBe(command);
    expect(press(document.body, '?', { shiftKey: true })).toBe('help');
    expect(press(document.body, 'O', { shiftKey: true })).toBe('openInNewTab');
    expect(SHORTCUTS.map((shortcut) => shortcut.command).sort()).toEqual(
      ['next', 'previous', 'star', 'read', 'queue', 'note', 'tag', 'open', 'openInNewTab', 'hideRead', 'help'].sort(),
    );
  });

  it('ignores other keys', () => {
    for (const key of ['a', 'x', 'Enter', ' ', 'ArrowDown', 'Escape', '/']) expect(press(document.body, key)).toBeNull();
  });

  it('never fires with Ctrl, Alt or Meta held (browser and system shortcuts stay theirs)', () => {
    expect(press(document.body, 's', { ctrlKey: true })).toBeNull();
    expect(press(document.body, 'r', { metaKey: true })).toBeNull();
    expect(press(document.body, 'j', { altKey: true })).toBeNull();
    expect(press(document.body, '?', { shiftKey: true, ctrlKey: true })).toBeNull();
  });

  it('Shift changes the meaning: Shift+S is not s; CapsLock alone is', () => {
    expect(press(document.body, 'S', { shiftKey: true })).toBeNull();
    expect(press(document.body, 'S')).toBe('star'); // CapsLock on
    expect(press(document.body, 'o', { shiftKey: true })).toBeNull(); // CapsLock and Shift
  });

  it('never fires while an input method is composing, or when the page already handled the key', () => {
    expect(press(document.body, 's', { isComposing: true })).toBeNull();
    const button = document.body.appendChild(document.createElement('button'));
    button.addEventListener('keydown', (event) => event.preventDefault());
    expect(press(button, 's')).toBeNull();
  });

  it('never fires while the user types in a field of the page', () => {
    document.body.innerHTML = `
      <input id="text"><input id="search" type="search"><input id="number" type="number">
      <textarea id="area"></textarea>
      <select id="select"><option>a</option></select>
      <div contenteditable="true" id="editable"><p id="inside">text</p></div>
      <div contenteditable="plaintext-only" id="plain"></div>
      <div role="textbox" id="textbox"></div>`;
    for (const id of ['text', 'search', 'number', 'area', 'select', 'editable', 'inside', 'plain', 'textbox']) {
      expect(press(document.getElementById(id)!, 's'), id).toBeNull();
    }
  });

  it('still works on controls that take no text (checkbox, button, link)', () => {
    document.body.innerHTML = `<input type="checkbox" id="box"><button id="button">b</button><a href="#x" id="link">l</a>
      <div contenteditable="false" id="not-editable"></div>`;
    for (const id of ['box', 'button', 'link', 'not-editable']) expect(press(document.getElementById(id)!, 'j'), id).toBe('next');
  });

  it('sees fields inside open shadow roots (Shelfmark\'s note editor, web components of the page)', () => {
    const host = document.body.appendChild(document.createElement('shelfmark-controls'));
    const shadow = host.attachShadow({ mode: 'open' });
    const textarea = shadow.appendChild(document.createElement('textarea'));
    const button = shadow.appendChild(document.createElement('button'));
    // At the document the target is the host, not the textarea: only the composed path tells.
    expect(press(textarea, 's')).toBeNull();
    expect(press(button, 's')).toBe('star');

    const outer = document.body.appendChild(document.createElement('page-widget'));
    const nested = outer.attachShadow({ mode: 'open' }).appendChild(document.createElement('inner-widget'));
    const input = nested.attachShadow({ mode: 'open' }).appendChild(document.createElement('input'));
    expect(press(input, 'q')).toBeNull();
  });
});
