import { useEffect, useState } from 'preact/hooks';
import { plainError } from '@/lib/errors';
import { disableSite, enabledSites, enableSite, hostFromInput } from '@/lib/tab/site-access';
import { t } from '@/lib/i18n';

/**
 * The sites where Shelfmark reads the papers a page links to, beyond its own sites: added here or
 * from the popup ("Always on this site"), each removable (its script unregistered, its permission
 * given back). Takes effect from the next page load.
 */
export function EnabledSites() {
  const [sites, setSites] = useState<string[] | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  const refresh = () => enabledSites().then(setSites, (error: unknown) => setMessage(plainError(error, 'errorSitesNotRead').error));
  useEffect(() => void refresh(), []);

  const add = async (event: Event) => {
    event.preventDefault();
    const host = hostFromInput(draft);
    if (!host) {
      setMessage(t('sitesTypeAddress'));
      return;
    }
    try {
      // The browser's prompt needs the click: the request is the first thing done.
      const allowed = await enableSite(host);
      setMessage(allowed ? t('sitesEnabled', host) : t('sitesNotAllowed', host));
      if (allowed) setDraft('');
    } catch (error) {
      setMessage(plainError(error, 'errorNotEnabled').error);
    }
    await refresh();
  };
  const remove = async (host: string) => {
    try {
      await disableSite(host);
      setMessage(t('sitesRemoved', host));
    } catch (error) {
      setMessage(plainError(error, 'errorNotRemoved').error);
    }
    await refresh();
  };

  return (
    <section class="options-sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesTitle')}</h2>
      <p class="hint">{t('sitesHint')}</p>
      {sites && sites.length > 0 ? (
        <ul class="sites-list" aria-label={t('sitesList')}>
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" class="outline-button" aria-label={t('sitesRemoveLabel', host)} onClick={() => void remove(host)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        sites && <p class="hint">{t('sitesNone')}</p>
      )}
      <form class="sites-add" onSubmit={(event) => void add(event)}>
        <input
          type="text"
          class="library-filter"
          placeholder="blog.example.com"
          aria-label={t('sitesAddLabel')}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit" class="outline-button">
          {t('sitesAdd')}
        </button>
      </form>
      <p class="sites-message" role="status">
        {message}
      </p>
    </section>
  );
}
