import type { PaperState, UserAction } from '../store/library';
import { LIMITS } from '../limits';
import type { PaperId } from '../paper';
import { NoteDraft, type NoteStatus } from './note-draft';
import { valueOf } from './paper-states';
import { attachClosedRoot } from './shadow';
import { CONTROLS_CSS } from './styles';
import { actionTime, isUserEvent } from './trust';
import { createTagEditor, type TagEditor } from './tag-editor';

/**
 * The controls of one card: a light host element carrying `data-shelfmark-id` (the page contract)
 * with a closed shadow root holding the buttons, their states and the note editor. The page sees
 * the host and nothing else: no state, no note, no preview (see shadow.ts). The host is placed in
 * every card at once (empty, it keeps the controls' room, so nothing moves when they come); the
 * buttons are built, from one template, only for cards near the viewport (the annotator decides).
 */

export type ToggleKind = 'star' | 'read' | 'queue';

interface ToggleSpec {
  kind: ToggleKind;
  /** The accessible name: constant, the state is in aria-pressed. */
  label: string;
  /** Tooltip for each state. */
  offTitle: string;
  onTitle: string;
  /** 24×24 SVG path(s): outline when off, filled when on (by CSS). */
  icon: string;
}

export const TOGGLES: readonly ToggleSpec[] = [
  {
    kind: 'star',
    label: 'Star',
    offTitle: 'Star this paper (s)',
    onTitle: 'Starred: click to unstar (s)',
    icon: 'M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.85L12 16.9l-5.25 2.75 1-5.85L3.5 9.7l5.9-.9z',
  },
  {
    kind: 'read',
    label: 'Mark read',
    offTitle: 'Mark as read (r)',
    onTitle: 'Read: click to mark unread (r)',
    icon: 'M4.5 12.5l4.5 4.5 10.5-10.5',
  },
  {
    kind: 'queue',
    label: 'Add to queue',
    offTitle: 'Add to reading queue (q)',
    onTitle: 'In your queue: click to remove (q)',
    icon: 'M4 6h11M4 12h11M4 18h7M18 14v8M14 18h8',
  },
];

/** The Note button: its accessible name, and its icon (a sheet; lines on it when there is a note). */
const NOTE_LABEL = 'Note';
const NOTE_ICON = 'M6.5 3.5h8l4 4v13h-12z M14.5 3.5v4h4';
const NOTE_LINES = 'M9.5 12.5h6M9.5 16h4';
const NOTE_EMPTY_TITLE = 'Write a note (n)';
/** The Tag button: a label tag. */
const TAG_LABEL = 'Tag';
const TAG_ICON = 'M3.5 12.5V4.5h8l9 9-8 8zM8 8.5h.01';
const TAG_EMPTY_TITLE = 'Tags (t)';
/** Tags shown on the card at most; the rest as "+N". */
const TAGS_SHOWN = 4;
/** How much of a note its button shows on hover (inside the closed root: the page never sees it). */
const PREVIEW_WORDS = 12;
const PREVIEW_CHARS = 90;

export interface CardControls {
  readonly id: PaperId;
  /** The element placed in the card (the control root of the page contract). */
  readonly root: HTMLElement;
  readonly noteOpen: boolean;
  /** The element focused inside the controls, if any. */
  readonly activeElement: Element | null;
  update(state: PaperState): void;
  /** Shows that saving failed ("Not saved: …", in plain words) until clearError. */
  showError(message: string): void;
  clearError(): void;
  /** Opens the note editor and puts the cursor in it. */
  openNote(): void;
  readonly tagsOpen: boolean;
  /** Opens the tag field and puts the cursor in it. */
  openTags(): void;
  /** Closes the tag field; focus goes back to the Tag button. */
  closeTags(): void;
  /** Closes the note editor, keeping and saving its text; focus goes back to the Note button. */
  closeNote(): void;
  /** Saves the note's unsaved text now (`urgent`: the page is going away, do not wait). */
  flushNote(urgent?: boolean): void;
  /** Moves keyboard focus to these controls, naming the paper for screen readers. */
  focus(paperTitle?: string): void;
}

