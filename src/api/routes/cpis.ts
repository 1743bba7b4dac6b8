import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";

const tag = "CPI";

/** CPIs and their catchment areas: created, changed, closed and imported by administrators. */
export function cpiRoutes(ctx: AppContext): Router {
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
  return r;
}
