import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleInstalled } from '@/lib/background/first-run';
import { freshDatabase } from '../db-helpers';

describe('first run (runtime.onInstalled)', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  const opened = async (reason: string) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await handleInstalled(freshDatabase(), { reason });
    // The badge is drawn whatever the reason: a new or updated extension starts without one.
    expect(badge).toHaveBeenCalledWith({ text: '' });
    return create.mock.calls.map(([properties]) => properties.url);
  };

  it('a new install opens the first-run page once', async () => {
    expect(await opened('install')).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
  });

  it.each(['update', 'browser_update', 'chrome_update', 'shared_module_update'])('%s opens nothing', async (reason) => {
    expect(await opened(reason)).toEqual([]);
  });

  it('a page that cannot be opened is logged; the badge is still drawn', async () => {
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValueOnce(new Error('no window'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    await handleInstalled(freshDatabase(), { reason: 'install' });
    expect(error).toHaveBeenCalled();
    expect(badge).toHaveBeenCalled();
  });
});
