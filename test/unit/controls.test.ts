import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createControls, notePreview, TOGGLES } from '@/lib/content/controls';
import { NOTE_SAVE_DELAY_MS } from '@/lib/content/note-draft';
import type { PaperState, UserAction } from '@/lib/store/library';
import { t } from '@/lib/i18n';

const EMPTY: PaperState = { starred: false, read: false, queued: false, note: '' };

function mount(initial: PaperState = EMPTY) {
  const actions: UserAction[] = [];
  let answer = true;
  const controls = createControls(document, 'arxiv:2407.21783', async (action) => {
    actions.push(action);
    return answer;
  });
  document.body.append(controls.root);
  controls.update(initial);
  controls.build();
  const shadow = controls.root.shadowRoot!;
  const button = (name: string) => shadow.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
  const textarea = () => shadow.querySelector('textarea');
  return { controls, actions, shadow, button, textarea, failSaves: () => (answer = false) };
}

function type(textarea: HTMLTextAreaElement, text: string) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('card controls: built when needed', () => {
  it('makes only the root at first, and builds the buttons with the state known by then', () => {
    const controls = createControls(document, 'arxiv:2407.21783', async () => true);
    expect(controls.root.getAttribute('data-shelfmark-id')).toBe('arxiv:2407.21783');
    expect(controls.root.shadowRoot).toBeNull();
    expect(controls.built).toBe(false);
    controls.update({ ...EMPTY, starred: true, note: 'kept' });
    controls.build();
    expect(controls.built).toBe(true);
    const shadow = controls.root.shadowRoot!;
    expect(shadow.querySelector('button[aria-label="Star"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(shadow.querySelector('button[aria-label="Note"]')!.getAttribute('title')).toBe('Note: kept');
    controls.build(); // once only
    expect(shadow.querySelectorAll('button[aria-label="Star"]')).toHaveLength(1);
  });

  it('builds itself when it is needed: focus, the note, an error to show', () => {
    for (const use of [
      (controls: ReturnType<typeof createControls>) => controls.focus('A paper'),
      (controls: ReturnType<typeof createControls>) => controls.openNote(),
      (controls: ReturnType<typeof createControls>) => controls.showError('failed'),
    ]) {
      const controls = createControls(document, 'arxiv:2407.21783', async () => true);
      document.body.append(controls.root);
      use(controls);
      expect(controls.built).toBe(true);
    }
    // Flushing or closing a note that was never opened builds nothing.
    const idle = createControls(document, 'arxiv:2407.21783', async () => true);
    idle.flushNote(true);
    idle.closeNote();
    expect(idle.built).toBe(false);
  });
});

describe('card controls: the toggles', () => {
  it('has the page contract: one root carrying the id, a shadow root, named buttons with aria-pressed', () => {
    const { controls, button } = mount();
    expect(controls.root.getAttribute('data-shelfmark-id')).toBe('arxiv:2407.21783');
    expect(controls.root.shadowRoot).not.toBeNull();
    for (const name of ['Star', 'Mark read', 'Add to queue', 'Note']) {
      expect(button(name), name).not.toBeNull();
      expect(button(name).getAttribute('aria-pressed'), name).toBe('false');
    }
  });

  it.each(TOGGLES.map((toggle) => [t(toggle.label), toggle.kind] as const))('%s shows its state and asks for its opposite', (label, kind) => {
    const { controls, actions, button } = mount();
    button(label).click();
    expect(actions).toEqual([{ kind, value: true }]);
    const on: PaperState = { ...EMPTY, starred: kind === 'star', read: kind === 'read', queued: kind === 'queue' };
    controls.update(on);
    expect(button(label).getAttribute('aria-pressed')).toBe('true');
    const spec = TOGGLES.find((toggle) => toggle.kind === kind)!;
    expect(button(label).title).toBe(t(spec.onTitle));
    // The other toggles are untouched.
    for (const other of TOGGLES.filter((toggle) => toggle.kind !== kind)) {
      expect(button(t(other.label)).getAttribute('aria-pressed')).toBe('false');
    }
    button(label).click();
    expect(actions).toEqual([{ kind, value: true }, { kind, value: false }]);
    controls.update(EMPTY);
    expect(button(label).getAttribute('aria-pressed')).toBe('false');
    expect(button(label).title).toBe(t(spec.offTitle));
  });

  it('keeps its clicks from the host page (card links, routers)', () => {
    const { button } = mount();
    const pageClicks = vi.fn();
    document.body.addEventListener('click', pageClicks);
    button('Star').click();
    button('Note').click();
    expect(pageClicks).not.toHaveBeenCalled();
  });

  it('shows a failed save until the next state arrives', () => {
    const { controls, shadow } = mount();
    controls.showError('database is closed');
    expect(shadow.querySelector('[role="status"]')!.textContent).toBe('Not saved: database is closed');
    expect(controls.root.hasAttribute('data-error')).toBe(true);
    controls.update({ ...EMPTY, starred: true });
    expect(shadow.querySelector('[role="status"]')!.textContent).toBe('');
    expect(controls.root.hasAttribute('data-error')).toBe(false);
  });
});

describe('card controls: the note', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('the Note button opens and closes an inline editor (aria-pressed follows it)', () => {
    const { controls, button, textarea, shadow } = mount();
    expect(textarea()).toBeNull(); // built on first use only
    button('Note').click();
    expect(controls.noteOpen).toBe(true);
    expect(button('Note').getAttribute('aria-pressed')).toBe('true');
    expect(shadow.activeElement).toBe(textarea());
    expect(button('Note').getAttribute('aria-controls')).toBe(textarea()!.parentElement!.id);
    button('Note').click();
    expect(controls.noteOpen).toBe(false);
    expect(button('Note').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows that a card has a note, with its first words on hover', () => {
    const { controls, button } = mount();
    expect(button('Note').hasAttribute('data-has-note')).toBe(false);
    expect(button('Note').title).toBe('Write a note (n)');
    controls.update({ ...EMPTY, note: 'Strong baseline.\n\nCompare with **Mixtral** on the long-context tasks before citing it anywhere' });
    expect(button('Note').hasAttribute('data-has-note')).toBe(true);
    expect(button('Note').title).toBe('Note: Strong baseline. Compare with **Mixtral** on the long-context tasks before citing it…');
    controls.update({ ...EMPTY, note: '   \n ' });
    expect(button('Note').hasAttribute('data-has-note')).toBe(false);
  });

  it('saves as you type, after a pause, and at once on blur', async () => {
    const { actions, button, textarea } = mount();
    button('Note').click();
    type(textarea()!, 'first thoughts');
    expect(actions).toEqual([]);
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS);
    expect(actions).toEqual([{ kind: 'note', text: 'first thoughts' }]);
    type(textarea()!, 'first thoughts, then more');
    textarea()!.dispatchEvent(new FocusEvent('blur'));
    expect(actions).toHaveLength(2);
    expect(actions[1]).toEqual({ kind: 'note', text: 'first thoughts, then more' });
  });

  it('Esc leaves the editor, keeps and saves the text, and gives focus back to the Note button', () => {
    const { controls, actions, button, textarea, shadow } = mount();
    button('Note').click();
    type(textarea()!, 'keep me');
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    textarea()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(controls.noteOpen).toBe(false);
    expect(actions).toEqual([{ kind: 'note', text: 'keep me' }]);
    expect(shadow.activeElement).toBe(button('Note'));
    expect(pageKeys).not.toHaveBeenCalled(); // the page never sees keys typed in the note
    button('Note').click();
    expect(textarea()!.value).toBe('keep me');
  });

  it('shows the stored note, but never replaces text the user has not saved yet', async () => {
    const { controls, button, textarea, failSaves } = mount({ ...EMPTY, note: 'stored' });
    button('Note').click();
    expect(textarea()!.value).toBe('stored');
    controls.update({ ...EMPTY, note: 'changed in another tab' });
    expect(textarea()!.value).toBe('changed in another tab');
    type(textarea()!, 'mine, typing');
    controls.update({ ...EMPTY, note: 'an echo of an older save' });
    expect(textarea()!.value).toBe('mine, typing');
    failSaves();
    controls.flushNote();
    await vi.advanceTimersByTimeAsync(0);
    controls.update({ ...EMPTY, note: 'stored' }); // the page went back to the stored state
    expect(textarea()!.value).toBe('mine, typing'); // the unsaved text stays, to be sent again
  });

  it('opens on the stored note even after another action failed to save', () => {
    const { controls, button, textarea } = mount({ ...EMPTY, note: 'years of thoughts' });
    controls.showError('database is closed');
    button('Note').click();
    expect(textarea()!.value).toBe('years of thoughts');
  });

  it('treats notes as text, never as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> **bold**';
    const { controls, button, textarea, shadow } = mount({ ...EMPTY, note: hostile });
    button('Note').click();
    expect(textarea()!.value).toBe(hostile);
    expect(shadow.querySelector('img, script')).toBeNull();
    expect(button('Note').title).toBe(`Note: ${hostile}`);
    controls.update({ ...EMPTY, note: hostile + ' again' });
    expect(shadow.querySelector('img, script')).toBeNull();
  });
});

describe('notePreview', () => {
  it('gives the first words on one line, cut with an ellipsis', () => {
    expect(notePreview('')).toBe('');
    expect(notePreview('  one\ntwo  ')).toBe('one two');
    expect(notePreview('a b c d e f g h i j k l m n')).toBe('a b c d e f g h i j k l…');
    expect(notePreview('x'.repeat(200))).toBe(`${'x'.repeat(90)}…`);
  });
});