/** Carries out an action; resolves true once it is saved, false when it was not (never rejects). */
export type ActionHandler = (action: UserAction) => Promise<boolean>;

let template: HTMLTemplateElement | undefined;

/** An inline 24×24 SVG icon of our own paths (never page text), hidden from screen readers. */
export function icon(doc: Document, paths: readonly [string, string?][]): SVGSVGElement {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  for (const [d, className] of paths) {
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    if (className) path.setAttribute('class', className);
    svg.append(path);
  }
  return svg;
}

function controlsTemplate(doc: Document): HTMLTemplateElement {
  if (template && template.ownerDocument === doc) return template;
  template = doc.createElement('template');
  const style = doc.createElement('style');
  style.textContent = CONTROLS_CSS;
  // Switched on while the note editor is open: the controls take a line of their own, even where
  // they sit in a line of text (arXiv's id line). Inside the root, so the page sees no attribute.
  const noteOpenStyle = doc.createElement('style');
  noteOpenStyle.media = 'not all';
  noteOpenStyle.textContent = ':host { display: block !important; }';
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.tabIndex = -1;
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Shelfmark');
  /** A button of the bar: pressed or not (the toggles by their state; Note and Tag while their editor is open). */
  const barButton = (kind: string, label: string, title: string, paths: readonly [string, string?][]) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = `toggle ${kind}`;
    button.dataset.kind = kind;
    button.setAttribute('aria-label', label);
    button.setAttribute('aria-pressed', 'false');
    button.title = title;
    button.append(icon(doc, paths));
    bar.append(button);
  };
  for (const toggle of TOGGLES) barButton(toggle.kind, toggle.label, toggle.offTitle, [[toggle.icon]]);
  // Whether there is a note shows in the Note button's icon and title.
  barButton('note', NOTE_LABEL, NOTE_EMPTY_TITLE, [[NOTE_ICON], [NOTE_LINES, 'lines']]);
  barButton('tag', TAG_LABEL, TAG_EMPTY_TITLE, [[TAG_ICON]]);
  // The card's tags, compact (text only, inside the closed root).
  const tags = doc.createElement('span');
  tags.className = 'tags';
  bar.append(tags);
  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.append(status);
  template.content.append(style, noteOpenStyle, bar);
  return template;
}

/** The control root of a card, empty: it keeps the controls' room until they are built in it. */
export function createControlRoot(doc: Document, id: PaperId): HTMLElement {
  const root = doc.createElement('shelfmark-controls');
  root.className = 'shelfmark-root';
  root.dataset.shelfmarkId = id;
  return root;
}

/**
 * Builds the controls in `root` (from createControlRoot), showing `state` when known. `tagNames`
 * gives the library's tags for the tag field's suggestions.
 */
