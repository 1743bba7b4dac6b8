import { z } from "./zod-setup.js";
import { isKnownAteco, isKnownEducationLevel, isKnownLanguage, isKnownLicence, drivingLicence, language, normalizeAtecoCode } from "../reference/code-lists.js";
import { isValidCompanyTaxCode, isValidPersonTaxCode, normalizeTaxCode } from "./tax-code.js";

/** A calendar date as people write it in forms and spreadsheets: YYYY-MM-DD, stored at UTC midnight. */
export const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Data attesa nel formato AAAA-MM-GG")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Data inesistente")
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .openapi({ type: "string", format: "date", example: "2026-11-23" });

export const personTaxCode = z
  .string()
  .transform(normalizeTaxCode)
  .refine(isValidPersonTaxCode, "Codice fiscale non valido (16 caratteri con carattere di controllo)")
  .openapi({ type: "string", example: "RSSMRA85T10A562S" });

export const companyTaxCode = z
  .string()
  .transform(normalizeTaxCode)
  .refine(isValidCompanyTaxCode, "Codice fiscale aziendale non valido: partita IVA di 11 cifre o codice fiscale di 16 caratteri")
  .openapi({ type: "string", example: "00743110157" });

export const istatCode = z.string().regex(/^\d{6}$/, "Codice ISTAT del comune: 6 cifre").openapi({ example: "001272" });

export const cpiCode = z.string().min(1).max(60);

export const email = z.email("Indirizzo e-mail non valido").max(200);

export const shortText = z.string().trim().min(1, "Campo obbligatorio").max(300);
export const longText = z.string().trim().max(5000);

/** Query-string booleans as people type them. */
export const queryBoolean = z.enum(["true", "false", "1", "0", "si", "no"]).transform((v) => ["true", "1", "si"].includes(v));

/** Query-string lists: repeated keys or comma-separated values. */
export const queryList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean));

export const pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const competenceList = z.array(z.string().trim().min(1).max(200)).max(50).default([]);

export const LANGUAGE_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
/** Code lists of the national labour information system: codes or their labels ("02", "B", "PATENTE B"). */
export const languageCode = z
  .string()
  .refine(isKnownLanguage, "Lingua sconosciuta (codice o nome della lista nazionale)")
  .transform((v) => language(v)!.code);
export const languageRequirement = z.object({ code: languageCode, level: z.enum(LANGUAGE_LEVELS) }).strict();
export const licenceCode = z
  .string()
  .refine(isKnownLicence, "Patente sconosciuta (es. B, C, PATENTE D)")
  .transform((v) => drivingLicence(v)!.label.replace(/^PATENTE\s+/, ""));
export const educationLevelCode = z.string().refine(isKnownEducationLevel, "Livello di studio sconosciuto (codice 0–12)");
export const atecoCode = z
  .string()
  .transform(normalizeAtecoCode)
  .refine(isKnownAteco, "Codice ATECO 2007 sconosciuto");
