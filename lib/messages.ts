import { isCanonicalId, MAX_ALIASES } from './paper';
import { LIMITS, TAG_LIMITS } from './limits';
import { SITE_NAMES } from './sites/types';
import { z } from './zod';
import { t } from './i18n';

export { LIMITS };

/**
 * The message protocol between pages (content scripts, popup, options) and the background.
 * Every request is validated against `RequestSchema` in the background; a request that fails
 * validation changes nothing and is answered `{ ok: false, error, code: 'invalid' }`.
 */

export const CanonicalIdSchema = z.string().max(LIMITS.id).refine(isCanonicalId, { error: () => t('invalidPaperId') });

const httpUrl = z
  .string()
  .max(LIMITS.url)
  .refine((value) => /^https?:\/\//i.test(value), { error: () => t('invalidUrl') });

/**
 * A card's metadata as sent: types are checked here, sizes are not (the message budget bounds
 * them, and the background clips them to the caps with boundPaperRef: a longer title is clipped,
 * not refused).
 */
export const PaperRefSchema = z.object({
  id: CanonicalIdSchema,
  title: z.string().trim().min(1),
  version: z.number().int().positive().max(1_000).optional(),
  authors: z.array(z.string()).optional(),
  authorCount: z.number().int().nonnegative().max(1_000_000).optional(),
  organization: z.string().optional(),
  abstract: z.string().optional(),
  date: z.iso.date().optional(),
  upvotes: z.number().int().nonnegative().optional(),
  comments: z.number().int().nonnegative().optional(),
  primaryCategory: z.string().optional(),
  categories: z.array(z.string()).optional(),
  journalRef: z.string().optional(),
  paperComments: z.string().optional(),
  venue: z.string().optional(),
  year: z.number().int().optional(),
  /** The card's other ids (lib/paper.ts identify); the background keeps the canonical ones, a few at most. */
  aliases: z.array(z.string()).optional(),
  links: z
    .object({ huggingface: httpUrl.optional(), abs: httpUrl.optional(), pdf: httpUrl.optional(), html: httpUrl.optional() })
    .optional(),
});

/** When the user acted, in milliseconds since the epoch: orders actions that arrive out of order. */
const actedAt = z.number().int().nonnegative().optional();

export const UserActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('star'), value: z.boolean(), at: actedAt }),
  z.object({ kind: z.literal('read'), value: z.boolean(), at: actedAt }),
  z.object({ kind: z.literal('queue'), value: z.boolean(), at: actedAt }),
  z.object({ kind: z.literal('note'), text: z.string().max(LIMITS.note), at: actedAt }),
  // A name too long is cut, not refused (lib/tags.ts cleans it); one of invisible characters only changes nothing.
  z.object({ kind: z.literal('tag'), name: z.string().max(TAG_LIMITS.name * 4), value: z.boolean(), at: actedAt }),
]);

export const SeenAtSchema = z.object({ site: z.enum(SITE_NAMES), url: httpUrl });

export const RequestSchema = z.discriminatedUnion('type', [
  /** A page asks for the state of all its cards at once; `aliases` names a card's other ids, if it shows some. */
  z.object({
    type: z.literal('getStates'),
    ids: z.array(CanonicalIdSchema).max(LIMITS.idsPerRequest),
    aliases: z
      .record(CanonicalIdSchema, z.array(CanonicalIdSchema).max(MAX_ALIASES))
      .refine((aliases) => Object.keys(aliases).length <= LIMITS.idsPerRequest, { error: () => t('invalidTooManyCards') })
      .optional(),
  }),
  /**
   * A card's control was used: the paper's metadata (creates it on first use; the background
   * bounds it, lib/bounds.ts) and what the user wants. `seen` is what the page claims; the
   * background ignores it and takes where the paper was seen from the browser's sender (the tab).
   */
  z.object({ type: z.literal('act'), paper: PaperRefSchema, action: UserActionSchema, seen: SeenAtSchema.optional() }),
  /** An extension page changed these papers directly in the database: tell the open tabs. Extension pages only. */
  z.object({ type: z.literal('changed'), ids: z.array(CanonicalIdSchema).max(LIMITS.idsPerRequest) }),
  /** The library's tag names, for completion where a paper is tagged (a card's Tag field). */
  z.object({ type: z.literal('tagNames') }),
  /** Sync now, if it is on: the popup opened, the user asked, or the settings changed. */
  z.object({ type: z.literal('sync'), reason: z.enum(['popup', 'now', 'settings']) }),
]);

export type Request = z.infer<typeof RequestSchema>;

/**
 * Requests about the sender's own page, from content scripts only (the background answers them
 * with the sender's tab and frame; the page itself cannot send any message).
 */
export const PageRequestSchema = z.discriminatedUnion('type', [
  /** The router: an in-page navigation reached a page that may hold papers; inject the content script. */
  z.object({ type: z.literal('loadContent') }),
  /** A content script's first use of its extras (lib/content/extras.ts): run the extras script in its world. */
  z.object({ type: z.literal('loadExtras') }),
  /** The read papers' styles of this page (lib/content/page-style.ts): insert one sheet, remove older ones. */
  z.object({ type: z.literal('pageStyle'), insert: z.string().max(LIMITS.pageStyle), remove: z.array(z.string().max(LIMITS.pageStyle)).max(8) }),
]);

export type PageRequest = z.infer<typeof PageRequestSchema>;

/**
 * True when `message` is within `max` characters (every string's length, plus one per value and
 * per array item, plus object keys). Counts at most about `max` before answering, so a message of
 * megabytes or of a million authors is refused at once, before validation or any other work.
 */
export function withinMessageBudget(message: unknown, max: number = LIMITS.messageChars): boolean {
  let used = 0;
  const stack: unknown[] = [message];
  while (stack.length > 0) {
    const value = stack.pop();
    used += typeof value === 'string' ? value.length + 1 : 1;
    if (used > max) return false;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      used += value.length;
      if (used > max) return false;
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key in value) {
      used += key.length + 1;
      if (used > max) return false;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return true;
}
