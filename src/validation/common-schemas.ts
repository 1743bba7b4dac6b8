import { z } from "./zod-setup.js";
import { CEFR_LEVELS, educationLevel, isKnownAteco, language, languageLevel, languageWithLevel, normalizeAtecoCode } from "../reference/code-lists.js";
import { comuneCodeOf } from "../reference/comune-names.js";
import { licenceEntry } from "../reference/driving-licences.js";
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

/**
 * A comune wherever one is asked for: its ISTAT code or its name ("Torino", "Ciriè (TO)", "Bozen"); stored
 * as the ISTAT code. A name several provinces share is refused with the candidates ("Samone (TN)",
 * "Samone (TO)"); whether the code exists is checked against the store afterwards (check-references).
 */
export const comuneRef = z
  .string()
  .max(120)
  .transform((value, ctx) => {
    const found = comuneCodeOf(value);
    if ("istatCode" in found) return found.istatCode;
    ctx.addIssue({ code: "custom", message: found.problem });
    return z.NEVER;
  })
  .openapi({ type: "string", example: "Torino", description: "Codice ISTAT o nome del comune («Torino», «Samone (TO)»)" });

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

export const LANGUAGE_LEVELS = CEFR_LEVELS;

/** A value of a code list as written, answered as its code; an unknown value names itself in the message. */
function codeOf<T>(read: (value: string) => T | undefined, problem: (value: string) => string) {
  return z.string().transform((value, ctx): T => {
    const code = read(value);
    if (code !== undefined) return code;
    ctx.addIssue({ code: "custom", message: problem(value) });
    return z.NEVER;
  });
}

/** Code lists of the national labour information system: codes, labels, or what operators write. */
export const languageCode = codeOf(
  (v) => language(v)?.code,
  (v) => `Lingua sconosciuta «${v}» (nome o codice della lista nazionale, es. inglese, 001)`,
).openapi({ type: "string", example: "inglese" });
export const languageLevelCode = codeOf(
  languageLevel,
  (v) => `Livello sconosciuto «${v}»: uno fra ${CEFR_LEVELS.join(", ")} (o base, intermedio, avanzato, madrelingua)`,
).openapi({ type: "string", example: "B2" });
/** "inglese B2" → { code, level }; text it cannot split is split at its last word, so the message names the part. */
function languageText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const found = languageWithLevel(value);
  if (found) return found;
  const parts = /^(.*\S)\s+(\S+)$/.exec(value.trim());
  return parts ? { code: parts[1], level: parts[2] } : { code: value };
}
/** `{ code: "inglese", level: "B2" }`, or the one text operators write: "inglese B2". */
export const languageRequirement = z
  .preprocess(languageText, z.object({ code: languageCode, level: languageLevelCode }).strict())
  .openapi({ description: "Lingua e livello QCER: { code, level } oppure «inglese B2»" });
/** Licence categories and qualifications: "CE", "C+E", "patente CE", the old national code "02", "CQC merci". */
export const licenceCode = codeOf(
  (v) => licenceEntry(v)?.code,
  (v) =>
    /^\s*cqc\s*$/i.test(v)
      ? "CQC: indicare «CQC merci» o «CQC persone»"
      : `Patente o abilitazione sconosciuta «${v}» (es. B, C, CE, C1E, D, CQC merci, CQC persone, ADR)`,
).openapi({ type: "string", example: "CE" });
export const educationLevelCode = codeOf(
  (v) => educationLevel(v)?.code,
  (v) => `Livello di studio sconosciuto «${v}» (codice 0–12 o titolo, es. licenza media, diploma, laurea)`,
).openapi({ type: "string", example: "diploma" });
export const atecoCode = z
  .string()
  .transform(normalizeAtecoCode)
  .refine(isKnownAteco, "Codice ATECO 2007 sconosciuto");
