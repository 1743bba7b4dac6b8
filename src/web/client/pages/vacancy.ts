import { answer, vetrina } from "../api.js";
import { seg } from "../router.js";
import { canManageVacancies, isOperator, type Me } from "../session.js";
import { formatDate, formatDateTime, html, PageTitle, Show, useLoad } from "../ui.js";
import type { Deadline, HistoryItem, Vacancy } from "../types.js";
import { VACANCY_FIELD_LABELS } from "../labels.js";

/** A value of the history as text: lists joined, nothing as a dash. */
const shown = (value: unknown): string => (value === null || value === undefined || value === "" ? "—" : Array.isArray(value) ? value.join(", ") || "—" : String(value));

/** One vacancy: its data, its deadlines, its referent and its history, with the next steps of the role. */
export function VacancyPage({ me, params }: { me: Me; params: Record<string, string> }) {
  const id = params.id!;
  const vacancy = useLoad(() => answer(vetrina().GET("/api/v1/vacancies/{id}", { params: { path: { id } } })), [id]);
  return html`<${Show} loaded=${vacancy} what="dell'offerta">${(v: Vacancy) => html`
    <p class="crumbs"><a href="/vetrina">Vetrina</a> › ${v.requestedProfile}</p>
    <${PageTitle} text=${v.requestedProfile} />
    <p class="meta"><span class=${`badge status-${v.status}`}>${v.statusLabel}</span> ${v.companyName} · ${v.cpi.name}</p>
    <nav class="actions" aria-label="Azioni sull'offerta">
      ${isOperator(me) && html`<a class="button" href=${`/offerte/${seg(id)}/abbinamenti`}>Persone adatte</a>`}
      ${(canManageVacancies(me) || me.role === "employer") && html`<a class="button" href=${`/offerte/${seg(id)}/rosa`}>Rosa di candidati</a>`}
      ${canManageVacancies(me) && html`<a class="button secondary" href=${`/offerte/${seg(id)}/modifica`}>Modifica</a>`}
    </nav>
    <div class="columns">
      <section aria-labelledby="dati"><h2 id="dati">Dati dell'offerta</h2><${VacancyData} v=${v} /></section>
      <div>
        <section aria-labelledby="referente">
          <h2 id="referente">Referente dell'offerta</h2>
          ${v.referent ? html`<p>${v.referent.name} · <a href=${`mailto:${v.referent.email}`}>${v.referent.email}</a></p>` : html`<p>Nessun referente indicato.</p>`}
        </section>
        ${isOperator(me) && html`<${Deadlines} vacancy=${v} />`}
      </div>
    </div>
    <${History} id=${id} />
  `}</${Show}>`;
}

function VacancyData({ v }: { v: Vacancy }) {
  const row = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value === null || value === undefined || value === "" ? "—" : value}</dd>`;
  return html`<dl class="data">
    ${row("Profilo richiesto", v.requestedProfile)}
    ${row("Profilo nella classificazione", v.profileTitle ? `${v.profileTitle}${v.profileCode ? ` (${v.profileCode})` : ""}` : null)}
    ${row("Posizioni", `${v.positions} (coperte ${v.positionsFilled})`)}
    ${row("Azienda", v.companyName)}
    ${row("Settore", v.sectorLabel)}
    ${row("Sede di lavoro", v.workplace ? `${v.workplace.name} (${v.workplace.provinceAcronym})` : null)}
    ${row("Proposta di contratto", v.contractOfferText)}
    ${row("Competenze – requisiti", v.competencesText)}
    ${row("Competenze indispensabili", v.mustHaveCompetences.join("; "))}
    ${row("Competenze gradite", v.niceToHaveCompetences.join("; "))}
    ${row("Patenti", v.requiredLicences.join(", "))}
    ${row("Riservata L. 68/1999", v.reservedL68 ? "Sì" : "No")}
    ${row("Tetto della rosa", v.shortlistCap)}
    ${row("Arrivata il", formatDate(v.arrivalDate))}
    ${row("Pubblicata il", formatDate(v.publishedAt))}
    ${row("Chiusura prevista", formatDate(v.closingDate))}
    ${row("Note", v.notes)}
  </dl>`;
}

/** The deadlines of this vacancy that are due soon or overdue (the API lists them per CPI). */
function Deadlines({ vacancy }: { vacancy: Vacancy }) {
  const deadlines = useLoad(() => answer(vetrina().GET("/api/v1/deadlines", { params: { query: { cpi: vacancy.cpi.code, pageSize: 100 } } })), [vacancy.id]);
  return html`<section aria-labelledby="scadenze">
    <h2 id="scadenze">Scadenze</h2>
    <${Show} loaded=${deadlines} what="delle scadenze">${(d: { items: Deadline[] }) => {
      const mine = d.items.filter((x) => x.vacancyId === vacancy.id);
      return mine.length === 0
        ? html`<p>Nessuna scadenza vicina o superata.</p>`
        : html`<ul>${mine.map((x) => html`<li><span class=${`badge stage-${x.stage}`}>${x.stageLabel}</span> ${x.kindLabel}: ${x.description}</li>`)}</ul>`;
    }}</${Show}>
  </section>`;
}

function History({ id }: { id: string }) {
  const history = useLoad(() => answer(vetrina().GET("/api/v1/vacancies/{id}/history", { params: { path: { id } } })), [id]);
  return html`<section aria-labelledby="storia">
    <h2 id="storia">Storia dell'offerta</h2>
    <${Show} loaded=${history} what="della storia">${(items: HistoryItem[]) => html`<table>
      <caption class="sr-only">Modifiche e cambi di stato, dal più vecchio</caption>
      <thead><tr><th scope="col">Quando</th><th scope="col">Chi</th><th scope="col">Che cosa</th><th scope="col">Motivo</th></tr></thead>
      <tbody>${items.map((h) => html`<tr>
        <td>${formatDateTime(h.at)}</td>
        <td>${h.byUserName ?? "Sistema"}</td>
        <td>${h.changes.map((c) => html`<div>${VACANCY_FIELD_LABELS[c.field] ?? c.field}: ${shown(c.before)} → ${shown(c.after)}</div>`)}</td>
        <td>${h.reason ?? "—"}</td>
      </tr>`)}</tbody>
    </table>`}</${Show}>
  </section>`;
}
