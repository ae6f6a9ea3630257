import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTE_RETRY_DELAYS_MS, NOTE_SAVE_DELAY_MS, NoteDraft, type NoteStatus } from '@/lib/content/note-draft';

/** A save whose answers the test gives by hand, in order. */
function manualSave() {
  const sent: string[] = [];
  const answers: ((ok: boolean) => void)[] = [];
  const save = vi.fn((text: string) => {
    sent.push(text);
    return new Promise<boolean>((resolve) => answers.push(resolve));
  });
  return { save, sent, answer: (ok = true) => answers.shift()!(ok) };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('NoteDraft: saved as you type', () => {
  it('saves once, after a pause in typing, the newest text', async () => {
    const { save, sent, answer } = manualSave();
    const draft = new NoteDraft({ save });
    draft.change('M');
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS - 1);
    draft.change('My');
    draft.change('My note');
    expect(sent).toEqual([]);
    expect(draft.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS);
    expect(sent).toEqual(['My note']);
    expect(draft.pending).toBe(true); // sent, not yet answered
    answer();
    await settle();
    expect(draft.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(10 * NOTE_SAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush (blur) saves at once, and only what is unsaved', async () => {
    const { sent, save, answer } = manualSave();
    const draft = new NoteDraft({ save });
    draft.flush();
    expect(sent).toEqual([]); // nothing typed, nothing sent
    draft.change('typed');
    draft.flush();
    expect(sent).toEqual(['typed']);
    answer();
    await settle();
    draft.flush();
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS * 2);
    expect(sent).toEqual(['typed']); // the pause timer was cancelled by the flush
  });

  it('keeps saves of one note in order: text typed during a save goes when it is answered', async () => {
    const { sent, save, answer } = manualSave();
    const draft = new NoteDraft({ save });
    draft.change('one');
    draft.flush();
    draft.change('one two');
    draft.flush(); // waits for the first answer
    expect(sent).toEqual(['one']);
    answer();
    await settle();
    expect(sent).toEqual(['one', 'one two']);
    answer();
    await settle();
    expect(draft.pending).toBe(false);
  });

  it('an urgent flush (page hidden or closing) sends synchronously, even while a save is in flight', () => {
    const { sent, save } = manualSave();
    const draft = new NoteDraft({ save });
    draft.change('one');
    draft.flush();
    draft.change('one two three');
    draft.flush(true);
    // No timer and no await ran: the message left within the pagehide handler.
    expect(sent).toEqual(['one', 'one two three']);
  });

  it('a failed save keeps the text unsaved and sends it again with the next flush', async () => {
    const { sent, save, answer } = manualSave();
    const statuses: NoteStatus[] = [];
    const draft = new NoteDraft({ save, onStatus: (status) => statuses.push(status) });
    draft.change('precious');
    draft.flush();
    answer(false);
    await settle();
    expect(draft.pending).toBe(true);
    draft.flush();
    expect(sent).toEqual(['precious', 'precious']);
    answer(true);
    await settle();
    expect(draft.pending).toBe(false);
    expect(statuses).toEqual(['saving', 'failed', 'saving', 'saved']);
  });

  it('a failed save is tried again by itself, less and less often, until storage takes it: never dropped', async () => {
    const { sent, save, answer } = manualSave();
    const draft = new NoteDraft({ save });
    draft.change('precious');
    draft.flush();
    for (const [n, wait] of NOTE_RETRY_DELAYS_MS.slice(0, 3).entries()) {
      answer(false); // storage full, say
      await settle();
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(sent).toHaveLength(n + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(sent).toHaveLength(n + 2);
    }
    answer(true); // room again
    await settle();
    expect(draft.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toEqual(Array(4).fill('precious'));
  });

  it('a save that throws or rejects counts as failed, never as saved', async () => {
    const draft = new NoteDraft({
      save: () => {
        throw new Error('Extension context invalidated');
      },
    });
    draft.change('text');
    draft.flush();
    await settle();
    expect(draft.pending).toBe(true);
    const rejecting = new NoteDraft({ save: () => Promise.reject(new Error('gone')) });
    rejecting.change('text');
    rejecting.flush();
    await settle();
    expect(rejecting.pending).toBe(true);
  });

  it('an emptied note is saved too (clearing a note is a change)', async () => {
    const { sent, save } = manualSave();
    const draft = new NoteDraft({ save });
    draft.change('');
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_DELAY_MS);
    expect(sent).toEqual(['']);
  });
});
