import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { figuresQuerySchema } from "../../figures/figure-schemas.js";
import { computeFigures } from "../../figures/compute-figures.js";
import { figuresCsv } from "../../figures/figures-csv.js";
import { figuresReportSchema } from "../../figures/figure-schemas.js";

const tag = "Indicatori";
const roles = "admin (tutti i CPI); operatori dei propri CPI; non le aziende";
const summary =
  "Indicatori per CPI e periodo: offerte ricevute, posizioni, rose inviate, persone assunte, offerte congrue proposte e rifiutate, eventi di condizionalità, quota di persone RdC/ADI/SFL con almeno un'offerta coerente";

export function figureRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(r, { operationId: "getFigures", response: figuresReportSchema, errors: ["UNKNOWN_REFERENCE"], method: "get", path: "/figures", tag, summary, roles, query: figuresQuerySchema }, ({ actor, query }) => computeFigures(ctx, actor, query));
  mountRoute(
    r,
    { operationId: "downloadFigures", errors: ["UNKNOWN_REFERENCE"], method: "get", path: "/figures.csv", tag, summary: `${summary} (CSV con separatore «;», una riga per CPI e il totale)`, roles, query: figuresQuerySchema, produces: "text/csv" },
    async ({ actor, query, res }) => {
      const report = await computeFigures(ctx, actor, query);
      res
        .status(200)
        .set({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="indicatori-${report.period.from}-${report.period.to}.csv"` })
        .send(figuresCsv(report));
    },
  );
  return r;
}
