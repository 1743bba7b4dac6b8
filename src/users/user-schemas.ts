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

// What the routes answer with (checked against every answer under the tests).

export const actorSchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  role: z.enum(["admin", "employer", "referent", "tutor", "navigator"]),
  cpiCodes: z.array(z.string()),
  employerId: z.string().nullable(),
});

export const userViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  employerId: z.string().nullable(),
  active: z.boolean(),
  deactivatedAt: z.string().nullable(),
  cpiCodes: z.array(z.string()),
});

export const createUserResponseSchema = z.strictObject({
  user: userViewSchema,
  token: z.string(),
  tokenExpiresAt: z.string(),
});

export const tokenViewSchema = z.strictObject({
  id: z.string(),
  userId: z.string(),
  label: z.string(),
  state: z.enum(["active", "expired", "revoked"]),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdByUserId: z.string().nullable(),
});

export const issueTokenResponseSchema = tokenViewSchema.extend({ token: z.string() });

export const listTokensResponseSchema = z.strictObject({ items: z.array(tokenViewSchema), total: z.number() });

export const listUsersResponseSchema = z.strictObject({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(userViewSchema),
});

export const revokeTokenResponseSchema = z.strictObject({ revoked: z.number(), items: z.array(tokenViewSchema) });