export function createControls(
  root: HTMLElement,
  onAction: ActionHandler,
  state?: PaperState,
  tagNames: () => Promise<readonly string[]> = async () => [],
): CardControls {
  const doc = root.ownerDocument;
  const id = root.dataset.shelfmarkId!;
  const shadow = attachClosedRoot(root);
  const content = controlsTemplate(doc).content.cloneNode(true) as DocumentFragment;
  // The template's shape is known: [style, note-open style, bar], bar = [one button per toggle, note, tag, tags, status].
  const [, noteOpenStyle, bar] = [...content.children] as [HTMLStyleElement, HTMLStyleElement, HTMLElement];
  const parts = bar.children;
  const buttons = new Map<ToggleKind, HTMLButtonElement>(TOGGLES.map((toggle, i) => [toggle.kind, parts[i] as HTMLButtonElement]));
  const noteButton = parts[TOGGLES.length] as HTMLButtonElement;
  const tagButton = parts[TOGGLES.length + 1] as HTMLButtonElement;
  const tagChips = parts[TOGGLES.length + 2] as HTMLElement;
  const status = parts[TOGGLES.length + 3] as HTMLElement;
  shadow.append(content);
  /** The state shown. */
  let current: PaperState | undefined;
  let editor: NoteEditor | undefined;
  let tagEditor: TagEditor | undefined;
  const tagField = (): TagEditor => {
    tagEditor ??= createTagEditor(doc, shadow, {
      change: (name, value) => void onAction({ kind: 'tag', name, value, at: actionTime() }),
      names: tagNames,
      onClose: () => controls.closeTags(),
    });
    tagButton.setAttribute('aria-controls', tagEditor.element.id);
    return tagEditor;
  };
  /**
   * Opens or closes an editor (the note's, the tags'): its button pressed while it is open, the
   * controls on a line of their own while either is; closing gives the focus back to the button.
   */
  const setEditorOpen = (opened: { setOpen(open: boolean): void; focus(): void; element: HTMLElement }, button: HTMLButtonElement, open: boolean) => {
    const hadFocus = opened.element.contains(shadow.activeElement);
    opened.setOpen(open);
    noteOpenStyle.media = editor?.open || tagEditor?.open ? 'all' : 'not all';
    button.setAttribute('aria-pressed', String(open));
    if (open) opened.focus();
    else if (hadFocus) button.focus();
  };

  const noteEditor = (): NoteEditor => {
    editor ??= createNoteEditor(doc, shadow, {
      save: (text, at) => onAction({ kind: 'note', text, at }),
      onClose: () => controls.closeNote(),
    });
    noteButton.setAttribute('aria-controls', editor.element.id);
    return editor;
  };

  // One listener per card, inside the closed root (outside it, the event's path hides our buttons).
  // Every click inside the controls stops here: cards often have a link or a single-page-app router
  // listening above, which must not see our clicks. Only the user's clicks act.
  shadow.addEventListener('click', (event) => {
    if (!isUserEvent(event)) return;
    event.stopPropagation();
    const target = event.composedPath()[0];
    const button = target instanceof Element ? (target.closest('button[data-kind]') as HTMLButtonElement | null) : null;
    if (!button) return;
    event.preventDefault();
    const kind = button.dataset.kind as ToggleKind | 'note' | 'tag';
    if (kind === 'note') {
      if (controls.noteOpen) controls.closeNote();
      else controls.openNote();
      return;
    }
    if (kind === 'tag') {
      if (controls.tagsOpen) controls.closeTags();
      else controls.openTags();
      return;
    }
    // The value the user saw and meant: the opposite of what the button showed when clicked.
    void onAction({ kind, value: button.getAttribute('aria-pressed') !== 'true', at: actionTime() });
  });

  const controls: CardControls = {
    id,
    root,
    get noteOpen() {
      return editor?.open ?? false;
    },
    get activeElement() {
      return shadow.activeElement;
    },
    update(state) {
      if (current && sameState(current, state)) return;
      current = state;
      for (const toggle of TOGGLES) {
        const on = toggleValue(state, toggle.kind);
        const button = buttons.get(toggle.kind)!;
        button.setAttribute('aria-pressed', String(on));
        button.title = on ? toggle.onTitle : toggle.offTitle;
      }
      const preview = notePreview(state.note);
      noteButton.toggleAttribute('data-has-note', preview !== '');
      noteButton.title = preview ? `Note: ${preview}` : NOTE_EMPTY_TITLE;
      editor?.show(state.note);
      tagChips.replaceChildren(
        ...state.tags.slice(0, TAGS_SHOWN).map((name) => {
          const chip = doc.createElement('span');
          chip.className = 'tag-chip';
          chip.textContent = name;
          return chip;
        }),
      );
      if (state.tags.length > TAGS_SHOWN) tagChips.append(`+${state.tags.length - TAGS_SHOWN}`);
      tagButton.title = state.tags.length ? `Tags: ${state.tags.join(', ')} (t)` : TAG_EMPTY_TITLE;
      tagEditor?.show(state.tags);
    },
    showError(message) {
      status.textContent = message;
    },
    clearError() {
      status.textContent = '';
    },
    openNote() {
      const opened = noteEditor();
      opened.show(current?.note ?? '');
      setEditorOpen(opened, noteButton, true);
    },
    closeNote() {
      if (!editor?.open) return;
      editor.draft.flush();
      setEditorOpen(editor, noteButton, false);
    },
    get tagsOpen() {
      return tagEditor?.open ?? false;
    },
    openTags() {
      const opened = tagField();
      opened.show(current?.tags ?? []);
      setEditorOpen(opened, tagButton, true);
    },
    closeTags() {
      if (tagEditor?.open) setEditorOpen(tagEditor, tagButton, false);
    },
    flushNote(urgent = false) {
      editor?.draft.flush(urgent);
    },
    focus(paperTitle) {
      bar.setAttribute('aria-label', paperTitle ? `Shelfmark: ${paperTitle}` : 'Shelfmark');
      bar.focus({ preventScroll: true });
    },
  };
  if (state) controls.update(state);
  return controls;
}

