import type { ShelfmarkDB } from '../store/db';
import { applyAction, getStates, statesUnderEveryId, type PaperState } from '../store/library';
import type { Response, ResponseData } from '../messaging';
import { RequestSchema } from '../messages';
import type { PaperId } from '../paper';

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
): Promise<Response<ResponseData[keyof ResponseData]>> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: `Invalid message: ${parsed.error.issues.map(describeIssue).join('; ')}` };
  }
  const request = parsed.data;
  try {
    switch (request.type) {
      case 'getStates':
        return { ok: true, data: await getStates(db, request.ids, request.aliases) };
      case 'act': {
        const state = await applyAction(db, request.paper, request.action, { seen: request.seen });
        const { id, aliases = [] } = request.paper;
        const data = state ?? (await getStates(db, [id], { [id]: aliases }))[id]!;
        // Pages showing the paper under any of its ids follow (records the card showed to be one included).
        await onChange({ ...(await statesUnderEveryId(db, [id, ...aliases])), [id]: data });
        return { ok: true, data };
      }
      case 'changed':
        await onChange(await statesUnderEveryId(db, request.ids));
        return { ok: true, data: null };
    }
  } catch (error) {
    console.error('[Shelfmark] request failed', request.type, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
