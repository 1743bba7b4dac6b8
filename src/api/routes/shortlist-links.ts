import { Router, type Response } from "express";
import type { AppContext } from "../../context.js";
import { mountRoute } from "../route-contract.js";
import { idParams } from "./vacancies.js";
import { linkIdParams, linkIssueSchema, linkRevokeSchema } from "../../shortlist-delivery/link-schemas.js";
import { issueLinkForVacancy } from "../../shortlist-delivery/issue-link.js";
import { listLinks, revokeLink } from "../../shortlist-delivery/manage-links.js";
import { sentListForFile } from "../../shortlist-delivery/sent-list-files.js";
import { PDF_TYPE, XLSX_TYPE, listFileName, listPdf, listXlsx } from "../../shortlist-delivery/list-files.js";
import type { MinimisedListView } from "../../shortlist-delivery/minimised-list-view.js";
import { issuedLinkSchema, listShortlistLinksResponseSchema, shortlistLinkViewSchema } from "../../shortlist-delivery/link-schemas.js";

const tag = "Rose di candidati";
const manage = "admin; referente del CPI dell'offerta";
const files = "admin; referente del CPI dell'offerta; l'azienda titolare dell'offerta";

/** Sends a list file as a download named after the vacancy. */
export function sendListFile(res: Response, view: MinimisedListView, type: string, data: Buffer): void {
  res.status(200).set({ "Content-Type": type, "Content-Disposition": `attachment; filename="${listFileName(view, type === PDF_TYPE ? "pdf" : "xlsx")}"` }).send(data);
}

export function shortlistLinkRoutes(ctx: AppContext): Router {
  const r = Router();
  mountRoute(
    r,
    { operationId: "listShortlistLinks", response: listShortlistLinksResponseSchema, errors: ["NOT_FOUND"], method: "get", path: "/vacancies/:id/shortlist/links", tag, summary: "Collegamenti rilasciati all'azienda per le rose dell'offerta: destinatario, stato (attivo, scaduto, revocato), ultimo accesso; mai il token", roles: manage, params: idParams },
    ({ actor, params }) => listLinks(ctx, actor, params.id),
  );
  mountRoute(
    r,
    { operationId: "issueShortlistLink", response: issuedLinkSchema, errors: ["CONFLICT", "NOT_FOUND"], method: "post", path: "/vacancies/:id/shortlist/links", tag, summary: "Rilascia un nuovo collegamento alla rosa inviata (per esempio per un altro referente aziendale): l'indirizzo con il token è nella risposta, una sola volta; scade dopo 30 giorni", roles: manage, params: idParams, body: linkIssueSchema, successStatus: 201 },
    ({ actor, params, body, route }) => issueLinkForVacancy(ctx, actor, params.id, body.recipientEmail, route),
  );
  mountRoute(
    r,
    { operationId: "revokeShortlistLink", response: shortlistLinkViewSchema, errors: ["CONFLICT", "NOT_FOUND"], method: "post", path: "/shortlist-links/:id/revoke", tag, summary: "Revoca un collegamento: da subito non apre più la rosa", roles: manage, params: linkIdParams, body: linkRevokeSchema },
    ({ actor, params, route }) => revokeLink(ctx, actor, params.id, route),
  );
  mountRoute(
    r,
    { operationId: "downloadShortlistXlsx", errors: ["NOT_FOUND"], method: "get", path: "/vacancies/:id/shortlist.xlsx", tag, summary: "La rosa inviata in .xlsx, come la vede l'azienda (dati minimi: nome e iniziale, profilo, esperienze pertinenti, competenze, fascia di distanza, contatti solo con consenso). Esportazione registrata", roles: files, params: idParams, produces: XLSX_TYPE },
    async ({ actor, params, res, route }) => {
      const view = await sentListForFile(ctx, actor, params.id, route);
      sendListFile(res, view, XLSX_TYPE, await listXlsx(view));
    },
  );
  mountRoute(
    r,
    { operationId: "downloadShortlistPdf", errors: ["NOT_FOUND"], method: "get", path: "/vacancies/:id/shortlist.pdf", tag, summary: "La rosa inviata in PDF stampabile, come la vede l'azienda (gli stessi dati minimi del .xlsx). Esportazione registrata", roles: files, params: idParams, produces: PDF_TYPE },
    async ({ actor, params, res, route }) => {
      const view = await sentListForFile(ctx, actor, params.id, route);
      sendListFile(res, view, PDF_TYPE, await listPdf(view));
    },
  );
  return r;
}
