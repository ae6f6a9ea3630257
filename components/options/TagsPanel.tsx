import '../shared/tags.css';
import { useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { plainError } from '@/lib/errors';
import { deleteTag, renameTag, type TagCount } from '@/lib/store/tags';
import { cleanTagName, tagKey } from '@/lib/tags';
import { notifyChangedInBatches } from '@/lib/ui/extension-actions';
import { TagNameList } from '../shared/TagNameList';
import { formatNumber, plural, t } from '@/lib/i18n';

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
    void run(() => renameTag(db, tag.name, name), into ? t('tagsMerged', tag.name, into.name) : t('tagsRenamed', tag.name, name));
  };

  return (
    <section class="tags-panel" aria-labelledby="tags-title">
      <h2 id="tags-title">{t('tags')}</h2>
      {!tags ? (
        <p class="hint">{t('loading')}</p>
      ) : tags.length === 0 ? (
        <p class="hint">{t('tagsEmpty')}</p>
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
                    aria-label={t('tagsRenameLabel', tag.name)}
                    list="tags-panel-names"
                    value={editing.draft}
                    ref={(field) => field?.focus()}
                    onInput={(event) => setEditing({ ...editing, draft: event.currentTarget.value })}
                    onKeyDown={(event) => event.key === 'Escape' && setEditing(null)}
                  />
                  <button type="submit">{tags.some((other) => other.key === tagKey(editing.draft) && other.key !== tag.key) ? t('tagsMerge') : t('tagsRename')}</button>
                  <button type="button" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </button>
                </form>
              ) : editing?.key === tag.key && editing.mode === 'delete' ? (
                <div class="tag-confirm" role="group" aria-label={t('tagsDeleteTag', tag.name)}>
                  <span>{plural('tagsDeleteConfirm', tag.count, tag.name)}</span>
                  <button type="button" class="danger" ref={(button) => button?.focus()} onClick={() => void run(() => deleteTag(db, tag.name), t('tagsDeleted', tag.name))}>
                    {t('tagsDelete')}
                  </button>
                  <button type="button" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </button>
                </div>
              ) : (
                <>
                  <button type="button" class="tag-chip" aria-label={plural('tagsShow', tag.count, tag.name)} onClick={() => onShow(tag.name)}>
                    {tag.name}
                  </button>
                  <span class="tag-count">{formatNumber(tag.count)}</span>
                  <button type="button" class="text-button" aria-label={t('tagsRenameTag', tag.name)} onClick={() => setEditing({ key: tag.key, mode: 'rename', draft: tag.name })}>
                    {t('tagsRename')}
                  </button>
                  <button type="button" class="text-button" aria-label={t('tagsDeleteTag', tag.name)} onClick={() => setEditing({ key: tag.key, mode: 'delete', draft: '' })}>
                    {t('tagsDeleteShort')}
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
