import type { PaperState, UserAction } from '../store/library';
import type { PaperId } from '../paper';
import { isLater, NO_VERSIONS, type StateGroup } from '../state-order';
import { cleanTagName, tagKey } from '../tags';

/**
 * What a tab knows of each paper it shows: the state the background confirmed, newest per group
 * (answers and broadcasts arrive in any order: an older one never replaces a newer one), with the
 * user's actions still on their way laid over it, so a click shows at once and the answer settles it.
 */

/** What a page knows of a paper nobody has acted on. */
export const NO_STATE: PaperState = Object.freeze({ starred: false, read: false, queued: false, note: '', versions: NO_VERSIONS, tags: [], tagsAt: 0 });

const GROUPS: readonly StateGroup[] = ['star', 'read', 'queue', 'note'];

/** A group's value in a state: a flag, or the note. */
export function valueOf(state: PaperState, group: StateGroup): boolean | string {
  switch (group) {
    case 'star':
      return state.starred;
    case 'read':
      return state.read;
    case 'queue':
      return state.queued;
    case 'note':
      return state.note;
  }
}

function withValue(state: PaperState, group: StateGroup, value: boolean | string, version: number): PaperState {
  const versions = { ...state.versions, [group]: version };
  switch (group) {
    case 'star':
      return { ...state, starred: value as boolean, versions };
    case 'read':
      return { ...state, read: value as boolean, versions };
    case 'queue':
      return { ...state, queued: value as boolean, versions };
    case 'note':
      return { ...state, note: value as string, versions };
  }
}

/** `incoming`, group by group, wherever it is not older than `known`. */
export function newestOf(known: PaperState, incoming: PaperState): PaperState {
  let merged = known;
  for (const group of GROUPS) {
    const value = valueOf(incoming, group);
    const version = incoming.versions?.[group] ?? 0;
    const same = version === merged.versions[group] && value === valueOf(merged, group);
    if (!same && !isLater(merged.versions[group], valueOf(merged, group), version, value)) merged = withValue(merged, group, value, version);
  }
  // Tags: the list of the latest change.
  if ((incoming.tagsAt ?? 0) > merged.tagsAt) merged = { ...merged, tags: incoming.tags ?? [], tagsAt: incoming.tagsAt };
  return merged;
}

/**
 * The groups an action sets, with their values, as in the library (changeRecord): a paper marked read
 * also leaves the queue, a paper put in the queue is also unread. Tags are not among the groups.
 */
export function effectsOf(action: UserAction): [StateGroup, boolean | string][] {
  switch (action.kind) {
    case 'star':
      return [['star', action.value]];
    case 'read':
      return action.value ? [['read', true], ['queue', false]] : [['read', false]];
    case 'queue':
      return action.value ? [['queue', true], ['read', false]] : [['queue', false]];
    case 'note':
      return [['note', action.text]];
    case 'tag':
      return [];
  }
}

/** The state after `action`, applied as the library applies it: only where it is later than what is known. */
export function applyLocally(state: PaperState, action: UserAction): PaperState {
  if (action.kind === 'tag') {
    // Shown at once; the background's answer (a later tagsAt) then gives the list as the library names it.
    const others = state.tags.filter((name) => tagKey(name) !== tagKey(action.name));
    return { ...state, tags: action.value ? [...others, cleanTagName(action.name)] : others };
  }
  const at = action.at ?? Date.now();
  let next = state;
  for (const [group, value] of effectsOf(action)) {
    if (isLater(at, value, next.versions[group], valueOf(next, group))) next = withValue(next, group, value, at);
  }
  return next;
}

/** True when `state` holds what `action` meant, at its time or later (the action landed, or was overtaken). */
export function settles(state: PaperState, action: UserAction): boolean {
  const at = action.at ?? 0;
  return effectsOf(action).every(([group]) => state.versions[group] >= at);
}

export class PaperStates {
  private readonly confirmed = new Map<PaperId, PaperState>();
  private readonly pending = new Map<PaperId, UserAction[]>();

  /** What to show for `id`: undefined until anything is known. */
  shown(id: PaperId): PaperState | undefined {
    const actions = this.pending.get(id);
    const base = this.confirmed.get(id);
    if (!actions?.length) return base;
    return actions.reduce(applyLocally, base ?? NO_STATE);
  }

  has(id: PaperId): boolean {
    return this.confirmed.has(id);
  }

  /** A state from the background; returns true when what is shown may have changed. */
  confirm(id: PaperId, state: PaperState): boolean {
    const known = this.confirmed.get(id);
    const merged = known ? newestOf(known, state) : newestOf(NO_STATE, state);
    if (known && merged === known) return false;
    this.confirmed.set(id, merged);
    return true;
  }

  /** The user acted: shown at once, until `settle`. */
  begin(id: PaperId, action: UserAction): void {
    const actions = this.pending.get(id) ?? [];
    actions.push(action);
    actions.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
    this.pending.set(id, actions);
  }

  /** The action was answered (saved, or not): what is confirmed shows from now on. */
  settle(id: PaperId, action: UserAction): void {
    const actions = this.pending.get(id);
    const index = actions?.indexOf(action) ?? -1;
    if (index >= 0) actions!.splice(index, 1);
    if (actions?.length === 0) this.pending.delete(id);
  }

  forget(id: PaperId): void {
    this.confirmed.delete(id);
    this.pending.delete(id);
  }
}
