import type { PaperState, UserAction } from '../store/library';
import { LIMITS } from '../limits';
import type { PaperId } from '../paper';
import { NoteDraft, type NoteStatus } from './note-draft';
import { CONTROLS_CSS } from './styles';
import { t, type MessageKey } from '../i18n';

/**
 * The controls of one card: a light host element carrying `data-shelfmark-id` (the page contract)
 * with a shadow root, so the host page's styles cannot reach in and ours cannot leak out.
 * Plain DOM, cloned from one template: a listing may have 2,000 cards. The shadow root and its
 * buttons are built when first needed (see createControls), the note editor when first opened.
 */

export type ToggleKind = 'star' | 'read' | 'queue';

interface ToggleSpec {
  kind: ToggleKind;
  /** The accessible name (a key of the catalogues): constant, the state is in aria-pressed. */
  label: MessageKey;
  /** Tooltip for each state. */
  offTitle: MessageKey;
  onTitle: MessageKey;
  /** 24×24 SVG path(s): outline when off, filled when on (by CSS). */
  icon: string;
}

export const TOGGLES: readonly ToggleSpec[] = [
  {
    kind: 'star',
    label: 'controlStar',
    offTitle: 'cardStarOff',
    onTitle: 'cardStarOn',
    icon: 'M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.85L12 16.9l-5.25 2.75 1-5.85L3.5 9.7l5.9-.9z',
  },
  {
    kind: 'read',
    label: 'controlMarkRead',
    offTitle: 'cardReadOff',
    onTitle: 'cardReadOn',
    icon: 'M4.5 12.5l4.5 4.5 10.5-10.5',
  },
  {
    kind: 'queue',
    label: 'controlAddToQueue',
    offTitle: 'cardQueueOff',
    onTitle: 'cardQueueOn',
    icon: 'M4 6h11M4 12h11M4 18h7M18 14v8M14 18h8',
  },
];

/** The Note button: its accessible name, and its icon (a sheet; lines on it when there is a note). */
const NOTE_LABEL = 'controlNote';
const NOTE_ICON = 'M6.5 3.5h8l4 4v13h-12z M14.5 3.5v4h4';
const NOTE_LINES = 'M9.5 12.5h6M9.5 16h4';
const NOTE_EMPTY_TITLE = 'cardNoteEmpty';
/** How much of a note its button shows on hover. */
const PREVIEW_WORDS = 12;
const PREVIEW_CHARS = 90;

export interface CardControls {
  readonly id: PaperId;
  /** The element placed in the card (the control root of the page contract). */
  readonly root: HTMLElement;
  /** True once the buttons exist: they are built on first need, or soon after mounting (build). */
  readonly built: boolean;
  /** Builds the buttons now (the shadow root and its content), with the state known so far. */
  build(): void;
  readonly noteOpen: boolean;
  update(state: PaperState): void;
  /** Shows that saving failed, with the reason, until the next update. */
  showError(message: string): void;
  /** Opens the note editor and puts the cursor in it. */
  openNote(): void;
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
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.tabIndex = -1;
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Shelfmark');
  for (const toggle of TOGGLES) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = `toggle ${toggle.kind}`;
    button.dataset.kind = toggle.kind;
    button.setAttribute('aria-label', t(toggle.label));
    button.setAttribute('aria-pressed', 'false');
    button.title = t(toggle.offTitle);
    button.append(icon(doc, [[toggle.icon]]));
    bar.append(button);
  }
  const note = doc.createElement('button');
  note.type = 'button';
  note.className = 'toggle note';
  note.dataset.kind = 'note';
  note.setAttribute('aria-label', t(NOTE_LABEL));
  // Pressed while the editor is open; whether there is a note shows in the icon and the title.
  note.setAttribute('aria-pressed', 'false');
  note.title = t(NOTE_EMPTY_TITLE);
  note.append(icon(doc, [[NOTE_ICON], [NOTE_LINES, 'lines']]));
  bar.append(note);
  const status = doc.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.append(status);
  template.content.append(style, bar);
  return template;
}

