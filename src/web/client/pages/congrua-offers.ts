import { useState } from "preact/hooks";
import type { components } from "../../../api-client/openapi-types.js";
import { answer, vetrina } from "../api.js";
import { CONDITIONALITY_KIND_LABELS, FACT_KINDS, OFFER_CHANNEL_LABELS, OFFER_CHANNELS, REFUSAL_REASON_LABELS, REFUSAL_REASONS } from "../labels.js";
import { seg } from "../router.js";
import { ErrorBox, formatDate, html, inputValue, Show, useAction, useLoad } from "../ui.js";
import { CongruaBadge } from "./match-details.js";
import type { CongruaOffer } from "../types.js";

/** A person's congrua offers: the verdict as it was on the day, the outcome and the conditionality events it opened. */
export function CongruaOffers({ candidateId }: { candidateId: string }) {
  const offers = useLoad(
    () => answer(vetrina().GET("/api/v1/candidates/{id}/congrua-offers", { params: { path: { id: candidateId }, query: { pageSize: 50 } } })),
    [candidateId],
  );
  return html`<section aria-labelledby="offerte-congrue">
    <h2 id="offerte-congrue">Offerte congrue fatte alla persona</h2>
    <${Show} loaded=${offers} what="delle offerte congrue">${(page: { items: CongruaOffer[] }) => page.items.length === 0
      ? html`<p>Nessuna offerta registrata.</p>`
      : html`<ol class="cards">${page.items.map((o) => html`<li><${OfferCard} offer=${o} onDone=${offers.reload} /></li>`)}</ol>`}</${Show}>
  </section>`;
}

function OfferCard({ offer: o, onDone }: { offer: CongruaOffer; onDone: () => void }) {
  const [outcome, setOutcome] = useState("");
  const [reason, setReason] = useState<string>(REFUSAL_REASONS[0]);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = (outcome === "rifiutata_giustificata" ? { outcome, refusalReason: reason } : { outcome }) as components["schemas"]["CongruaOfferOutcome"];
    if (await action.run(() => answer(vetrina().POST("/api/v1/congrua-offers/{id}/outcome", { params: { path: { id: o.id } }, body })))) onDone();
  };
  const title = o.terms.profile;
  return html`<article class="card">
    <h3>${o.vacancyId ? html`<a href=${`/offerte/${seg(o.vacancyId)}`}>${title}</a>` : title} · ${o.terms.employerName}</h3>
    <p class="meta"><${CongruaBadge} congrua=${{ verdict: o.congrua.verdict, evaluations: [] }} /> offerta il ${formatDate(o.offeredAt)} (${o.channelLabel}) · esito: <strong>${o.outcomeLabel}</strong>${o.refusalReasonLabel ? ` (${o.refusalReasonLabel})` : ""}</p>
    ${o.conditionalityEvents.length > 0 && html`<ul>${o.conditionalityEvents.map((e) => html`<li>Condizionalità: ${e.kindLabel}${e.sanction ? ` · ${e.sanction}` : ""} · ${e.reportedAt ? `comunicata il ${formatDate(e.reportedAt)}` : e.toReport ? "da comunicare" : "non da comunicare"}</li>`)}</ul>`}
    ${o.nextOutcomes.length > 0 && html`<form class="inline-form" onSubmit=${submit}>
      <div class="field small"><label for=${`esito-${o.id}`}>Esito dell'offerta</label>
        <select id=${`esito-${o.id}`} value=${outcome} onChange=${(e: Event) => setOutcome(inputValue(e))} required>
          <option value="">Scegli…</option>
          ${o.nextOutcomes.map((n) => html`<option value=${n.outcome}>${n.label}</option>`)}
        </select></div>
      ${outcome === "rifiutata_giustificata" && html`<div class="field"><label for=${`motivo-${o.id}`}>Giustificato motivo</label>
        <select id=${`motivo-${o.id}`} value=${reason} onChange=${(e: Event) => setReason(inputValue(e))}>
          ${REFUSAL_REASONS.map((r) => html`<option value=${r}>${REFUSAL_REASON_LABELS[r]}</option>`)}
        </select></div>`}
      <button type="submit" disabled=${action.busy || !outcome}>Registra l'esito</button>
    </form>`}
    <${ErrorBox} error=${action.error} />
  </article>`;
}

