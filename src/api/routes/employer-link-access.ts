import { Router } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { shortlistDeclineSchema } from "../../shortlists/shortlist-schemas.js";
import { linkEntryParams, linkOutcomeSchema, linkTokenParams } from "../../shortlist-delivery/link-schemas.js";
import { openThroughLink } from "../../shortlist-delivery/open-through-link.js";
import { declineThroughLink, recordOutcomeThroughLink } from "../../shortlist-delivery/act-through-link.js";
import { PDF_TYPE, XLSX_TYPE, listPdf, listXlsx } from "../../shortlist-delivery/list-files.js";
import { sendListFile } from "./shortlist-links.js";
import { linkListViewSchema } from "../../shortlist-delivery/link-schemas.js";
import { declineResultSchema, outcomeResultSchema } from "../../shortlists/shortlist-schemas.js";

const tag = "Collegamento dell'azienda";
const roles = "chiunque abbia il collegamento (nessun account: il token nel percorso è la credenziale; scaduto, revocato o sconosciuto → 404)";

/**
 * The employer's link to its sent list (mounted under /api/v1 before the bearer check: `public` routes get no
 * actor). Unknown, expired and revoked tokens all answer the same 404; the anonymous rate limit slows guessing.
 */
export function employerLinkAccessRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "openEmployerLink", response: linkListViewSchema, errors: ["NOT_FOUND"], method: "get", path: "/link/:token", tag, public: true, summary: "La rosa ricevuta, con i soli dati che l'azienda può vedere (nome e iniziale, profilo, esperienze pertinenti, competenze, fascia di distanza; contatti solo con il consenso, altrimenti il referente del CPI); rosa chiusa in sola lettura. Accesso registrato", roles, params: linkTokenParams },
    ({ params, route }) => openThroughLink(ctx, params.token, route, "read"),
  );
  mountRoute(
    r,
    { operationId: "downloadEmployerLinkXlsx", errors: ["NOT_FOUND"], method: "get", path: "/link/:token/lista.xlsx", tag, public: true, summary: "La rosa ricevuta in .xlsx (gli stessi dati minimi). Esportazione registrata", roles, params: linkTokenParams, produces: XLSX_TYPE },
    async ({ params, res, route }) => {
      const view = await openThroughLink(ctx, params.token, route, "export");
      sendListFile(res, view, XLSX_TYPE, await listXlsx(view));
    },
  );
  mountRoute(
    r,
    { operationId: "downloadEmployerLinkPdf", errors: ["NOT_FOUND"], method: "get", path: "/link/:token/lista.pdf", tag, public: true, summary: "La rosa ricevuta in PDF stampabile (gli stessi dati minimi). Esportazione registrata", roles, params: linkTokenParams, produces: PDF_TYPE },
    async ({ params, res, route }) => {
      const view = await openThroughLink(ctx, params.token, route, "export");
      sendListFile(res, view, PDF_TYPE, await listPdf(view));
    },
  );
  mountRoute(
    r,
    { operationId: "recordOutcomeThroughLink", response: outcomeResultSchema, errors: ["CONFLICT", "FORBIDDEN", "INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/link/:token/entries/:entryId/outcome", tag, public: true, summary: "L'azienda registra l'esito di una persona (colloquio svolto, assunta/o, non selezionata/o, ritirata/o) con le stesse regole del referente; l'assunzione rende la persona occupata", roles, params: linkEntryParams, body: linkOutcomeSchema },
    ({ params, body, route }) => recordOutcomeThroughLink(ctx, params.token, params.entryId, body.outcome, body.note, route),
  );
  mountRoute(
    r,
    { operationId: "declineShortlistThroughLink", response: declineResultSchema, errors: ["CONFLICT", "FORBIDDEN", "INVALID_TRANSITION", "NOT_FOUND"], method: "post", path: "/link/:token/decline", tag, public: true, summary: "L'azienda rifiuta la rosa, con il motivo: la rosa si chiude come rifiutata e l'offerta torna in preselezione", roles, params: linkTokenParams, body: shortlistDeclineSchema },
    ({ params, body, route }) => declineThroughLink(ctx, params.token, body.reason, route),
  );
  return r;
}
