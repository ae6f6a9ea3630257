import { useEffect, useState } from 'preact/hooks';
import type { Tab } from '@/lib/tab/read-tab';
import { enableableHost, enabledSites, enableSite, showOnPage } from '@/lib/tab/site-access';
import { t, type MessageKey } from '@/lib/i18n';

interface PageAccessProps {
  tab: Tab | null | undefined;
  attempt(work: () => Promise<unknown>, done?: string, failed?: MessageKey): Promise<void>;
}

/**
 * On a page no site adapter serves: "Show Shelfmark on this page" (once, through activeTab) and
 * "Always on <host>" (the browser asks for that site; the library page lists it and removes it).
 */
export function PageAccess({ tab, attempt }: PageAccessProps) {
  const host = enableableHost(tab?.url);
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (host) enabledSites().then((sites) => setEnabled(sites.includes(host)), () => setEnabled(false));
  }, [host]);
  if (!host || tab?.id === undefined || enabled === undefined) return null;
  const tabId = tab.id;
  return (
    <section class="page-access" aria-label={t('accessLabel')}>
      {enabled ? (
        <p class="page-access-note">{t('accessRuns', host)}</p>
      ) : (
        <>
          <button type="button" class="text-button" onClick={() => void attempt(() => showOnPage(tabId), t('accessShown'), 'errorNotRunHere')}>
            {t('accessShow')}
          </button>
          <button
            type="button"
            class="text-button"
            onClick={() =>
              void attempt(async () => {
                // The browser's prompt needs this click: the request comes first, before anything else is awaited.
                if (!(await enableSite(host))) throw new Error(`Not allowed on ${host}`);
                setEnabled(true);
                await showOnPage(tabId);
              }, t('accessNowRuns', host), 'errorNotEnabled')
            }
          >
            {t('accessAlways', host)}
          </button>
        </>
      )}
    </section>
  );
}
