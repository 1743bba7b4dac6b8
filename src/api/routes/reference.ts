import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { notFound } from "../../errors/app-error.js";
import { findComune, searchComuni } from "../../geo/comune-lookup.js";
import { istatCode } from "../../validation/common-schemas.js";
import { listEducationLevels, listLanguages, listVacancyContractTypes, CEFR_LEVELS } from "../../reference/code-lists.js";
import { licenceCovers, listLicences } from "../../reference/driving-licences.js";
import { suggestCompetences, suggestOccupations } from "../../reference/taxonomy-lookup.js";

const tag = "Riferimenti";

const CODE_LISTS = ["licences", "education-levels", "contract-types", "languages", "language-levels"] as const;

/** Every entry of a code list with its Italian label; what each code is also accepted as is in code-aliases.csv. */
function codeList(list: (typeof CODE_LISTS)[number]) {
  switch (list) {
    case "licences":
      return listLicences().map((l) => ({
        code: l.code,
        label: l.label,
        kind: l.kind,
        // Everything holding it satisfies, itself excluded: CE → C, C1E, C1, BE, B…
        satisfies: [...licenceCovers(l.code)].filter((c) => c !== l.code),
        ministryCode: l.ministryCode,
      }));
    case "education-levels":
      return listEducationLevels().map((e, rank) => ({ code: e.code, label: e.label, rank }));
    case "contract-types":
      return listVacancyContractTypes().map((c) => ({ code: c.code, label: c.label }));
    case "languages":
      return listLanguages().map((l) => ({ code: l.code, label: l.label }));
    case "language-levels":
      return CEFR_LEVELS.map((code) => ({ code, label: code }));
  }
}

const suggestQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(10) }).strict();

export const competenceSuggestionSchema = z.strictObject({
  code: z.string(),
  label: z.string(),
  confidence: z.number(),
});

export const comuneSuggestionSchema = z.strictObject({
  istatCode: z.string(),
  name: z.string(),
  provinceAcronym: z.string(),
  lat: z.number(),
  lon: z.number(),
});

const codeListEntrySchema = z.strictObject({ code: z.string(), label: z.string() });

/** Licences say what they satisfy, education levels their rank; the other lists only code and label. */
export const getCodeListResponseSchema = z.union([
  z.array(codeListEntrySchema.extend({
    kind: z.enum(["patente", "abilitazione"]),
    satisfies: z.array(z.string()),
    ministryCode: z.string().nullable(),
  })),
  z.array(codeListEntrySchema.extend({ rank: z.number() })),
  z.array(codeListEntrySchema),
]);

export const getComuneResponseSchema = z.strictObject({
  name: z.string(),
  istatCode: z.string(),
  nameNormalized: z.string(),
  cadastralCode: z.string(),
  provinceCode: z.string(),
  provinceAcronym: z.string(),
  provinceName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  lat: z.number(),
  lon: z.number(),
});

export const occupationSuggestionSchema = z.strictObject({
  code: z.string().nullable(),
  label: z.string(),
  confidence: z.number(),
  via: z.string(),
  cp2011Unit: z.string().nullable(),
  iscoGroup: z.string().nullable(),
  escoCode: z.string().nullable(),
});

export const searchCompetencesResponseSchema = z.array(competenceSuggestionSchema);

export const searchComuniResponseSchema = z.array(comuneSuggestionSchema);

export const searchOccupationsResponseSchema = z.array(occupationSuggestionSchema);

/** CPIs, comuni, code lists, occupations and competences: reference data every client needs for its forms. */
export function referenceRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "searchComuni", response: searchComuniResponseSchema, method: "get", path: "/comuni", tag, summary: "Completamento automatico dei comuni per nome", roles: "tutti", query: z.object({ q: z.string().min(1).max(100), limit: z.coerce.number().int().min(1).max(50).default(10) }).strict() },
    ({ query }) => searchComuni(ctx.db, query.q, query.limit),
  );
  mountRoute(
    r,
    { operationId: "getComune", response: getComuneResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/comuni/:istatCode", tag, summary: "Un comune per codice ISTAT", roles: "tutti", params: z.object({ istatCode }).strict() },
    async ({ params }) => {
      const comune = await findComune(ctx.db, params.istatCode);
      if (!comune) throw notFound("Comune");
      return comune;
    },
  );
  mountRoute(
    r,
    {
      operationId: "getCodeList",
      response: getCodeListResponseSchema,
      method: "get",
      path: "/code-lists/:list",
      tag,
      summary: "Una lista di codici con le etichette italiane (patenti e abilitazioni, titoli di studio, contratti, lingue, livelli)",
      roles: "tutti",
      params: z.object({ list: z.enum(CODE_LISTS) }).strict(),
    },
    async ({ params }) => codeList(params.list),
  );
  mountRoute(
    r,
    { operationId: "searchOccupations", response: searchOccupationsResponseSchema, method: "get", path: "/occupations", tag, summary: "Completamento automatico delle professioni (codice, denominazione, confidenza)", roles: "tutti", query: suggestQuery },
    async ({ query }) => suggestOccupations(query.q, query.limit),
  );
  mountRoute(
    r,
    { operationId: "searchCompetences", response: searchCompetencesResponseSchema, method: "get", path: "/competences", tag, summary: "Completamento automatico delle competenze (codice, denominazione, confidenza)", roles: "tutti", query: suggestQuery },
    async ({ query }) => suggestCompetences(query.q, query.limit),
  );
  return r;
}
