import './tags.css';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { TAG_LIMITS } from '@/lib/limits';
import type { TagCount } from '@/lib/store/tags';
import { parseTagList } from '@/lib/tags';
import { RemovableTag } from './RemovableTag';
import { TagNameList } from './TagNameList';
import { t } from '@/lib/i18n';

interface TagEditorProps {
  /** What is tagged ("Attention is all you need", "3 papers"), for the field's accessible name. */
  subject: string;
  /** The tags it has (a selection: the tags every paper of it has); each can be taken off. */
  current: readonly string[];
  /** The library's tags, for completion. */
  known: readonly TagCount[] | undefined;
  onAdd(names: string[]): void;
  onRemove(name: string): void;
  onClose(): void;
}

/**
 * Tags one paper or a selection: a field that completes from the library's tags (several at once,
 * comma-separated; Enter puts them on), the current tags each with a button to take it off.
 * Esc or Done closes it; what was typed and not yet put on is put on when it closes.
 */
export function TagEditor({ subject, current, known, onAdd, onRemove, onClose }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const listId = useId();
  useEffect(() => field.current?.focus(), []);

  const commit = () => {
    const names = parseTagList(draft);
    if (names.length > 0) onAdd(names);
    setDraft('');
  };
  const close = () => {
    commit();
    onClose();
  };

  return (
    <div class="tag-editor">
      <div class="tag-editor-row">
        <input
          ref={field}
          type="text"
          class="tag-field"
          list={listId}
          aria-label={t('tagEditorLabel', subject)}
          placeholder={t('tagEditorPlaceholder')}
          maxLength={TAG_LIMITS.name * 4}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.stopPropagation();
              commit();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        />
        <TagNameList id={listId} tags={known} />
        <button type="button" class="text-button" onClick={close}>
          {t('done')}
        </button>
      </div>
      {current.length > 0 && (
        <ul class="tag-chips editing" aria-label={t('tags')}>
          {current.map((name) => (
            <RemovableTag key={name} name={name} label={t('tagRemove', name)} onRemove={() => onRemove(name)} />
          ))}
        </ul>
      )}
    </div>
  );
}
