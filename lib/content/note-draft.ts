/**
 * A note being written: saved after a pause in typing, and at once when asked (the editor lost
 * focus, the page is being hidden or closed), so nothing typed is lost. Saves of one note go one
 * at a time, in order: what is typed meanwhile waits and goes next. A failed save keeps the text
 * unsaved; the next change or flush sends it again.
 */

export type NoteStatus = 'saving' | 'saved' | 'failed';

export interface NoteDraftOptions {
  /** Stores the text; resolves true once stored, false (or rejects) when it was not. */
  save: (text: string) => Promise<boolean>;
  /** The pause in typing after which the note is saved, in milliseconds. */
  delay?: number;
  onStatus?: (status: NoteStatus) => void;
}

export const NOTE_SAVE_DELAY_MS = 500;

export class NoteDraft {
  private text = '';
  /** The newest text has not been handed to `save` yet. */
  private unsent = false;
  /** Saves sent and not yet answered. */
  private saving = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: NoteDraftOptions) {}

  /** True while typed text is not known to be stored: the editor's text is then the truth. */
  get pending(): boolean {
    return this.unsent || this.saving > 0;
  }

  /** The user changed the text: save it after a pause. */
  change(text: string): void {
    this.text = text;
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
    this.send(this.text);
  }

  private send(text: string): void {
    this.unsent = false;
    this.saving++;
    this.options.onStatus?.('saving');
    let saved: Promise<boolean>;
    try {
      saved = this.options.save(text);
    } catch {
      saved = Promise.resolve(false);
    }
    void saved
      .catch(() => false)
      .then((ok) => {
        this.saving--;
        if (!ok) {
          // No retry loop: the text stays unsent and goes with the next change, blur or page hide.
          if (this.text === text) this.unsent = true;
          this.options.onStatus?.('failed');
        } else if (!this.pending) {
          this.options.onStatus?.('saved');
        } else if (this.unsent && this.timer === undefined && this.saving === 0) {
          // Typed during the save and the pause is already over (or a flush waited for it): send now.
          this.send(this.text);
        }
      });
  }
}
