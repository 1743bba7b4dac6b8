import { answer, saveFile, vetrina } from "../api.js";
import { seg } from "../router.js";
import { useCpiChoice } from "./cpi-choice.js";
import type { Me } from "../session.js";
import { ErrorBox, formatDate, formatDateTime, html, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { ConditionalityEvent, ConditionalityExport } from "../types.js";

/** The conditionality events still to report for a CPI, their export for ANPAL and INPS, and marking an export reported. */
export function ConditionalityPage({ me }: { me: Me }) {
  const { cpi, select } = useCpiChoice(me, "/condizionalita", "c-cpi");
  const events = useLoad(() => (cpi === undefined ? Promise.resolve(undefined as never) : answer(vetrina().GET("/api/v1/conditionality-events", { params: { query: { cpi, reported: "false", pageSize: 100 } } }))), [cpi]);
  const exports = useLoad(() => (cpi === undefined ? Promise.resolve(undefined as never) : answer(vetrina().GET("/api/v1/conditionality-events/exports", { params: { query: { cpi, pageSize: 20 } } }))), [cpi]);
  const action = useAction();
  const reload = () => {
    events.reload();
    exports.reload();
  };
  const exportNow = async () => cpi && (await action.run(() => answer(vetrina().POST("/api/v1/conditionality-events/exports", { body: { cpi } })))) && reload();
  const markReported = async (id: string) => (await action.run(() => answer(vetrina().POST("/api/v1/conditionality-events/exports/{id}/reported", { params: { path: { id } }, body: {} })))) && reload();
  return html`
    <${PageTitle} text="Condizionalità" />
    ${select}
    <${ErrorBox} error=${action.error} />
    <section aria-labelledby="da-segnalare">
      <h2 id="da-segnalare">Da segnalare ad ANPAL e INPS</h2>
      <${Show} loaded=${events} what="delle segnalazioni">${(page: { total: number; items: ConditionalityEvent[] }) => html`
        <p role="status">${page.total} ${page.total === 1 ? "segnalazione" : "segnalazioni"} da comunicare</p>
        ${page.items.length > 0 && html`<table>
          <thead><tr><th scope="col">Persona</th><th scope="col">Fatto</th><th scope="col">Programma</th><th scope="col">Giorno</th><th scope="col">Conseguenza</th><th scope="col">Esportata</th></tr></thead>
          <tbody>${page.items.map((e: ConditionalityEvent) => html`<tr>
            <th scope="row"><a href=${`/persone/${seg(e.candidateId)}/offerte`}>${e.person ? `${e.person.firstName} ${e.person.lastName}` : "—"}</a>${e.person && html`<div class="meta">${e.person.taxCode}</div>`}</th>
            <td>${e.kindLabel}${e.outcomeLabel ? ` (${e.outcomeLabel})` : ""}</td>
            <td>${e.programmeLabel ?? "—"}</td>
            <td>${formatDate(e.occurredAt)}</td>
            <td>${e.sanction ?? "—"}${e.toConfirm ? " (da confermare)" : ""}</td>
            <td>${e.exportId ? "sì" : "no"}</td>
          </tr>`)}</tbody></table>`}
        <button type="button" onClick=${exportNow} disabled=${action.busy || page.items.every((e) => e.exportId)}>Esporta le segnalazioni non ancora esportate</button>
      `}</${Show}>
    </section>
    <section aria-labelledby="esportazioni">
      <h2 id="esportazioni">Esportazioni</h2>
      <${Show} loaded=${exports} what="delle esportazioni">${(page: { items: ConditionalityExport[] }) => page.items.length === 0 ? html`<p>Nessuna esportazione.</p>` : html`<table>
        <thead><tr><th scope="col">Creata</th><th scope="col">Segnalazioni</th><th scope="col">File</th><th scope="col">Comunicazione</th></tr></thead>
        <tbody>${page.items.map((x) => html`<tr>
          <th scope="row">${formatDateTime(x.createdAt)}${x.createdByName ? ` · ${x.createdByName}` : ""}</th>
          <td>${x.eventCount}</td>
          <td><button type="button" class="link" onClick=${() => action.run(() => saveFile(vetrina().GET("/api/v1/conditionality-events/exports/{id}.csv", { params: { path: { id: x.id } }, parseAs: "blob" }), `segnalazioni-${x.id}.csv`))}>Scarica il CSV<span class="sr-only"> dell'esportazione del ${formatDateTime(x.createdAt)}</span></button></td>
          <td>${x.reported ? `comunicata il ${formatDate(x.reportedAt)}${x.reportedByName ? ` (${x.reportedByName})` : ""}` : html`<button type="button" class="secondary" onClick=${() => markReported(x.id)} disabled=${action.busy}>Segna come comunicata</button>`}</td>
        </tr>`)}</tbody></table>`}</${Show}>
    </section>`;
}
