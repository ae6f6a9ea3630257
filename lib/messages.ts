import { isCanonicalId } from './paper';
import { LIMITS } from './limits';
import { z } from './zod';

export { LIMITS };

/**
 * The message protocol between pages (content scripts, popup, options) and the background.
 * Every request is validated against `RequestSchema` in the background; a request that fails
 * validation changes nothing and is answered `{ ok: false, error }`.
 */


export const CanonicalIdSchema = z.string().max(200).refine(isCanonicalId, 'not a canonical paper id');

const text = (max: number) => z.string().max(max);
const httpUrl = z
  .string()
  .max(2_000)
  .refine((value) => /^https?:\/\//i.test(value), 'not an http(s) URL');

export const PaperRefSchema = z.object({
  id: CanonicalIdSchema,
  title: z.string().trim().min(1).max(LIMITS.title),
  version: z.number().int().positive().max(1_000).optional(),
  authors: z.array(text(500)).max(LIMITS.list).optional(),
  authorCount: z.number().int().nonnegative().max(1_000_000).optional(),
  organization: text(500).optional(),
  abstract: text(LIMITS.text).optional(),
  date: z.iso.date().optional(),
  upvotes: z.number().int().nonnegative().optional(),
  comments: z.number().int().nonnegative().optional(),
  primaryCategory: text(100).optional(),
  categories: z.array(text(100)).max(100).optional(),
  journalRef: text(2_000).optional(),
  paperComments: text(LIMITS.text).optional(),
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
  z.object({ kind: z.literal('note'), text: text(LIMITS.note), at: actedAt }),
]);

export const SeenAtSchema = z.object({ site: z.enum(['huggingface', 'arxiv']), url: httpUrl });

export const RequestSchema = z.discriminatedUnion('type', [
  /** A page asks for the state of all its cards at once. */
  z.object({ type: z.literal('getStates'), ids: z.array(CanonicalIdSchema).max(LIMITS.idsPerRequest) }),
  /** A card's control was used: the paper's metadata (creates it on first use) and what the user wants. */
  z.object({ type: z.literal('act'), paper: PaperRefSchema, action: UserActionSchema, seen: SeenAtSchema.optional() }),
  /** An extension page changed these papers directly in the database: tell the open tabs. */
  z.object({ type: z.literal('changed'), ids: z.array(CanonicalIdSchema).max(LIMITS.idsPerRequest) }),
]);

export type Request = z.infer<typeof RequestSchema>;

/**
 * Requests about the sender's own page, from content scripts only (the background answers them
 * with the sender's tab and frame; the page itself cannot send any message).
 */
export const PageRequestSchema = z.discriminatedUnion('type', [
  /** The router: an in-page navigation reached a page that may hold papers; inject the content script. */
  z.object({ type: z.literal('loadContent') }),
  /** The read papers' styles of this page (lib/content/page-style.ts): insert one sheet, remove older ones. */
  z.object({ type: z.literal('pageStyle'), insert: z.string().max(LIMITS.pageStyle), remove: z.array(z.string().max(LIMITS.pageStyle)).max(8) }),
]);

export type PageRequest = z.infer<typeof PageRequestSchema>;
