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

/** CPIs, comuni, code lists, occupations and competences: reference data every client needs for its forms. */
export function referenceRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { method: "get", path: "/comuni", tag, summary: "Completamento automatico dei comuni per nome", roles: "tutti", query: z.object({ q: z.string().min(1).max(100), limit: z.coerce.number().int().min(1).max(50).default(10) }).strict() },
    ({ query }) => searchComuni(ctx.db, query.q, query.limit),
  );
  mountRoute(
    r,
    { method: "get", path: "/comuni/:istatCode", tag, summary: "Un comune per codice ISTAT", roles: "tutti", params: z.object({ istatCode }).strict() },
    async ({ params }) => {
      const comune = await findComune(ctx.db, params.istatCode);
      if (!comune) throw notFound("Comune");
      return comune;
    },
  );
  mountRoute(
    r,
    {
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
    { method: "get", path: "/occupations", tag, summary: "Completamento automatico delle professioni (codice, denominazione, confidenza)", roles: "tutti", query: suggestQuery },
    async ({ query }) => suggestOccupations(query.q, query.limit),
  );
  mountRoute(
    r,
    { method: "get", path: "/competences", tag, summary: "Completamento automatico delle competenze (codice, denominazione, confidenza)", roles: "tutti", query: suggestQuery },
    async ({ query }) => suggestCompetences(query.q, query.limit),
  );
  return r;
}
