import { z } from "../validation/zod-setup.js";
import { queryBoolean } from "../validation/common-schemas.js";

export const feedQuery = z
  .object({
    cursor: z.string().min(1).max(200).optional().describe("nextCursor della pagina precedente"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    unseen: queryBoolean.optional().describe("true: solo gli elementi non ancora visti"),
  })
  .strict();
export type FeedQuery = z.infer<typeof feedQuery>;

const itemId = z.string().min(1).max(100);

/** Either the items named, or every item up to one (that one and all older ones). */
export const feedSeenBody = z
  .object({
    ids: z.array(itemId).min(1).max(500).optional(),
    upTo: itemId.optional().describe("id di un elemento: segna visti quello e tutti i più vecchi"),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.upTo === undefined), { message: "Indicare ids oppure upTo (uno dei due)", path: ["ids"] });
export type FeedSeenBody = z.infer<typeof feedSeenBody>;

// What the routes answer with (checked against every answer under the tests).

export const feedItemViewSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  createdAt: z.string(),
  seen: z.boolean(),
  seenAt: z.string().nullable(),
  links: z.strictObject({ vacancyId: z.string().nullable(), candidateId: z.string().nullable() }),
  payload: z.unknown(),
});

export const feedPageSchema = z.strictObject({ items: z.array(feedItemViewSchema), nextCursor: z.string().nullable() });

export const markFeedSeenResponseSchema = z.strictObject({ marked: z.number() });