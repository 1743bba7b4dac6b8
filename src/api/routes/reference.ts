import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { notFound } from "../../errors/app-error.js";
import { findComune, searchComuni } from "../../geo/comune-lookup.js";
import { istatCode } from "../../validation/common-schemas.js";

const tag = "Riferimenti";

/** CPIs and comuni: reference data every client needs for its forms. */
export function referenceRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { method: "get", path: "/cpis", tag, summary: "Elenco dei CPI", roles: "tutti", query: z.object({ province: z.string().max(2).optional() }).strict() },
    async ({ query }) => {
      const cpis = await ctx.db.cpi.findMany({
        where: query.province ? { provinceAcronym: query.province.toUpperCase() } : {},
        include: { comune: true },
        orderBy: [{ provinceAcronym: "asc" }, { name: "asc" }],
      });
      return cpis.map((c) => ({ code: c.code, name: c.name, provinceAcronym: c.provinceAcronym, comune: { istatCode: c.comune.istatCode, name: c.comune.name } }));
    },
  );
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
  return r;
}
