import { useEffect, useState } from 'preact/hooks';
import { activeTab, type Tab } from '../tab/read-tab';

/** The active tab of the popup's window, read once: undefined while reading, null when there is none. */
export function useActiveTab(): Tab | null | undefined {
  const [tab, setTab] = useState<Tab | null | undefined>(undefined);
  useEffect(() => {
    activeTab().then(
      (found) => setTab(found ?? null),
      () => setTab(null),
    );
  }, []);
  return tab;
}
