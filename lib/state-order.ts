/**
 * The order of changes to a paper's state, shared by the database (which change to keep) and the
 * pages (which state to show). Each group of fields changes on its own (star, read, queue, note),
 * carries the time of the user's action that set it last, and the last action wins wherever it
 * arrives, whatever the order messages arrive in. No imports: the content script uses it.
 */

export type StateGroup = 'star' | 'read' | 'queue' | 'note';

/** When each group was last set (milliseconds since the epoch; 0: never). */
export type StateVersions = Record<StateGroup, number>;

export const NO_VERSIONS: StateVersions = Object.freeze({ star: 0, read: 0, queue: 0, note: 0 });

/**
 * True when the change (`at`, `value`) comes after (`than`, `thanValue`): by time, and at the same
 * millisecond by value (on after off, a later text after an earlier one), so that every copy picks
 * the same last change. The same change again (a retried message) is not later: applying it twice
 * is applying it once.
 */
export function isLater(at: number, value: boolean | string, than: number, thanValue: boolean | string): boolean {
  if (at !== than) return at > than;
  return value > thanValue;
}
