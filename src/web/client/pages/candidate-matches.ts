import { answer, vetrina } from "../api.js";
import { seg } from "../router.js";
import type { Me } from "../session.js";
import { formatNumber, html, PageTitle, Show, useLoad } from "../ui.js";
import type { CandidateMatches } from "../types.js";
import { Components, CongruaBadge, CongruaDetails } from "./match-details.js";
import { CongruaOffers, RecordFact } from "./congrua-offers.js";

/** For one person, the open vacancies that fit best, with what they miss. */
export function CandidateMatchesPage({ params }: { me: Me; params: Record<string, string> }) {
  const id = params.id!;
  const matches = useLoad(() => answer(vetrina().GET("/api/v1/candidates/{id}/matches", { params: { path: { id }, query: { pageSize: 20 } } })), [id]);
  return html`
    <${PageTitle} text="Offerte adatte alla persona" />
    <${Show} loaded=${matches} what="delle offerte adatte">${(m: CandidateMatches) => html`
      <p class="figures"><span>spostamenti: ${m.travel.basis}</span><span><strong>${m.total}</strong> offerte in elenco</span><span>${m.excluded} escluse da un vincolo</span></p>
      <ol class="matches">${m.items.map((v) => html`<li><article class="card match">
        <header>
          <span class="rank">${v.rank}</span>
          <h2 class="h3"><a href=${`/offerte/${seg(v.vacancy.id)}`}>${v.vacancy.title}</a></h2>
          <span class="score" aria-label=${`punteggio ${formatNumber(v.score)} su 100`}>${formatNumber(v.score)}</span>
          <span class=${`badge ${v.qualified ? "ok" : "no"}`}>${v.qualified ? "Idonea" : "Non idonea"}</span>
          <${CongruaBadge} congrua=${v.congrua} />
        </header>
        <p class="meta">${v.vacancy.companyName} · ${v.vacancy.comune ?? "—"}${v.vacancy.province ? ` (${v.vacancy.province})` : ""}</p>
        ${v.missingCompetences.length > 0 && html`<p><strong>Competenze mancanti:</strong> ${v.missingCompetences.map((c) => c.competence).join("; ")}</p>`}
        <details><summary>Dettagli del punteggio e congruità</summary>
          <${Components} components=${v.components} />
          <${CongruaDetails} congrua=${v.congrua} />
        </details>
      </article></li>`)}</ol>
    `}</${Show}>
    <${CongruaOffers} candidateId=${id} />
    <${RecordFact} candidateId=${id} />`;
}
