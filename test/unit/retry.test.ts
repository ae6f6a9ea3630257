import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withRetries } from '@/lib/content/retry';
import { RequestError, sendMessage } from '@/lib/messaging';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('messages that did not get through', () => {
  it('are sent again when the service worker stopped or asked to wait, and the answer that comes is the answer', async () => {
    let calls = 0;
    const send = withRetries(async (value: string) => {
      calls++;
      if (calls === 1) throw new RequestError('Shelfmark could not reach its storage.', 'transport');
      if (calls === 2) throw new RequestError('Busy, try again.', 'busy');
      return `${value} saved`;
    }, [1, 1, 1]);
    expect(await send('star')).toBe('star saved');
    expect(calls).toBe(3);
  });

  it('are not sent again when the background refused them, and stop after the last wait', async () => {
    const refused = vi.fn(async () => {
      throw new RequestError('Shelfmark did not understand this request.', 'invalid');
    });
    await expect(withRetries(refused, [1, 1])()).rejects.toMatchObject({ code: 'invalid' });
    expect(refused).toHaveBeenCalledTimes(1);
    const gone = vi.fn(async () => {
      throw new RequestError('Shelfmark could not reach its storage.', 'transport');
    });
    await expect(withRetries(gone, [1, 1])()).rejects.toMatchObject({ code: 'transport' });
    expect(gone).toHaveBeenCalledTimes(3);
  });

  it('say what happened in plain words, never the browser\'s own error text', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendMessage({ type: 'getStates', ids: [] })).rejects.toEqual(new RequestError('Shelfmark could not reach its storage. Try again, or reload the page if it keeps failing.', 'transport'));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(sendMessage({ type: 'getStates', ids: [] })).rejects.toMatchObject({ code: 'invalidated', message: 'Shelfmark was updated: reload the page to use it here.' });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce({ ok: false, error: 'Your browser has no room left for Shelfmark’s data.', code: 'quota' });
    await expect(sendMessage({ type: 'getStates', ids: [] })).rejects.toMatchObject({ code: 'quota', message: 'Your browser has no room left for Shelfmark’s data.' });
  });
});
