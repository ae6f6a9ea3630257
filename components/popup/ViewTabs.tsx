import type { ViewCounts, ViewName } from '@/lib/store/views';
import { VIEW_NAMES, VIEWS } from '@/lib/store/views';
import { plural, t, uiLocale } from '@/lib/i18n';

interface ViewTabsProps {
  view: ViewName;
  counts: ViewCounts | undefined;
  onSelect(view: ViewName): void;
  /** Id of the list the tabs control. */
  controls: string;
}

/** Queue, Starred, Notes, Read, All, each with its count. Arrow keys move between tabs. */
export function ViewTabs({ view, counts, onSelect, controls }: ViewTabsProps) {
  const select = (next: ViewName, focus: boolean) => {
    onSelect(next);
    if (focus) document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div
      class="tabs"
      role="tablist"
      aria-label={t('popupViews')}
      onKeyDown={(event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        event.preventDefault();
        const i = VIEW_NAMES.indexOf(view);
        select(VIEW_NAMES[(i + step + VIEW_NAMES.length) % VIEW_NAMES.length]!, true);
      }}
    >
      {VIEW_NAMES.map((name) => (
        <button
          key={name}
          id={`tab-${name}`}
          type="button"
          role="tab"
          class="tab"
          aria-selected={name === view}
          aria-controls={controls}
          tabIndex={name === view ? 0 : -1}
          onClick={() => select(name, false)}
        >
          {t(VIEWS[name].label)}
          <span class="tab-count" aria-label={counts ? plural('popupTabCount', counts[name]) : undefined}>
            {counts ? formatCount(counts[name]) : ''}
          </span>
        </button>
      ))}
    </div>
  );
}

/** 12, 999, 1.2K, 48K (1.2千, 4.8万 in Chinese): fits a tab at the popup's width. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(uiLocale(), { notation: 'compact', maximumFractionDigits: n < 10_000 ? 1 : 0 }).format(n);
}
