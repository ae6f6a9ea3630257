import type { ViewCounts, ViewName } from '@/lib/store/views';
import { VIEW_NAMES, VIEWS } from '@/lib/store/views';

/** The popup's tabs: the library's views, then History (papers opened, lib/store/history.ts). */
export type PopupTab = ViewName | 'history';
const TABS: readonly PopupTab[] = [...VIEW_NAMES, 'history'];
const label = (tab: PopupTab) => (tab === 'history' ? 'History' : VIEWS[tab].label);

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
      aria-label="Views"
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
          <span class="tab-count" aria-label={counts?.[name] !== undefined ? `, ${counts[name]} papers` : undefined}>
            {counts?.[name] !== undefined ? formatCount(counts[name]) : ''}
          </span>
        </button>
      ))}
    </div>
  );
}

/** 12, 999, 1.2k, 48k: fits a tab at the popup's width. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(n / 1000)}k`;
}
