import { useEffect, useState } from 'preact/hooks';
import { plainError } from '@/lib/errors';
import { disableSite, enabledSites, enableSite, hostFromInput } from '@/lib/tab/site-access';

/**
 * The sites where Shelfmark reads the papers a page links to, beyond its own sites: added here or
 * from the popup ("Always on this site"), each removable (its script unregistered, its permission
 * given back). Takes effect from the next page load.
 */
export function EnabledSites() {
  const [sites, setSites] = useState<string[] | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  const refresh = () => enabledSites().then(setSites, (error: unknown) => setMessage(plainError(error, 'The sites could not be read').error));
  useEffect(() => void refresh(), []);

  const add = async (event: Event) => {
    event.preventDefault();
    const host = hostFromInput(draft);
    if (!host) {
      setMessage('Type a site’s address, such as blog.example.com.');
      return;
    }
    try {
      // The browser's prompt needs the click: the request is the first thing done.
      const allowed = await enableSite(host);
      setMessage(allowed ? `Shelfmark runs on ${host} from its next page load.` : `Not allowed on ${host}.`);
      if (allowed) setDraft('');
    } catch (error) {
      setMessage(plainError(error, 'Not enabled').error);
    }
    await refresh();
  };
  const remove = async (host: string) => {
    try {
      await disableSite(host);
      setMessage(`Removed ${host}: reload its pages to take Shelfmark off them.`);
    } catch (error) {
      setMessage(plainError(error, 'Not removed').error);
    }
    await refresh();
  };

  return (
    <section class="options-sites" aria-labelledby="sites-title">
      <h2 id="sites-title">Other sites</h2>
      <p class="hint">Shelfmark puts its buttons beside the paper links of these sites’ pages (a lab’s publications, a blog, a forum).</p>
      {sites && sites.length > 0 ? (
        <ul class="sites-list" aria-label="Sites enabled">
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" class="outline-button" aria-label={`Remove ${host}`} onClick={() => void remove(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        sites && <p class="hint">None yet.</p>
      )}
      <form class="sites-add" onSubmit={(event) => void add(event)}>
        <input
          type="text"
          class="library-filter"
          placeholder="blog.example.com"
          aria-label="Site to add"
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit" class="outline-button">
          Add
        </button>
      </form>
      <p class="sites-message" role="status">
        {message}
      </p>
    </section>
  );
}
