import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { trendsQuerySchema } from "../../trends/trend-schemas.js";
import { computeTrends } from "../../trends/compute-trends.js";
import { trendChartSvg } from "../../trends/trend-chart.js";
import { trendReportSchema } from "../../trends/trend-schemas.js";

const tag = "Indicatori";
const roles = "admin (tutti i CPI); operatori del CPI; non le aziende";
const summary =
  "Mappa semestrale dei fabbisogni del CPI: gruppi professionali (CP2011) e settori (ATECO) delle offerte arrivate nel semestre e delle persone in carico, dove si incontrano e dove no";

export function trendRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(r, { operationId: "getTrends", response: trendReportSchema, errors: ["UNKNOWN_REFERENCE"], method: "get", path: "/trends", tag, summary, roles, query: trendsQuerySchema }, ({ actor, query }) => computeTrends(ctx, actor, query));
  mountRoute(
    r,
    { operationId: "getTrendsSvg", errors: ["UNKNOWN_REFERENCE"], method: "get", path: "/trends.svg", tag, summary: `${summary} (grafico SVG a barre)`, roles, query: trendsQuerySchema, produces: "image/svg+xml" },
    async ({ actor, query, res }) => {
      const report = await computeTrends(ctx, actor, query);
      res
        .status(200)
        .set({ "Content-Type": "image/svg+xml; charset=utf-8", "Content-Disposition": `inline; filename="mappa-${report.cpiCode}-${report.half}.svg"` })
        .send(await trendChartSvg(report));
    },
  );
  return r;
}
