import { Router } from "express";
import { z } from "../../validation/zod-setup.js";
import type { AppContext } from "../../context.js";
import { assertAllowed, canReadVacancy } from "../../auth/policies.js";
import { mountRoute } from "../route-contract.js";
import { findVacancyForView, toVacancyDetailView, type VacancyDetailView } from "../../vacancies/vacancy-repository.js";
import {
  vacancyCloseSchema,
  vacancyCreateSchema,
  vacancyReferentSchema,
  vacancyStatusChangeSchema,
  vacancyUpdateSchema,
} from "../../vacancies/vacancy-schemas.js";
import { publishVacancy } from "../../vacancies/publish-vacancy.js";
import { updateVacancy } from "../../vacancies/update-vacancy.js";
import { changeVacancyStatus } from "../../vacancies/change-vacancy-status.js";
import { reassignReferent } from "../../vacancies/reassign-referent.js";
import { searchVacancies, showcaseSearchSchema } from "../../vacancies/search-vacancies.js";
import { vacancyHistory } from "../../vacancies/vacancy-history.js";
import { getVacancyHistoryResponseSchema, searchVacanciesResponseSchema, vacancyDetailViewSchema } from "../../vacancies/vacancy-view-schemas.js";

export const idParams = z.object({ id: z.string().min(1).max(64) }).strict();
const tag = "Offerte";

export function vacancyRoutes(ctx: AppContext): Router {
  const r = Router();
  /** Every answer about one vacancy: with its referent and the positions filled, read after the write. */
  const view = async (written: { id: string }): Promise<VacancyDetailView> => toVacancyDetailView(await findVacancyForView(ctx.db, written.id));
  mountRoute(
    r,
    { operationId: "searchVacancies", response: searchVacanciesResponseSchema, errors: ["NOT_FOUND", "UNKNOWN_REFERENCE"], method: "get", path: "/vacancies", tag, summary: "Cerca nella vetrina (testo tollerante ai refusi e con i sinonimi, filtri, vicinanza, faccette con etichette); le offerte chiuse solo se chieste", roles: "tutti; le aziende vedono solo le proprie offerte", query: showcaseSearchSchema },
    ({ actor, query }) => searchVacancies(ctx, actor, query),
  );
  mountRoute(
    r,
    { operationId: "publishVacancy", response: vacancyDetailViewSchema, errors: ["CONFLICT", "NOT_FOUND", "UNKNOWN_REFERENCE"], method: "post", path: "/vacancies", tag, summary: "Pubblica un'offerta, con il suo referente (referentUserId, o l'e-mail referentEmail, o chi pubblica)", roles: "admin; referente del CPI dell'offerta", body: vacancyCreateSchema, successStatus: 201 },
    async ({ actor, body, route }) => view(await publishVacancy(ctx, actor, body, { route })),
  );
  mountRoute(
    r,
    { operationId: "getVacancy", response: vacancyDetailViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/vacancies/:id", tag, summary: "Legge un'offerta, con il referente e le posizioni coperte", roles: "tutti; le aziende solo le proprie", params: idParams },
    async ({ actor, params }) => {
      const vacancy = await findVacancyForView(ctx.db, params.id);
      assertAllowed(canReadVacancy(actor, vacancy));
      return toVacancyDetailView(vacancy);
    },
  );
  mountRoute(
    r,
    { operationId: "updateVacancy", response: vacancyDetailViewSchema, errors: ["CONFLICT", "INVALID_TRANSITION", "NOT_FOUND", "UNKNOWN_REFERENCE"], method: "patch", path: "/vacancies/:id", tag, summary: "Aggiorna i campi inviati di un'offerta", roles: "admin; referente del CPI", params: idParams, body: vacancyUpdateSchema },
    async ({ actor, params, body, route }) => view(await updateVacancy(ctx, actor, params.id, body, route)),
  );
  mountRoute(
    r,
    { operationId: "changeVacancyStatus", response: vacancyDetailViewSchema, errors: ["INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/vacancies/:id/status", tag, summary: "Cambia lo stato (aperta → in preselezione → rosa inviata → coperta / annullata / scaduta)", roles: "admin; referente del CPI", params: idParams, body: vacancyStatusChangeSchema },
    async ({ actor, params, body, route }) => view(await changeVacancyStatus(ctx, actor, params.id, body.to, body.reason, route)),
  );
  mountRoute(
    r,
    { operationId: "closeVacancy", response: vacancyDetailViewSchema, errors: ["INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/vacancies/:id/close", tag, summary: "Chiude un'offerta: coperta, annullata o scaduta", roles: "admin; referente del CPI", params: idParams, body: vacancyCloseSchema },
    async ({ actor, params, body, route }) => view(await changeVacancyStatus(ctx, actor, params.id, body.outcome, body.reason, route)),
  );
  mountRoute(
    r,
    {
      operationId: "reassignVacancyReferent",
      response: vacancyDetailViewSchema,
      errors: ["NOT_FOUND", "UNKNOWN_REFERENCE"],
      method: "post",
      path: "/vacancies/:id/referent",
      tag,
      summary: "Affida l'offerta a un altro referente attivo del CPI, con il motivo; il cambio resta nella storia dell'offerta",
      roles: "admin; referente del CPI dell'offerta",
      params: idParams,
      body: vacancyReferentSchema,
    },
    async ({ actor, params, body, route }) => view(await reassignReferent(ctx, actor, params.id, body.referentUserId, body.reason, route)),
  );
  mountRoute(
    r,
    {
      operationId: "getVacancyHistory",
      response: getVacancyHistoryResponseSchema,
      errors: ["NOT_FOUND"],
      method: "get",
      path: "/vacancies/:id/history",
      tag,
      summary: "Storia dell'offerta: ogni modifica, campo per campo (anche il cambio di referente, con il motivo), e ogni cambio di stato, con chi e quando",
      roles: "tutti; le aziende solo le proprie",
      params: idParams,
    },
    ({ actor, params }) => vacancyHistory(ctx.db, actor, params.id),
  );
  return r;
}
