import './tags.css';
import { tagTerm } from '@/lib/store/search';
import { t } from '@/lib/i18n';

interface TagChipsProps {
  names: readonly string[];
  /** Lists the papers having the tag (a chip is then a button). */
  onPick?(name: string): void;
  /** The paper's title, for the buttons' descriptions. */
  of?: string;
}

/** A paper's tags, compact; each one a button that filters by it when `onPick` is given. */
export function TagChips({ names, onPick, of }: TagChipsProps) {
  if (names.length === 0) return null;
  return (
    <ul class="tag-chips" aria-label={t('tags')}>
      {names.map((name) => (
        <li key={name}>
          {onPick ? (
            <button type="button" class="tag-chip" title={t('tagShowTitle', name, tagTerm(name))} aria-label={of ? t('tagChipOf', name, of) : t('tagChip', name)} onClick={() => onPick(name)}>
              {name}
            </button>
          ) : (
            <span class="tag-chip">{name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
