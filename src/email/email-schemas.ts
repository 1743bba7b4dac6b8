import { z } from "../validation/zod-setup.js";
import { pagination } from "../validation/common-schemas.js";
import { EMAIL_KINDS } from "./email-kinds.js";
import { EMAIL_STATUSES } from "./email-states.js";

export const emailListQuery = z
  .object({
    status: z.enum(EMAIL_STATUSES).optional(),
    kind: z.enum(EMAIL_KINDS).optional(),
    ...pagination,
  })
  .strict();
export type EmailListQuery = z.infer<typeof emailListQuery>;

export const emailRetryBody = z.object({}).strict();

// What the routes answer with (checked against every answer under the tests).

export const emailViewSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  status: z.enum(EMAIL_STATUSES),
  statusLabel: z.string(),
  to: z.strictObject({ address: z.string(), name: z.string().nullable() }).nullable(),
  subject: z.string(),
  attempts: z.number(),
  maxAttempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  smtpMessageId: z.string().nullable(),
  eventSeq: z.number().nullable(),
  createdAt: z.string(),
});

export const getEmailResponseSchema = emailViewSchema.extend({ body: z.string() });

export const listEmailsResponseSchema = z.strictObject({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  smtpConfigured: z.boolean(),
  items: z.array(emailViewSchema),
});