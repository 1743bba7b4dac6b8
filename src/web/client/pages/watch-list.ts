import { answer, vetrina } from "../api.js";
import { seg } from "../router.js";
import { useCpiChoice } from "./cpi-choice.js";
import type { Me } from "../session.js";
import { formatNumber, html, PageTitle, Show, useLoad } from "../ui.js";
import { programmes } from "./match-details.js";
import type { WatchList } from "../types.js";

/** The navigator's watch list: beneficiaries still without a coherent offer, their best vacancies or why none. */
export function WatchListPage({ me }: { me: Me }) {
  const { cpi, select } = useCpiChoice(me, "/attenzione", "wl-cpi");
  const list = useLoad(() => (cpi ? answer(vetrina().GET("/api/v1/watch-list", { params: { query: { cpi, pageSize: 100 } } })) : Promise.resolve(null)), [cpi]);
  return html`
    <${PageTitle} text="Lista di attenzione" />
    <p>Le persone beneficiarie (RdC, ADI, SFL) che non hanno ricevuto un'offerta coerente negli ultimi giorni.</p>
    ${select}
    <${Show} loaded=${list} what="della lista">${(w: WatchList | null) => w === null ? html`<p>Nessun CPI.</p>` : html`
      <p class="figures" role="status">
        <span>dal ${w.from} al ${w.to} (${w.days} giorni)</span>
        <span>beneficiari <strong>${w.coverage.beneficiaries}</strong></span>
        <span>con un'offerta coerente <strong>${w.coverage.covered}</strong> (${w.coverage.share === null ? "nessun beneficiario" : `${formatNumber(w.coverage.share * 100, 0)}%`}, obiettivo ${formatNumber(w.coverage.target * 100, 0)}%)</span>
        <span>da seguire <strong>${w.total}</strong></span>
      </p>
      ${w.items.length === 0 ? html`<p>Nessuna persona da seguire.</p>` : html`<table>
        <thead><tr><th scope="col">Persona</th><th scope="col">Programmi</th><th scope="col">Offerte migliori</th><th scope="col">Perché nessuna</th></tr></thead>
        <tbody>${w.items.map((i) => html`<tr>
          <th scope="row"><a href=${`/persone/${seg(i.candidateId)}/offerte`}>${i.firstName} ${i.lastName}</a></th>
          <td>${programmes(i.programmes)}</td>
          <td>${i.vacancies.length === 0 ? "—" : html`<ul>${i.vacancies.map((v) => html`<li><a href=${`/offerte/${seg(v.vacancyId)}`}>${v.requestedProfile}</a>${v.score !== undefined ? ` (${formatNumber(v.score)})` : ""}</li>`)}</ul>`}</td>
          <td>${i.reasons.map((r) => r.label).join("; ") || "—"}</td>
        </tr>`)}</tbody>
      </table>`}
    `}</${Show}>`;
}
