import './tags.css';
import { tagTerm } from '@/lib/store/search';

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
    <ul class="tag-chips" aria-label="Tags">
      {names.map((name) => (
        <li key={name}>
          {onPick ? (
            <button type="button" class="tag-chip" title={`Show the papers tagged “${name}” (${tagTerm(name)})`} aria-label={`Tag ${name}${of ? ` of ${of}` : ''}: show its papers`} onClick={() => onPick(name)}>
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
