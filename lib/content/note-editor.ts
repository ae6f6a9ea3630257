import { LIMITS } from '../limits';
import { t, type MessageKey } from '../i18n';
import { NoteDraft, type NoteStatus } from './note-draft';
import { actionTime, isUserEvent } from './trust';

/**
 * A card's note editor, inside its closed root: a text field saved as the user types (note-draft.ts
 * paces the saves and says how they went); Esc closes it. Keys typed here are the note's: no page
 * shortcut sees them. Part of the content script's extras (lib/content/extras.ts): built the first
 * time a note opens.
 */
export interface NoteEditor {
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  draft: NoteDraft;
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** Shows the stored note, unless the user's own unsaved text is there. */
  show(note: string): void;
  focus(): void;
  /** Adds what the user typed before the editor was there, at the cursor, as if typed in it. */
  type(text: string): void;
}

let editorCount = 0;

const STATUS_TEXT: Record<NoteStatus, MessageKey> = {
  saving: 'cardNoteSaving',
  saved: 'cardNoteSaved',
  failed: 'cardNoteRetrying',
};

export function createNoteEditor(
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
    type(text) {
      textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
      draft.change(textarea.value, actionTime());
    },
  };
}

