import type { ShelfmarkDB } from '../store/db';
import { applyAction, getStates, type PaperState } from '../store/library';
import type { Response, ResponseData } from '../messaging';
import { RequestSchema } from '../messages';
import type { PaperId } from '../paper';
import type { SyncRuntime } from './sync-runtime';

/** What the background does after a change: tell every open page and refresh the badge. */
export interface ChangeListener {
  (states: Record<PaperId, PaperState>): void | Promise<void>;
}

/**
 * The background's answer to one message. Validates it first: a malformed message changes
 * nothing and is answered `{ ok: false, error }`. Never throws.
 */
export async function handleMessage(
  db: ShelfmarkDB,
  message: unknown,
  onChange: ChangeListener,
  sync?: Pick<SyncRuntime, 'run'>,
): Promise<Response<ResponseData[keyof ResponseData]>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: `Invalid message: ${parsed.error.issues.map(describeIssue).join('; ')}` };
  }
  const request = parsed.data;
  try {
    switch (request.type) {
      case 'getStates':
        return { ok: true, data: await getStates(db, request.ids) };
      case 'act': {
        const state = await applyAction(db, request.paper, request.action, { seen: request.seen });
        const data = state ?? (await getStates(db, [request.paper.id]))[request.paper.id]!;
        await onChange({ [request.paper.id]: data });
        return { ok: true, data };
      }
      case 'changed':
        await onChange(await getStates(db, request.ids));
        return { ok: true, data: null };
      case 'sync': {
        if (!sync) return { ok: false, error: 'Sync is not available here.', code: 'unavailable' };
        const status = await sync.run(request.reason);
        return { ok: true, data: { lastSyncAt: status.lastSyncAt, error: status.error } };
      }
    }
  } catch (error) {
    console.error('[Shelfmark] request failed', request.type, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
