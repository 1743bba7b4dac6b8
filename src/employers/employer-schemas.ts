import { z } from "../validation/zod-setup.js";
import { atecoCode, companyTaxCode, email, pagination, shortText } from "../validation/common-schemas.js";

const employerFields = {
  name: shortText,
  taxCode: companyTaxCode,
  atecoCode: atecoCode.optional(),
  atecoLabel: shortText.optional(),
  contactName: shortText.optional(),
  contactEmail: email.optional(),
  contactPhone: z.string().regex(/^\+?[\d\s./-]{6,20}$/, "Numero di telefono non valido").optional(),
};

export const employerCreateSchema = z.object(employerFields).strict().openapi("EmployerCreate");
export const employerUpdateSchema = employerCreateSchema.partial().strict().openapi("EmployerUpdate");
export const employerListSchema = z.object({ q: z.string().max(100).optional(), ...pagination }).strict();

export type EmployerCreateInput = z.infer<typeof employerCreateSchema>;
export type EmployerUpdateInput = z.infer<typeof employerUpdateSchema>;
