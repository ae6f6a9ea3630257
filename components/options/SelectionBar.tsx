import { useRef, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import type { PaperId } from '@/lib/paper';
import type { TagCount } from '@/lib/store/tags';
import type { UserAction } from '@/lib/store/library';
import { ExportMenu } from '../shared/ExportMenu';
import { TagEditor } from '../shared/TagEditor';

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

const papers = (n: number) => (n === 1 ? '1 paper' : `${n} papers`);

/** What can be done to the selected papers at once: star, read, queue, tag, remove, export. */
export function SelectionBar({ db, selected, commonTags, knownTags, onAct, onRemove, onClear }: SelectionBarProps) {
  const [tagging, setTagging] = useState(false);
  const tagButton = useRef<HTMLButtonElement>(null);
  const n = selected.length;
  return (
    <div class="selection-bar" role="toolbar" aria-label={`${papers(n)} selected`}>
      <strong class="selection-count">{papers(n)} selected</strong>
      <button type="button" onClick={() => onAct({ kind: 'star', value: true }, `Starred ${papers(n)}.`)}>
        Star
      </button>
      <button type="button" onClick={() => onAct({ kind: 'star', value: false }, `Unstarred ${papers(n)}.`)}>
        Unstar
      </button>
      <button type="button" onClick={() => onAct({ kind: 'read', value: true }, `Marked ${papers(n)} read.`)}>
        Mark read
      </button>
      <button type="button" onClick={() => onAct({ kind: 'read', value: false }, `Marked ${papers(n)} unread.`)}>
        Mark unread
      </button>
      <button type="button" onClick={() => onAct({ kind: 'queue', value: true }, `Added ${papers(n)} to the queue.`)}>
        Add to queue
      </button>
      <button ref={tagButton} type="button" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
        Tag…
      </button>
      <button type="button" class="danger" onClick={onRemove}>
        Remove
      </button>
      <ExportMenu db={db} selectedIds={selected} />
      <button type="button" class="text-button" onClick={onClear}>
        Clear selection (Esc)
      </button>
      {tagging && (
        <TagEditor
          subject={`the ${papers(n)} selected`}
          current={commonTags}
          known={knownTags}
          onAdd={(names) => names.forEach((name) => onAct({ kind: 'tag', name, value: true }, `Tagged ${papers(n)} “${names.join('”, “')}”.`))}
          onRemove={(name) => onAct({ kind: 'tag', name, value: false }, `Took “${name}” off ${papers(n)}.`)}
          onClose={() => {
            setTagging(false);
            tagButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