/**
 * The control root of one card. Only the root element is made at once; its shadow root and
 * buttons are built on first need or by `build()`: on a 2,000-card listing the annotator builds
 * the first cards at once and the rest in idle time, so mounting costs the page little.
 */
export function createControls(doc: Document, id: PaperId, onAction: ActionHandler): CardControls {
  const root = doc.createElement('shelfmark-controls');
  root.className = 'shelfmark-root';
  root.dataset.shelfmarkId = id;
  let state: PaperState | undefined;
  let view: ControlsView | undefined;
  const built = (): ControlsView => {
    if (!view) {
      view = buildView(doc, root, onAction);
      if (state) view.update(state);
    }
    return view;
  };
  return {
    id,
    root,
    get built() {
      return view !== undefined;
    },
    build() {
      built();
    },
    get noteOpen() {
      return view?.noteOpen ?? false;
    },
    update(next) {
      state = next;
      view?.update(next);
    },
    showError(message) {
      built().showError(message);
    },
    openNote() {
      built().openNote(state?.note ?? '');
    },
    closeNote() {
      view?.closeNote();
    },
    flushNote(urgent = false) {
      view?.flushNote(urgent);
    },
    focus(paperTitle) {
      built().focus(paperTitle);
    },
  };
}

/** The built controls of one card. */
interface ControlsView {
  readonly noteOpen: boolean;
  update(state: PaperState): void;
  showError(message: string): void;
  openNote(storedNote: string): void;
  closeNote(): void;
  flushNote(urgent: boolean): void;
  focus(paperTitle?: string): void;
}