/** A missed appointment, active measure or SFL confirmation: recorded, and reported when the person has a benefit. */
export function RecordFact({ candidateId }: { candidateId: string }) {
  const [kind, setKind] = useState<(typeof FACT_KINDS)[number]>(FACT_KINDS[0]);
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  const [justified, setJustified] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { kind, occurredAt: day, ...(justified ? { justified: { reason: justified as (typeof REFUSAL_REASONS)[number] } } : {}) };
    let answered: { toReport: boolean } | undefined;
    if (await action.run(async () => (answered = await answer(vetrina().POST("/api/v1/candidates/{id}/conditionality-events", { params: { path: { id: candidateId } }, body })))))
      setDone(answered?.toReport ? "Registrato: da comunicare ad ANPAL e INPS." : "Registrato, senza segnalazione.");
  };
  return html`<section aria-labelledby="fatto">
    <h2 id="fatto">Registra un fatto di condizionalità</h2>
    <form onSubmit=${submit}>
      <div class="field"><label for="f-kind">Fatto</label>
        <select id="f-kind" value=${kind} onChange=${(e: Event) => setKind(inputValue(e) as typeof kind)}>
          ${FACT_KINDS.map((k) => html`<option value=${k}>${CONDITIONALITY_KIND_LABELS[k]}</option>`)}
        </select></div>
      <div class="field small"><label for="f-day">Giorno</label><input id="f-day" type="date" required value=${day} onInput=${(e: Event) => setDay(inputValue(e))} /></div>
      <div class="field"><label for="f-just">Giustificato motivo</label>
        <select id="f-just" value=${justified} onChange=${(e: Event) => setJustified(inputValue(e))}>
          <option value="">Nessuno (assenza non giustificata)</option>
          ${REFUSAL_REASONS.map((r) => html`<option value=${r}>${REFUSAL_REASON_LABELS[r]}</option>`)}
        </select></div>
      <${ErrorBox} error=${action.error} />
      <button type="submit" disabled=${action.busy}>Registra il fatto</button>
      ${done && html`<p class="success" role="status">${done}</p>`}
    </form>
  </section>`;
}

/** From a list entry sent to the employer: the offer is recorded with the vacancy's terms, in one step. */
export function OfferFromEntry({ vacancyId, candidateId, name }: { vacancyId: string; candidateId: string; name: string }) {
  const [channel, setChannel] = useState<(typeof OFFER_CHANNELS)[number]>("email");
  const [done, setDone] = useState(false);
  const action = useAction();
  if (done) return html`<p class="success" role="status">Offerta congrua registrata: <a href=${`/persone/${seg(candidateId)}/offerte`}>esito</a></p>`;
  const id = `canale-${candidateId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/entries/{candidateId}/congrua-offer", { params: { path: { id: vacancyId, candidateId } }, body: { channel } })))) setDone(true);
  };
  return html`<form class="inline-form" onSubmit=${submit}>
    <label class="sr-only" for=${id}>Canale dell'offerta a ${name}</label>
    <select id=${id} value=${channel} onChange=${(e: Event) => setChannel(inputValue(e) as typeof channel)}>
      ${OFFER_CHANNELS.map((c) => html`<option value=${c}>${OFFER_CHANNEL_LABELS[c]}</option>`)}
    </select>
    <button type="submit" class="secondary" disabled=${action.busy}>Registra offerta congrua<span class="sr-only"> a ${name}</span></button>
    <${ErrorBox} error=${action.error} />
  </form>`;
}
