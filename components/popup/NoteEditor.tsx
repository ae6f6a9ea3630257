import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

interface NoteEditorProps {
  note: string;
  /** The paper's title, for the field's accessible name. */
  title: string;
  onSave(text: string): void;
  onClose(): void;
}

/** Saves this long after the last keystroke: a note survives the popup closing mid-sentence. */
const SAVE_DELAY_MS = 300;

/**
 * Edits a paper's note in place. The note is saved as it is typed (and on leaving the field),
 * so opening a paper or closing the popup loses nothing. Clearing the note is saved only on
 * leaving: a paper in the Notes view does not vanish while its note is being rewritten.
 */
export function NoteEditor({ note, title, onSave, onClose }: NoteEditorProps) {
  const [draft, setDraft] = useState(note);
  const field = useRef<HTMLTextAreaElement>(null);
  const saved = useRef(note);
  const latest = useRef(note);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = (text: string) => {
    clearTimeout(timer.current);
    if (text === saved.current) return;
    saved.current = text;
    onSave(text);
  };

  useEffect(() => {
    const element = field.current;
    element?.focus();
    element?.setSelectionRange(element.value.length, element.value.length);
    return () => save(latest.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const close = () => {
    save(latest.current);
    onClose();
  };

  return (
    <div class="note-editor">
      <textarea
        ref={field}
        class="note-field"
        aria-label={t('popupNoteOn', title)}
        placeholder={t('popupNotePlaceholder')}
        rows={3}
        value={draft}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          latest.current = text;
          clearTimeout(timer.current);
          if (text.trim() !== '') timer.current = setTimeout(() => save(text), SAVE_DELAY_MS);
        }}
        onBlur={() => save(latest.current)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
            event.preventDefault();
            event.stopPropagation();
            close();
          }
        }}
      />
      <div class="note-editor-bar">
        <span class="hint">{t('popupNoteHint')}</span>
        <button type="button" class="text-button" onClick={close}>
          {t('popupNoteDone')}
        </button>
      </div>
    </div>
  );
}
