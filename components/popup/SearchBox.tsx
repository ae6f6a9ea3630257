import type { Ref } from 'preact';
import { Icon } from '../shared/Icon';
import { t } from '@/lib/i18n';

interface SearchBoxProps {
  value: string;
  onChange(value: string): void;
  /** ArrowDown from the box: go to the list. */
  onLeaveDown(): void;
  inputRef: Ref<HTMLInputElement>;
  /** What the search looks through, for the placeholder ("Search the queue"). */
  placeholder: string;
}

/** Filters the list as you type. `/` focuses it (handled by the popup), Esc clears it. */
export function SearchBox({ value, onChange, onLeaveDown, inputRef, placeholder }: SearchBoxProps) {
  return (
    <div class="search" role="search">
      <Icon name="search" />
      <input
        ref={inputRef}
        type="search"
        class="search-input"
        aria-label={t('popupSearchLabel')}
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
        value={value}
        onInput={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            // Handled here so the popup does not close and the field does not keep stale text.
            event.preventDefault();
            event.stopPropagation();
            onChange('');
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            onLeaveDown();
          }
        }}
      />
    </div>
  );
}
