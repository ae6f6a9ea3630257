import { Icon } from './Icon';
import './tags.css';

/** A tag as a chip with a button that takes it away (off a paper, out of a filter): `label` names what the button does. */
export function RemovableTag({ name, label, chosen = false, onRemove }: { name: string; label: string; chosen?: boolean; onRemove(): void }) {
  return (
    <li>
      <span class={chosen ? 'tag-chip chosen' : 'tag-chip'}>
        {name}
        <button type="button" class="tag-remove" aria-label={label} title={label} onClick={onRemove}>
          <Icon name="close" />
        </button>
      </span>
    </li>
  );
}