interface NoteEditor {
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  draft: NoteDraft;
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** Shows the stored note, unless the user's own unsaved text is there. */
  show(note: string): void;
  focus(): void;
}

let editorCount = 0;

const STATUS_TEXT: Record<NoteStatus, string> = {
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved yet: Shelfmark will try again',
};

function createNoteEditor(
  doc: Document,
  shadow: ShadowRoot,
  options: { save: (text: string, at: number) => Promise<boolean>; onClose: () => void },
): NoteEditor {
  const element = doc.createElement('div');
  element.className = 'editor';
  element.id = `shelfmark-note-${++editorCount}`;
  element.hidden = true;
  const textarea = doc.createElement('textarea');
  textarea.rows = 3;
  textarea.maxLength = LIMITS.note; // the background enforces it too
  textarea.spellcheck = true;
  textarea.setAttribute('aria-label', 'Note text');
  textarea.placeholder = 'Your note. Plain text, Markdown welcome. Saved as you type.';
  const footer = doc.createElement('div');
  footer.className = 'editor-footer';
  const saveState = doc.createElement('span');
  saveState.className = 'save-state';
  const hint = doc.createElement('span');
  hint.className = 'hint';
  hint.textContent = 'Esc to close';
  footer.append(saveState, hint);
  element.append(textarea, footer);
  shadow.append(element);

  const draft = new NoteDraft({
    save: options.save,
    onStatus: (status) => {
      saveState.textContent = STATUS_TEXT[status];
      saveState.toggleAttribute('data-failed', status === 'failed');
    },
  });
  // Only what the user types is the note.
  textarea.addEventListener('input', (event) => {
    if (isUserEvent(event)) draft.change(textarea.value, actionTime());
  });
  textarea.addEventListener('blur', (event) => {
    if (isUserEvent(event)) draft.flush();
  });
  textarea.addEventListener('keydown', (event) => {
    if (isUserEvent(event) && event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      options.onClose();
    }
  });
  // Keys typed in the note are the note's: no page shortcut may see them (they would look as if
  // typed on our host element, not in a field).
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    element.addEventListener(type, (event) => event.stopPropagation());
  }

  return {
    element,
    textarea,
    draft,
    get open() {
      return !element.hidden;
    },
    setOpen(open) {
      element.hidden = !open;
    },
    show(note) {
      if (draft.pending || textarea.value === note) return;
      const { selectionStart, selectionEnd } = textarea;
      textarea.value = note;
      if (shadow.activeElement === textarea) textarea.setSelectionRange(selectionStart, selectionEnd);
    },
    focus() {
      textarea.focus();
      textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    },
  };
}

/** The first words of a note, on one line, for the Note button's tooltip; '' when there is no note. */
export function notePreview(note: string): string {
  const words = note.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  let preview = words.slice(0, PREVIEW_WORDS).join(' ');
  let cut = words.length > PREVIEW_WORDS;
  if (preview.length > PREVIEW_CHARS) {
    preview = preview.slice(0, PREVIEW_CHARS).trimEnd();
    cut = true;
  }
  return cut ? `${preview}…` : preview;
}

export function toggleValue(state: PaperState, kind: ToggleKind): boolean {
  return valueOf(state, kind) as boolean;
}

function sameState(a: PaperState, b: PaperState): boolean {
  return a.starred === b.starred && a.read === b.read && a.queued === b.queued && a.note === b.note && a.tags.join('\n') === b.tags.join('\n');
}
