import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { watchListQuerySchema } from "../../watch-list/watch-list-schemas.js";
import { listWatchList } from "../../watch-list/list-watch-list.js";
import { getWatchListResponseSchema } from "../../watch-list/watch-list-schemas.js";

export function watchListRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    {
      operationId: "getWatchList",
      response: getWatchListResponseSchema,
      errors: ["UNKNOWN_REFERENCE"],
      method: "get",
      path: "/watch-list",
      tag: "Indicatori",
      summary:
        "Persone RdC/ADI/SFL del CPI senza un'offerta coerente negli ultimi giorni: per ciascuna le migliori offerte aperte (dagli abbinamenti calcolati) o il motivo per cui non ce ne sono; quota di persone coperte rispetto all'obiettivo regionale",
      roles: "admin (tutti i CPI); navigator, referenti e tutor del CPI; non le aziende",
      query: watchListQuerySchema,
    },
    ({ actor, query, route }) => listWatchList(ctx, actor, query, route),
  );
  return r;
}
