import '../shared/tags.css';
import { useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { plainError } from '@/lib/errors';
import { deleteTag, renameTag, type TagCount } from '@/lib/store/tags';
import { cleanTagName, tagKey } from '@/lib/tags';
import { notifyChangedInBatches } from '@/lib/ui/extension-actions';
import { TagNameList } from '../shared/TagNameList';

interface TagsPanelProps {
  db: ShelfmarkDB;
  tags: readonly TagCount[] | undefined;
  /** Lists the papers having a tag. */
  onShow(name: string): void;
}

type Editing = { key: string; mode: 'rename' | 'delete'; draft: string } | null;

/**
 * The library's tags with their counts: show a tag's papers, rename it (to an existing tag: the two
 * merge), or delete it from every paper (after a confirmation). Every paper follows, in one transaction.
 */
export function TagsPanel({ db, tags, onShow }: TagsPanelProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);

  const run = async (work: () => Promise<string[]>, done: string) => {
    try {
      const changed = await work();
      setEditing(null);
      setStatus({ text: done });
      void notifyChangedInBatches(changed);
    } catch (error) {
      console.error('[Shelfmark] tag change failed', error);
      setStatus({ text: plainError(error, 'errorTagNotChanged').error, error: true });
    }
  };

  const rename = (tag: TagCount, to: string) => {
    const name = cleanTagName(to);
    if (!name || name === tag.name) return setEditing(null);
    const into = tags?.find((other) => other.key === tagKey(name) && other.key !== tag.key);
    void run(() => renameTag(db, tag.name, name), into ? `Merged “${tag.name}” into “${into.name}”.` : `Renamed “${tag.name}” to “${name}”.`);
  };

  return (
    <section class="tags-panel" aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      {!tags ? (
        <p class="hint">Loading…</p>
      ) : tags.length === 0 ? (
        <p class="hint">No tags yet. Tag papers in the library (select them, then Tag), in the popup (g) or on a listing (t).</p>
      ) : (
        <ul class="tags-list">
          {tags.map((tag) => (
            <li key={tag.key}>
              {editing?.key === tag.key && editing.mode === 'rename' ? (
                <form
                  class="tag-rename"
                  onSubmit={(event) => {
                    event.preventDefault();
                    rename(tag, editing.draft);
                  }}
                >
                  <input
                    type="text"
                    aria-label={`New name for tag ${tag.name} (an existing tag's name merges the two)`}
                    list="tags-panel-names"
                    value={editing.draft}
                    ref={(field) => field?.focus()}
                    onInput={(event) => setEditing({ ...editing, draft: event.currentTarget.value })}
                    onKeyDown={(event) => event.key === 'Escape' && setEditing(null)}
                  />
                  <button type="submit">{tags.some((other) => other.key === tagKey(editing.draft) && other.key !== tag.key) ? 'Merge' : 'Rename'}</button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : editing?.key === tag.key && editing.mode === 'delete' ? (
                <div class="tag-confirm" role="group" aria-label={`Delete tag ${tag.name}`}>
                  <span>
                    Take “{tag.name}” off {tag.count === 1 ? 'its paper' : `its ${tag.count} papers`}? The papers stay.
                  </span>
                  <button type="button" class="danger" ref={(button) => button?.focus()} onClick={() => void run(() => deleteTag(db, tag.name), `Deleted the tag “${tag.name}”.`)}>
                    Delete tag
                  </button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </div>
              ) : (
                <>
                  <button type="button" class="tag-chip" aria-label={`${tag.name}: show its ${tag.count} ${tag.count === 1 ? 'paper' : 'papers'}`} onClick={() => onShow(tag.name)}>
                    {tag.name}
                  </button>
                  <span class="tag-count">{tag.count}</span>
                  <button type="button" class="text-button" aria-label={`Rename tag ${tag.name}`} onClick={() => setEditing({ key: tag.key, mode: 'rename', draft: tag.name })}>
                    Rename
                  </button>
                  <button type="button" class="text-button" aria-label={`Delete tag ${tag.name}`} onClick={() => setEditing({ key: tag.key, mode: 'delete', draft: '' })}>
                    Delete
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <TagNameList id="tags-panel-names" tags={tags} />
      <p class={status?.error ? 'tags-status error' : 'tags-status'} role="status">
        {status?.text}
      </p>
    </section>
  );
}
