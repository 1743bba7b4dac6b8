import { z } from "../validation/zod-setup.js";
import { email, shortText } from "../validation/common-schemas.js";
import { ROLES } from "../auth/actor.js";
import { expiresInDays } from "../auth/token-lifetime.js";

export const userCreateSchema = z
  .object({
    name: shortText,
    email,
    role: z.enum(ROLES),
    cpiCodes: z.array(z.string().min(1)).max(50).default([]),
    employerId: z.string().min(1).optional(),
  })
  .strict()
  .refine((u) => u.role !== "employer" || u.employerId, { message: "Un utente azienda deve avere employerId", path: ["employerId"] })
  .refine((u) => u.role === "admin" || u.role === "employer" || u.cpiCodes.length > 0, {
    message: "Gli operatori devono avere almeno un CPI",
    path: ["cpiCodes"],
  })
  .openapi("UserCreate");
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const tokenCreateSchema = z
  .object({ label: z.string().trim().min(1, "Campo obbligatorio").max(100), expiresInDays: expiresInDays.optional() })
  .strict()
  .openapi("TokenCreate");
export type TokenCreateInput = z.infer<typeof tokenCreateSchema>;

/** Actions on a user or a token take no fields: anything sent is refused rather than silently ignored. */
export const userActionNoBody = z.object({}).strict().openapi("UserActionNoBody");

const id = z.string().min(1).max(64);
export const tokenParams = z.object({ id, tokenId: id }).strict();
