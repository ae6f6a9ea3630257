import type { ViewCounts, ViewName } from '@/lib/store/views';
import { VIEW_NAMES, VIEWS } from '@/lib/store/views';
import { plural, t, uiLocale } from '@/lib/i18n';

/** The popup's tabs: the library's views, then History (papers opened, lib/store/history.ts). */
export type PopupTab = ViewName | 'history';
const TABS: readonly PopupTab[] = [...VIEW_NAMES, 'history'];
const label = (tab: PopupTab) => t(tab === 'history' ? 'viewHistory' : VIEWS[tab].label);

interface ViewTabsProps {
  view: PopupTab;
  counts: (ViewCounts & { history?: number }) | undefined;
  onSelect(view: PopupTab): void;
  /** Id of the list the tabs control. */
  controls: string;
}

/** Queue, Starred, Notes, Read, All, History, each with its count. Arrow keys move between tabs. */
export function ViewTabs({ view, counts, onSelect, controls }: ViewTabsProps) {
  const select = (next: PopupTab, focus: boolean) => {
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
        const i = TABS.indexOf(view);
        select(TABS[(i + step + TABS.length) % TABS.length]!, true);
      }}
    >
      {TABS.map((name) => (
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
          {label(name)}
          <span class="tab-count" aria-label={counts?.[name] !== undefined ? plural('popupTabCount', counts[name]) : undefined}>
            {counts?.[name] !== undefined ? formatCount(counts[name]) : ''}
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
