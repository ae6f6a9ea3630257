import type { ShelfmarkDB } from '../store/db';
import { applyAction, getStates, statesUnderEveryId, type PaperState } from '../store/library';
import { libraryTags } from '../store/tags';
import type { Response, ResponseData } from '../messaging';
import { LIMITS, RequestSchema, withinMessageBudget } from '../messages';
import { boundPaperRef } from '../bounds';
import { plainError } from '../errors';
import type { PaperId } from '../paper';
import type { SyncRuntime } from './sync-runtime';
import type { MessageSource } from './sender';
import { t } from '../i18n';

/** What the background does after a change: tell every open page and refresh the badge. */
export interface ChangeListener {
  (states: Record<PaperId, PaperState>): void | Promise<void>;
}

/** Waits until a tab may have `ids` more states (the per-tab pacing of lib/background/rate-limit.ts). */
export type Pace = (tabId: number, ids: number) => Promise<void>;

export interface MessageContext {
  /** Who sent it, as the browser says; an extension page when not given (tests, direct calls). */
  source?: MessageSource;
  pace?: Pace;
  /** Runs a sync cycle on request (the popup opened, "Sync now"); absent where there is no sync. */
  sync?: Pick<SyncRuntime, 'run'>;
}

const EXTENSION: MessageSource = { kind: 'extension' };
/** Tag names a card's completion gets: the most used. */
const TAG_NAMES_SENT = 500;

/**
 * The background's answer to one message. A message is counted first (one over LIMITS is refused
 * before anything else reads it), then validated: a malformed message changes nothing and is
 * answered `{ ok: false, error, code: 'invalid' }`. A card's metadata is clipped to the caps and
 * cleaned (lib/bounds.ts); where the paper was seen is the sender's tab, not the message's claim.
 * Failures of storage are answered in plain words with their code. Never throws.
 */
export async function handleMessage(
  db: ShelfmarkDB,
  message: unknown,
  onChange: ChangeListener,
  { source = EXTENSION, pace, sync }: MessageContext = {},
): Promise<Response<ResponseData[keyof ResponseData]>> {
  if (!withinMessageBudget(message)) {
    return invalid(t('invalidTooLarge', LIMITS.messageChars));
  }
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return invalid(parsed.error.issues.slice(0, 3).map(describeIssue).join('; '));
  const request = parsed.data;
  // Only extension pages write the database directly and announce it; a page has nothing to announce.
  if (request.type === 'changed' && source.kind !== 'extension') return invalid(t('invalidNotExtensionChanged'));
  if (request.type === 'sync' && source.kind !== 'extension') return invalid(t('invalidNotExtensionSync'));
  if (request.type === 'act') {
    // What a page may store: clean text within the caps, links only to the paper or the sender's site.
    request.paper = boundPaperRef(request.paper, source.kind === 'page' ? source.site : undefined);
    if (!request.paper.title) return invalid(t('invalidInvisibleTitle'));
  }
  try {
    switch (request.type) {
      case 'getStates':
        if (source.kind === 'page' && source.tabId !== undefined) {
          // Every id asked about counts, a card's aliases too: they are looked up as well.
          const asked = request.ids.length + Object.values(request.aliases ?? {}).reduce((sum, aliases) => sum + aliases.length, 0);
          await pace?.(source.tabId, asked);
        }
        return { ok: true, data: await getStates(db, request.ids, request.aliases) };
      case 'act': {
        const { paper } = request;
        const seen = source.kind === 'page' ? source.seen : undefined;
        const state = await applyAction(db, paper, request.action, { seen });
        const { id, aliases = [] } = paper;
        const data = state ?? (await getStates(db, [id], { [id]: aliases }))[id]!;
        // Pages showing the paper under any of its ids follow (records the card showed to be one included).
        await announce(onChange, { ...(await statesUnderEveryId(db, [id, ...aliases])), [id]: data });
        return { ok: true, data };
      }
      case 'tagNames':
        return { ok: true, data: (await libraryTags(db)).sort((a, b) => b.count - a.count).slice(0, TAG_NAMES_SENT).map((tag) => tag.name) };
      case 'changed':
        await announce(onChange, await statesUnderEveryId(db, request.ids));
        return { ok: true, data: null };
      case 'sync': {
        if (!sync) return { ok: false, error: t('syncUnavailable'), code: 'unavailable' };
        const status = await sync.run(request.reason);
        return { ok: true, data: { lastSyncAt: status.lastSyncAt, error: status.error } };
      }
    }
  } catch (error) {
    console.error('[Shelfmark] request failed', request.type, error);
    return { ok: false, ...plainError(error, request.type === 'act' ? 'errorNotSaved' : 'errorLibraryNotRead') };
  }
}

/** Tells tabs and the badge; a failure there is logged, never turned into a failure of a write that landed. */
async function announce(onChange: ChangeListener, states: Record<PaperId, PaperState>): Promise<void> {
  try {
    await onChange(states);
  } catch (error) {
    console.warn('[Shelfmark] could not tell open tabs about a change', error);
  }
}

function invalid(why: string): { ok: false; error: string; code: 'invalid' } {
  return { ok: false, error: t('invalidMessage', why), code: 'invalid' };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
