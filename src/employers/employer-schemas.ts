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

// What the routes answer with (checked against every answer under the tests).

export const employerViewSchema = z.strictObject({
  name: z.string(),
  id: z.string(),
  createdAt: z.iso.datetime(),
  taxCode: z.string(),
  updatedAt: z.iso.datetime(),
  atecoCode: z.string().nullable(),
  atecoLabel: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
});

export const listEmployersResponseSchema = z.strictObject({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(employerViewSchema),
});