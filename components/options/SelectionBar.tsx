import { useRef, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import type { PaperId } from '@/lib/paper';
import type { TagCount } from '@/lib/store/tags';
import type { UserAction } from '@/lib/store/library';
import { ExportMenu } from '../shared/ExportMenu';
import { TagEditor } from '../shared/TagEditor';
import { joinList, plural, t } from '@/lib/i18n';

interface SelectionBarProps {
  db: ShelfmarkDB;
  selected: readonly PaperId[];
  /** The tags every selected paper has (each can be taken off them all). */
  commonTags: readonly string[];
  knownTags: readonly TagCount[] | undefined;
  onAct(action: UserAction, done: string): void;
  onRemove(): void;
  onClear(): void;
}

/** What can be done to the selected papers at once: star, read, queue, tag, remove, export. */
export function SelectionBar({ db, selected, commonTags, knownTags, onAct, onRemove, onClear }: SelectionBarProps) {
  const [tagging, setTagging] = useState(false);
  const tagButton = useRef<HTMLButtonElement>(null);
  const n = selected.length;
  return (
    <div class="selection-bar" role="toolbar" aria-label={plural('selectionCount', n)}>
      <strong class="selection-count">{plural('selectionCount', n)}</strong>
      <button type="button" onClick={() => onAct({ kind: 'star', value: true }, plural('selectionStarred', n))}>
        {t('selectionStar')}
      </button>
      <button type="button" onClick={() => onAct({ kind: 'star', value: false }, plural('selectionUnstarred', n))}>
        {t('selectionUnstar')}
      </button>
      <button type="button" onClick={() => onAct({ kind: 'read', value: true }, plural('selectionMarkedRead', n))}>
        {t('controlMarkRead')}
      </button>
      <button type="button" onClick={() => onAct({ kind: 'read', value: false }, plural('selectionMarkedUnread', n))}>
        {t('selectionMarkUnread')}
      </button>
      <button type="button" onClick={() => onAct({ kind: 'queue', value: true }, plural('selectionQueued', n))}>
        {t('controlAddToQueue')}
      </button>
      <button ref={tagButton} type="button" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
        {t('selectionTag')}
      </button>
      <button type="button" class="danger" onClick={onRemove}>
        {t('remove')}
      </button>
      <ExportMenu db={db} selectedIds={selected} />
      <button type="button" class="text-button" onClick={onClear}>
        {t('selectionClear')}
      </button>
      {tagging && (
        <TagEditor
          subject={plural('selectionSubject', n)}
          current={commonTags}
          known={knownTags}
          onAdd={(names) => names.forEach((name) => onAct({ kind: 'tag', name, value: true }, plural('selectionTagged', n, joinList(names.map((each) => t('tagQuoted', each))))))}
          onRemove={(name) => onAct({ kind: 'tag', name, value: false }, plural('selectionUntagged', n, name))}
          onClose={() => {
            setTagging(false);
            tagButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
