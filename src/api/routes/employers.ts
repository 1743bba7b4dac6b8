import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { employerCreateSchema, employerListSchema, employerUpdateSchema } from "../../employers/employer-schemas.js";
import { createEmployer, getEmployer, listEmployers, updateEmployer } from "../../employers/employer-service.js";
import { employerViewSchema, listEmployersResponseSchema } from "../../employers/employer-schemas.js";

const tag = "Aziende";

export function employerRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "listEmployers", response: listEmployersResponseSchema, method: "get", path: "/employers", tag, summary: "Elenco delle aziende", roles: "operatori; un'azienda vede solo sé stessa", query: employerListSchema },
    ({ actor, query }) => listEmployers(ctx.db, actor, query.q, query.page, query.pageSize),
  );
  mountRoute(
    r,
    { operationId: "createEmployer", response: employerViewSchema, errors: ["CONFLICT"], method: "post", path: "/employers", tag, summary: "Registra un'azienda", roles: "admin; referente", body: employerCreateSchema, successStatus: 201 },
    ({ actor, body, route }) => createEmployer(ctx, actor, body, route),
  );
  mountRoute(
    r,
    { operationId: "getEmployer", response: employerViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/employers/:id", tag, summary: "Legge un'azienda", roles: "operatori; l'azienda stessa", params: idParams },
    ({ actor, params }) => getEmployer(ctx.db, actor, params.id),
  );
  mountRoute(
    r,
    { operationId: "updateEmployer", response: employerViewSchema, errors: ["NOT_FOUND"], method: "patch", path: "/employers/:id", tag, summary: "Aggiorna un'azienda", roles: "admin; referente", params: idParams, body: employerUpdateSchema },
    ({ actor, params, body, route }) => updateEmployer(ctx, actor, params.id, body, route),
  );
  return r;
}
