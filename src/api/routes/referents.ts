import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { cpiCode, queryList } from "../../validation/common-schemas.js";
import { listCpiReferents, listReferents } from "../../referents/referent-directory.js";
import { mountRoute } from "../route-contract.js";

const tag = "Referenti";

const roles = "operatori (admin, referenti, tutor, navigator); non le aziende";

export const directoryEntrySchema = z.strictObject({
  cpis: z.array(z.strictObject({ code: z.string(), name: z.string() })),
  id: z.string(),
  name: z.string(),
  email: z.string(),
});

export const listCpiReferentsResponseSchema = z.strictObject({
  cpi: z.strictObject({ name: z.string(), code: z.string() }),
  referents: z.array(z.strictObject({ id: z.string(), name: z.string(), email: z.string() })),
});

export const listReferentsResponseSchema = z.strictObject({ items: z.array(directoryEntrySchema), total: z.number() });

export function referentRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "listCpiReferents", response: listCpiReferentsResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/cpis/:code/referents", tag, summary: "Referenti delle offerte di un CPI: nome ed e-mail, solo utenti attivi", roles, params: z.object({ code: cpiCode }).strict() },
    ({ actor, params }) => listCpiReferents(ctx.db, actor, params.code),
  );
  mountRoute(
    r,
    {
      operationId: "listReferents",
      response: listReferentsResponseSchema,
      errors: ["UNKNOWN_REFERENCE"],
      method: "get",
      path: "/referents",
      tag,
      summary: "Rubrica dei referenti delle offerte (nome, e-mail, CPI), solo utenti attivi; cpi= per uno o più CPI",
      roles,
      query: z.object({ cpi: queryList.optional().describe("Codici dei CPI, separati da virgole") }).strict(),
    },
    ({ actor, query }) => listReferents(ctx.db, actor, query.cpi),
  );
  return r;
}
