import { z } from "../validation/zod-setup.js";
import { comuneRef, cpiCode, email, istatCode, shortText } from "../validation/common-schemas.js";

/** A new CPI's code: the stable key others refer to ("BO-BOLOGNA"), upper case, letters, digits and dashes. */
export const newCpiCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(60)
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "Codice CPI: lettere, cifre e trattini (es. BO-BOLOGNA)");

const catchment = z.array(comuneRef).max(5000).describe("Comuni del bacino: codici ISTAT o nomi");

export const cpiCodeParams = z.object({ code: cpiCode }).strict();

export const cpiListQuery = z
  .object({
    province: z.string().max(2).optional(),
    comune: comuneRef.optional().describe("Solo il CPI il cui bacino comprende questo comune"),
  })
  .strict();

export const cpiCreateSchema = z
  .object({
    code: newCpiCode,
    name: shortText,
    comuneIstatCode: comuneRef.describe("Comune della sede: codice ISTAT o nome; ne segue la provincia"),
    address: shortText.optional(),
    email: email.optional(),
    catchment: catchment.optional(),
  })
  .strict()
  .openapi("CpiCreate");
export type CpiCreateInput = z.infer<typeof cpiCreateSchema>;

export const cpiUpdateSchema = z
  .object({
    name: shortText,
    comuneIstatCode: comuneRef.describe("Comune della sede: codice ISTAT o nome"),
    address: shortText.nullable(),
    email: email.nullable(),
    provisional: z.boolean().describe("CPI provvisorio (costruito dai dati dimostrativi)"),
  })
  .partial()
  .strict()
  .openapi("CpiUpdate");
export type CpiUpdateInput = z.infer<typeof cpiUpdateSchema>;

export const cpiCloseSchema = z
  .object({ transferCatchmentTo: cpiCode.optional().describe("CPI aperto che prende i comuni del bacino del CPI chiuso") })
  .strict()
  .openapi("CpiClose");
export type CpiCloseInput = z.infer<typeof cpiCloseSchema>;

export const catchmentSetSchema = z.object({ comuni: catchment }).strict().openapi("CpiCatchmentSet");

const comuneView = z.object({ istatCode, name: z.string() });

export const cpiViewSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    provinceAcronym: z.string(),
    comune: comuneView,
    address: z.string().nullable(),
    email: z.string().nullable(),
    provisional: z.boolean(),
    closedAt: z.string().nullable().describe("Data e ora di chiusura (ISO 8601); null se aperto"),
    catchmentSize: z.number().int().describe("Quanti comuni conta il bacino"),
  })
  .strict()
  .openapi("Cpi");
export type CpiView = z.infer<typeof cpiViewSchema>;

export const catchmentViewSchema = z
  .object({
    cpiCode: z.string(),
    comuni: z.array(comuneView.extend({ provinceAcronym: z.string() }).strict()),
    /** Comuni taken from another CPI's catchment by this change. */
    moved: z.array(z.object({ istatCode, fromCpiCode: z.string() }).strict()),
  })
  .strict()
  .openapi("CpiCatchment");
export type CatchmentView = z.infer<typeof catchmentViewSchema>;
