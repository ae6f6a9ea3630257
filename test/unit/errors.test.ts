import { describe, expect, it } from 'vitest';
import { errorCode, plainError } from '@/lib/errors';

const named = (name: string, extra: object = {}) => Object.assign(new Error(`raw ${name}`), { name, ...extra });

describe('errors in plain words', () => {
  it.each([
    ['IndexedDB quota', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'quota'],
    ['Dexie abort wrapping the quota', named('AbortError', { inner: named('QuotaExceededError') }), 'quota'],
    ['a bulk write whose failures are quota', named('BulkError', { failures: [named('ConstraintError'), named('QuotaExceededError')] }), 'quota'],
    ['browser.storage quota (Chrome)', new Error('QUOTA_BYTES quota exceeded'), 'quota'],
    ['database closed', named('DatabaseClosedError'), 'unavailable'],
    ['open failed', named('OpenFailedError', { inner: named('UnknownError') }), 'unavailable'],
    ['a transaction that timed out', named('TimeoutError'), 'busy'],
    ['anything else', new TypeError('x is undefined'), 'failed'],
    ['not even an error', 'boom', 'failed'],
  ])('%s', (_name, error, code) => {
    expect(errorCode(error)).toBe(code);
  });

  it('says what happened and what to do, never the raw text', () => {
    expect(plainError(named('QuotaExceededError'), 'errorNotSaved')).toEqual({
      code: 'quota',
      error: 'Not saved: the storage your browser gives Shelfmark is full. Free some disk space (or clear other sites’ data), then try again; nothing already saved is lost.',
    });
    expect(plainError(named('DatabaseClosedError')).error).not.toContain('raw');
  });

  it('never loops on an error that wraps itself', () => {
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(errorCode(loop)).toBe('failed');
  });
});
