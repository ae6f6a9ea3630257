import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createControlRoot, createControls, noteFirstLine, TOGGLES, type CardControls } from '@/lib/content/controls';
import { NOTE_SAVE_DELAY_MS } from '@/lib/content/note-draft';
import type { PaperState, UserAction } from '@/lib/store/library';
import { EMPTY_STATE } from '@/lib/store/library';
import { EXTRAS_LOADED, forge, shadowOf } from './content-fixture';
import { t } from '@/lib/i18n';

const EMPTY: PaperState = EMPTY_STATE;

function mount(initial: PaperState = EMPTY) {
  const actions: UserAction[] = [];
  let answer = true;
  const controls = createControls(createControlRoot(document, 'arxiv:2407.21783'), async (action) => {
    actions.push(action);
    return answer;
  }, EXTRAS_LOADED, initial);
  document.body.append(controls.root);
  const shadow = shadowOf(controls.root)!;
  const button = (name: string) => shadow.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
  const textarea = () => shadow.querySelector('textarea');
  /** What an action meant, without its time. */
  const meant = () => actions.map(({ at: _, ...rest }) => rest);
  return { controls, actions, meant, shadow, button, textarea, failSaves: () => (answer = false) };
}

function type(textarea: HTMLTextAreaElement, text: string) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The note's first line shown on the card, or null when none shows. */
function firstLine(controls: CardControls): string | null {
  const line = shadowOf(controls.root)!.querySelector<HTMLElement>('.first-line')!;
  return line.hidden ? null : line.textContent;
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('card controls: closed to the page', () => {
  it('shows the page only its host: the id, no shadow root, no state', () => {
    const { controls, button } = mount({ ...EMPTY, starred: true, note: 'private thoughts' });
    expect(controls.root.getAttribute('data-shelfmark-id')).toBe('arxiv:2407.21783');
    expect(controls.root.shadowRoot).toBeNull(); // closed: what a page script sees
    expect([...controls.root.attributes].map((attribute) => attribute.name).sort()).toEqual(['class', 'data-shelfmark-id']);
    expect(controls.root.textContent).toBe('');
    // Inside, for Shelfmark: the state and the note's first line.
    expect(button('Star').getAttribute('aria-pressed')).toBe('true');
    expect(firstLine(controls)).toBe('private thoughts');
  });

  it('ignores clicks, keys and typing a page script made', async () => {
    vi.useFakeTimers();
    const { controls, actions, button, textarea } = mount();
    button('Star').dispatchEvent(forge(new MouseEvent('click', { bubbles: true, composed: true })));
    button('Note').dispatchEvent(forge(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(controls.noteOpen).toBe(false);
    controls.openNote();
    const field = textarea()!;
    field.value = 'forged';
    field.dispatchEvent(forge(new Event('input', { bubbles: true })));
    field.dispatchEvent(forge(new FocusEvent('blur')));
    field.dispatchEvent(forge(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS * 2);
    expect(actions).toEqual([]);
    expect(controls.noteOpen).toBe(true);
  });
});

describe('card controls: a paper with no state', () => {
  it('is what the controls show as they are built: its state, when it comes, changes nothing in them', () => {
    // Built before the background has answered: no state given.
    const controls = createControls(createControlRoot(document, 'arxiv:2407.21783'), async () => true, EXTRAS_LOADED);
    const shadow = shadowOf(controls.root)!;
    const built = shadow.innerHTML;
    const changes = new MutationObserver(() => undefined);
    changes.observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
    // Most of a listing's papers have none: each card is told so once the background answers.
    controls.update({ ...EMPTY, tags: [] });
    expect(changes.takeRecords()).toEqual([]);
    // A state and back to none: the controls look as they were built.
    controls.update({ ...EMPTY, starred: true, note: 'to read', tags: ['ml'] });
    expect(changes.takeRecords().length).toBeGreaterThan(0);
    controls.update(EMPTY);
    expect(shadow.innerHTML).toBe(built);
  });
});

describe('card controls: the toggles', () => {
  it('has the page contract: one root carrying the id, named buttons with aria-pressed', () => {
    const { controls, button } = mount();
    expect(controls.root.getAttribute('data-shelfmark-id')).toBe('arxiv:2407.21783');
    for (const name of ['Star', 'Mark read', 'Add to queue', 'Note']) {
      expect(button(name), name).not.toBeNull();
      expect(button(name).getAttribute('aria-pressed'), name).toBe('false');
    }
  });

  it.each(TOGGLES.map((toggle) => [t(toggle.label), toggle.kind] as const))('%s shows its state and asks for its opposite', (label, kind) => {
    const { controls, actions, meant, button } = mount();
    const before = Date.now();
    button(label).click();
    expect(meant()).toEqual([{ kind, value: true }]);
    // It carries when the user clicked: the order of actions is the order of the user's clicks.
    expect(actions[0]!.at).toBeGreaterThanOrEqual(before - 1);
    expect(actions[0]!.at).toBeLessThanOrEqual(Date.now() + 1);
    const on: PaperState = { ...EMPTY, starred: kind === 'star', read: kind === 'read', queued: kind === 'queue' };
    controls.update(on);
    expect(button(label).getAttribute('aria-pressed')).toBe('true');
    const spec = TOGGLES.find((toggle) => toggle.kind === kind)!;
    expect(button(label).dataset.tip).toBe(t(spec.onTip));
    expect(button(label).getAttribute('aria-keyshortcuts')).toBe(spec.key);
    // The other toggles are untouched.
    for (const other of TOGGLES.filter((toggle) => toggle.kind !== kind)) {
      expect(button(t(other.label)).getAttribute('aria-pressed')).toBe('false');
    }
    button(label).click();
    expect(meant()).toEqual([{ kind, value: true }, { kind, value: false }]);
    controls.update(EMPTY);
    expect(button(label).getAttribute('aria-pressed')).toBe('false');
    expect(button(label).dataset.tip).toBe(t(spec.offTip));
  });

  it('keeps its clicks from the host page (card links, routers)', () => {
    const { button } = mount();
    const pageClicks = vi.fn();
    document.body.addEventListener('click', pageClicks);
    button('Star').click();
    button('Note').click();
    expect(pageClicks).not.toHaveBeenCalled();
  });

  it('shows a failed save inside its closed root until cleared', () => {
    const { controls, shadow } = mount();
    controls.showError('Not saved: Shelfmark could not reach its storage.');
    expect(shadow.querySelector('[role="status"]')!.textContent).toBe('Not saved: Shelfmark could not reach its storage.');
    expect(controls.root.attributes).toHaveLength(2); // nothing on the host
    controls.clearError();
    expect(shadow.querySelector('[role="status"]')!.textContent).toBe('');
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

  it('shows that a card has a note, with its first line on the card, hidden while the whole note is open', () => {
    const { controls, button } = mount();
    expect(button('Note').hasAttribute('data-has-note')).toBe(false);
    expect(button('Note').dataset.tip).toBe('Write a note');
    expect(firstLine(controls)).toBeNull();
    controls.update({ ...EMPTY, note: '\n  Strong baseline.\n\nCompare with **Mixtral** on the long-context tasks before citing it anywhere' });
    expect(button('Note').hasAttribute('data-has-note')).toBe(true);
    expect(button('Note').dataset.tip).toBe('Open the note');
    expect(firstLine(controls)).toBe('Strong baseline.');
    controls.openNote();
    expect(firstLine(controls)).toBeNull();
    controls.closeNote();
    expect(firstLine(controls)).toBe('Strong baseline.');
    controls.update({ ...EMPTY, note: '   \n ' });
    expect(button('Note').hasAttribute('data-has-note')).toBe(false);
    expect(firstLine(controls)).toBeNull();
  });

  it('saves as you type, after a pause, and at once on blur, each save with when it was typed', async () => {
    const { actions, meant, button, textarea } = mount();
    button('Note').click();
    type(textarea()!, 'first thoughts');
    const typedAt = Date.now();
    expect(actions).toEqual([]);
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS);
    expect(meant()).toEqual([{ kind: 'note', text: 'first thoughts' }]);
    expect(Math.abs(actions[0]!.at! - typedAt)).toBeLessThanOrEqual(1); // typed then, not saved then
    type(textarea()!, 'first thoughts, then more');
    textarea()!.dispatchEvent(new FocusEvent('blur'));
    expect(meant()).toEqual([{ kind: 'note', text: 'first thoughts' }, { kind: 'note', text: 'first thoughts, then more' }]);
  });

  it('Esc leaves the editor, keeps and saves the text, and gives focus back to the Note button', () => {
    const { controls, meant, button, textarea, shadow } = mount();
    button('Note').click();
    type(textarea()!, 'keep me');
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    textarea()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(controls.noteOpen).toBe(false);
    expect(meant()).toEqual([{ kind: 'note', text: 'keep me' }]);
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
    controls.closeNote();
    expect(firstLine(controls)).toBe(hostile);
    controls.update({ ...EMPTY, note: hostile + ' again' });
    expect(shadow.querySelector('img, script')).toBeNull();
  });
});

describe('noteFirstLine', () => {
  it('gives the first line with words in it, cut with an ellipsis when very long', () => {
    expect(noteFirstLine('')).toBe('');
    expect(noteFirstLine(' \n  one\ntwo  ')).toBe('one');
    expect(noteFirstLine('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
  });
});