function buildView(doc: Document, root: HTMLElement, onAction: ActionHandler): ControlsView {
  const shadow = root.attachShadow({ mode: 'open' });
  const content = controlsTemplate(doc).content.cloneNode(true) as DocumentFragment;
  // The template's shape is known: [style, bar], bar = [one button per toggle, note, status].
  // Reading it by position rather than by selector matters on a 2,000-card listing.
  const bar = content.lastElementChild as HTMLElement;
  const parts = bar.children;
  const buttons = new Map<ToggleKind, HTMLButtonElement>(TOGGLES.map((toggle, i) => [toggle.kind, parts[i] as HTMLButtonElement]));
  const noteButton = parts[TOGGLES.length] as HTMLButtonElement;
  const status = parts[TOGGLES.length + 1] as HTMLElement;
  shadow.append(content);
  /** The state shown; cleared by an error so that the next update redraws. */
  let current: PaperState | undefined;
  /** The last state known, kept through errors: the note editor opens on its note. */
  let known: PaperState | undefined;
  let editor: NoteEditor | undefined;

  const noteEditor = (): NoteEditor => {
    editor ??= createNoteEditor(doc, shadow, {
      save: (text) => onAction({ kind: 'note', text }),
      onClose: () => view.closeNote(),
    });
    noteButton.setAttribute('aria-controls', editor.element.id);
    return editor;
  };

  // One listener per card. Every click inside the controls stops here: cards often have a link or a
  // single-page-app router listening above, which must not see our clicks.
  root.addEventListener('click', (event) => {
    event.stopPropagation();
    const target = event.composedPath()[0];
    const button = target instanceof Element ? (target.closest('button[data-kind]') as HTMLButtonElement | null) : null;
    if (!button) return;
    event.preventDefault();
    const kind = button.dataset.kind as ToggleKind | 'note';
    if (kind === 'note') {
      if (view.noteOpen) view.closeNote();
      else view.openNote(known?.note ?? '');
      return;
    }
    void onAction({ kind, value: button.getAttribute('aria-pressed') !== 'true' });
  });

  const view: ControlsView = {
    get noteOpen() {
      return editor?.open ?? false;
    },
    update(state) {
      known = state;
      if (current && sameState(current, state)) return;
      current = state;
      status.textContent = '';
      root.toggleAttribute('data-error', false);
      for (const toggle of TOGGLES) {
        const on = toggleValue(state, toggle.kind);
        const button = buttons.get(toggle.kind)!;
        button.setAttribute('aria-pressed', String(on));
        button.title = t(on ? toggle.onTitle : toggle.offTitle);
      }
      const preview = notePreview(state.note);
      noteButton.toggleAttribute('data-has-note', preview !== '');
      noteButton.title = preview ? t('cardNotePreview', preview) : t(NOTE_EMPTY_TITLE);
      editor?.show(state.note);
    },
    showError(message) {
      current = undefined;
      root.toggleAttribute('data-error', true);
      status.textContent = t('errorWithAdvice', t('errorNotSaved'), message);
    },
    openNote(storedNote) {
      const opened = noteEditor();
      opened.show(storedNote);
      opened.setOpen(true);
      // The page stylesheet gives the editor a line of its own, even where the controls sit in a line of text.
      root.toggleAttribute('data-note-open', true);
      noteButton.setAttribute('aria-pressed', 'true');
      opened.focus();
    },
    closeNote() {
      if (!editor?.open) return;
      const hadFocus = shadow.activeElement === editor.textarea;
      editor.draft.flush();
      editor.setOpen(false);
      root.toggleAttribute('data-note-open', false);
      noteButton.setAttribute('aria-pressed', 'false');
      if (hadFocus) noteButton.focus();
    },
    flushNote(urgent) {
      editor?.draft.flush(urgent);
    },
    focus(paperTitle) {
      bar.setAttribute('aria-label', paperTitle ? t('cardControlsOf', paperTitle) : 'Shelfmark');
      bar.focus({ preventScroll: true });
    },
  };
  return view;
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

const STATUS_TEXT: Record<NoteStatus, MessageKey> = {
  saving: 'cardNoteSaving',
  saved: 'cardNoteSaved',
  failed: 'cardNoteRetrying',
};

function createNoteEditor(
  doc: Document,
  shadow: ShadowRoot,
  options: { save: (text: string) => Promise<boolean>; onClose: () => void },
): NoteEditor {
  const element = doc.createElement('div');
  element.className = 'editor';
  element.id = `shelfmark-note-${++editorCount}`;
  element.hidden = true;
  const textarea = doc.createElement('textarea');
  textarea.rows = 3;
  textarea.maxLength = LIMITS.note; // the background enforces it too
  textarea.spellcheck = true;
  textarea.setAttribute('aria-label', t('cardNoteLabel'));
  textarea.placeholder = t('cardNotePlaceholder');
  const footer = doc.createElement('div');
  footer.className = 'editor-footer';
  const saveState = doc.createElement('span');
  saveState.className = 'save-state';
  const hint = doc.createElement('span');
  hint.className = 'hint';
  hint.textContent = t('cardNoteEscHint');
  footer.append(saveState, hint);
  element.append(textarea, footer);
  shadow.append(element);

  const draft = new NoteDraft({
    save: options.save,
    onStatus: (status) => {
      saveState.textContent = t(STATUS_TEXT[status]);
      saveState.toggleAttribute('data-failed', status === 'failed');
    },
  });
  textarea.addEventListener('input', () => draft.change(textarea.value));
  textarea.addEventListener('blur', () => draft.flush());
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing) {
      event.preventDefault();
      options.onClose();
    }
  });
  // Keys typed in the note are the note's: no page shortcut may see them. Outside the shadow root
  // they would look as if typed on our host element, not in a field.
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
  switch (kind) {
    case 'star':
      return state.starred;
    case 'read':
      return state.read;
    case 'queue':
      return state.queued;
  }
}

function sameState(a: PaperState, b: PaperState): boolean {
  return a.starred === b.starred && a.read === b.read && a.queued === b.queued && a.note === b.note;
}
