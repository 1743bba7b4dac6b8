import { z } from "../validation/zod-setup.js";
import { email, shortText } from "../validation/common-schemas.js";
import { ROLES } from "../auth/actor.js";

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
