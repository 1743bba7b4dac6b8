import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { assertAllowed, canReadVacancy } from "../../auth/policies.js";
import { mountRoute } from "../route-contract.js";
import { findVacancy, toVacancyView } from "../../vacancies/vacancy-repository.js";
import {
  vacancyCloseSchema,
  vacancyCreateSchema,
  vacancySearchSchema,
  vacancyStatusChangeSchema,
  vacancyUpdateSchema,
} from "../../vacancies/vacancy-schemas.js";
import { publishVacancy } from "../../vacancies/publish-vacancy.js";
import { updateVacancy } from "../../vacancies/update-vacancy.js";
import { changeVacancyStatus } from "../../vacancies/change-vacancy-status.js";
import { searchVacancies } from "../../vacancies/search-vacancies.js";
import { vacancyHistory } from "../../vacancies/vacancy-history.js";

export const idParams = z.object({ id: z.string().min(1).max(64) }).strict();
const tag = "Offerte";

export function vacancyRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { method: "get", path: "/vacancies", tag, summary: "Cerca nella vetrina (testo, filtri, vicinanza, faccette)", roles: "tutti; le aziende vedono solo le proprie offerte", query: vacancySearchSchema },
    ({ actor, query }) => searchVacancies(ctx, actor, query),
  );
  mountRoute(
    r,
    { method: "post", path: "/vacancies", tag, summary: "Pubblica un'offerta", roles: "admin; referente del CPI dell'offerta", body: vacancyCreateSchema, successStatus: 201 },
    async ({ actor, body, route }) => toVacancyView(await publishVacancy(ctx, actor, body, { route })),
  );
  mountRoute(
    r,
    { method: "get", path: "/vacancies/:id", tag, summary: "Legge un'offerta", roles: "tutti; le aziende solo le proprie", params: idParams },
    async ({ actor, params }) => {
      const vacancy = await findVacancy(ctx.db, params.id);
      assertAllowed(canReadVacancy(actor, vacancy));
      return toVacancyView(vacancy);
    },
  );
  mountRoute(
    r,
    { method: "patch", path: "/vacancies/:id", tag, summary: "Aggiorna i campi inviati di un'offerta", roles: "admin; referente del CPI", params: idParams, body: vacancyUpdateSchema },
    async ({ actor, params, body, route }) => toVacancyView(await updateVacancy(ctx, actor, params.id, body, route)),
  );
  mountRoute(
    r,
    { method: "post", path: "/vacancies/:id/status", tag, summary: "Cambia lo stato (aperta → in preselezione → rosa inviata → coperta / annullata / scaduta)", roles: "admin; referente del CPI", params: idParams, body: vacancyStatusChangeSchema },
    async ({ actor, params, body, route }) => toVacancyView(await changeVacancyStatus(ctx, actor, params.id, body.to, body.reason, route)),
  );
  mountRoute(
    r,
    { method: "post", path: "/vacancies/:id/close", tag, summary: "Chiude un'offerta: coperta, annullata o scaduta", roles: "admin; referente del CPI", params: idParams, body: vacancyCloseSchema },
    async ({ actor, params, body, route }) => toVacancyView(await changeVacancyStatus(ctx, actor, params.id, body.outcome, body.reason, route)),
  );
  mountRoute(
    r,
    {
      method: "get",
      path: "/vacancies/:id/history",
      tag,
      summary: "Storia dell'offerta: ogni modifica, campo per campo, e ogni cambio di stato, con chi e quando",
      roles: "tutti; le aziende solo le proprie",
      params: idParams,
    },
    ({ actor, params }) => vacancyHistory(ctx.db, actor, params.id),
  );
  return r;
}
