/**
 * A note being written: saved after a pause in typing, and at once when asked (the editor lost
 * focus, the page is being hidden or closed), so nothing typed is lost. Saves of one note go one
 * at a time, in order: what is typed meanwhile waits and goes next. A failed save keeps the text
 * unsaved and tries again by itself, less and less often (storage full, Shelfmark restarting), and
 * at once on the next change or flush: a note is never dropped.
 */

export type NoteStatus = 'saving' | 'saved' | 'failed';

export interface NoteDraftOptions {
  /** Stores the text typed at `at` (ms since the epoch); resolves true once stored, false (or rejects) when it was not. */
  save: (text: string, at: number) => Promise<boolean>;
  /** The pause in typing after which the note is saved, in milliseconds. */
  delay?: number;
  /** Waits before each retry of a failed save, in milliseconds; the last one repeats. */
  retryDelays?: readonly number[];
  onStatus?: (status: NoteStatus) => void;
}

export const NOTE_SAVE_DELAY_MS = 500;
export const NOTE_RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000];

export class NoteDraft {
  private text = '';
  /** When the user typed the newest text. */
  private at = 0;
  /** The newest text has not been handed to `save` yet. */
  private unsent = false;
  /** Saves sent and not yet answered. */
  private saving = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;

  constructor(private readonly options: NoteDraftOptions) {}

  /** True while typed text is not known to be stored: the editor's text is then the truth. */
  get pending(): boolean {
    return this.unsent || this.saving > 0;
  }

  /** The user changed the text at `at`: save it after a pause. */
  change(text: string, at: number = Date.now()): void {
    this.text = text;
    this.at = at;
    this.unsent = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.delay ?? NOTE_SAVE_DELAY_MS);
  }

  /**
   * Saves what is unsent now, without waiting for the pause. Synchronous up to the send, so that it
   * works in `pagehide`. `urgent` (the page is going away) sends even while an earlier save is in
   * flight, since there may be no later; otherwise the text goes when that save is answered.
   */
  flush(urgent = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.unsent) return;
    if (this.saving > 0 && !urgent) return;
    this.send();
  }

  private send(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const { text, at } = this;
    this.unsent = false;
    this.saving++;
    this.options.onStatus?.('saving');
    let saved: Promise<boolean>;
    try {
      saved = this.options.save(text, at);
    } catch {
      saved = Promise.resolve(false);
    }
    void saved
      .catch(() => false)
      .then((ok) => {
        this.saving--;
        if (!ok) {
          if (this.text === text) this.unsent = true;
          this.options.onStatus?.('failed');
          this.retryLater();
        } else if (!this.pending) {
          this.failures = 0;
          this.options.onStatus?.('saved');
        } else if (this.unsent && this.timer === undefined && this.saving === 0) {
          // Typed during the save and the pause is already over (or a flush waited for it): send now.
          this.send();
        }
      });
  }

  /** After a failure: try again later, unless a change or flush sends the text first. */
  private retryLater(): void {
    if (this.retryTimer !== undefined || !this.unsent) return;
    const delays = this.options.retryDelays ?? NOTE_RETRY_DELAYS_MS;
    const wait = delays[Math.min(this.failures++, delays.length - 1)]!;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.unsent && this.saving === 0) this.send();
    }, wait);
  }
}
