import './tags.css';
import { splitTagTerms, withoutTagTerm, withTagTerm } from '@/lib/store/search';
import type { TagCount } from '@/lib/store/tags';
import { tagKey } from '@/lib/tags';
import { RemovableTag } from './RemovableTag';
import { t } from '@/lib/i18n';

interface TagFilterProps {
  /** The search as typed: its `tag:` terms are the tags filtered by. */
  query: string;
  /** The library's tags with their counts. */
  tags: readonly TagCount[] | undefined;
  onQuery(query: string): void;
}

/**
 * Filter by tags: a list of the library's tags with their counts; a tag chosen joins the search as
 * `tag:name` (several: papers having all of them), shown as a chip that takes it off again.
 */
export function TagFilter({ query, tags, onQuery }: TagFilterProps) {
  if (!tags || tags.length === 0) return null;
  const chosen = splitTagTerms(query).tags;
  const chosenKeys = new Set(chosen.map(tagKey));
  return (
    <div class="tag-filter">
      <select
        aria-label={t('tagFilterLabel')}
        value=""
        onChange={(event) => {
          const name = event.currentTarget.value;
          if (name) onQuery(withTagTerm(query, name));
        }}
      >
        <option value="">{t('tagFilterChoose')}</option>
        {tags
          .filter((tag) => !chosenKeys.has(tag.key))
          .map((tag) => (
            <option key={tag.key} value={tag.name}>
              {t('tagWithCount', tag.name, tag.count)}
            </option>
          ))}
      </select>
      {chosen.length > 0 && (
        <ul class="tag-chips" aria-label={t('tagFilterChosen')}>
          {chosen.map((name) => (
            <RemovableTag key={tagKey(name)} name={name} chosen label={t('tagFilterStop', name)} onRemove={() => onQuery(withoutTagTerm(query, name))} />
          ))}
        </ul>
      )}
    </div>
  );
}
