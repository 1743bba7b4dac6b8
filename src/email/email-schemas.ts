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
