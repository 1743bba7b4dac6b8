import { useState } from "preact/hooks";
import { answer, ApiError, clean, vetrina } from "../api.js";
import { DECLINE_REASON_LABELS, DECLINE_REASONS, PROPOSAL_STATUS_LABELS } from "../labels.js";
import { navigate, seg, useLocation } from "../router.js";
import { canManageVacancies, type Me } from "../session.js";
import { ErrorBox, formatDateTime, html, inputValue, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { Proposal } from "../types.js";

/**
 * Proposals ("segnalazioni"): a referent reviews those on their vacancies and accepts or declines with a reason;
 * a tutor or navigator follows the ones they made (made from a vacancy's "Persone adatte" page).
 */
export function ProposalsPage({ me }: { me: Me }) {
  const { search } = useLocation();
  const reviewer = canManageVacancies(me);
  const status = search.get("stato") ?? (reviewer ? "in_attesa" : "");
  const list = useLoad(() => answer(vetrina().GET("/api/v1/proposals", { params: { query: clean({ mine: reviewer ? undefined : ("true" as const), status: status || undefined, pageSize: 50 }) } })), [status]);
  return html`
    <${PageTitle} text=${reviewer ? "Segnalazioni da esaminare" : "Le mie segnalazioni"} />
    ${!reviewer && html`<p>Per segnalare una persona apri un'offerta dalla <a href="/vetrina">vetrina</a> e scegli «Persone adatte».</p>`}
    <div class="field small">
      <label for="stato">Stato</label>
      <select id="stato" value=${status} onChange=${(e: Event) => navigate(`/segnalazioni?stato=${encodeURIComponent(inputValue(e))}`)}>
        <option value="">Tutti</option>
        ${Object.entries(PROPOSAL_STATUS_LABELS).map(([code, label]) => html`<option value=${code}>${label}</option>`)}
      </select>
    </div>
    <${Show} loaded=${list} what="delle segnalazioni">${(page: { total: number; items: Proposal[] }) => page.items.length === 0
      ? html`<p role="status">Nessuna segnalazione.</p>`
      : html`<ol class="cards">${page.items.map((p) => html`<li><${ProposalCard} proposal=${p} reviewer=${reviewer} onDone=${list.reload} /></li>`)}</ol>`}</${Show}>`;
}

function ProposalCard({ proposal: p, reviewer, onDone }: { proposal: Proposal; reviewer: boolean; onDone: () => void }) {
  return html`<article class="card">
    <h2 class="h3"><a href=${`/offerte/${seg(p.vacancy.id)}`}>${p.vacancy.requestedProfile}</a> · ${p.vacancy.companyName}</h2>
    <p class="meta"><span class=${`badge proposal-${p.status}`}>${p.statusLabel}</span> ${p.candidate.name}, segnalata/o da ${p.proposedBy?.name ?? "—"} il ${formatDateTime(p.createdAt)}</p>
    <p>«${p.note}»</p>
    ${p.decidedAt && html`<p>Decisione di ${p.decidedBy?.name ?? "—"} il ${formatDateTime(p.decidedAt)}${p.declineReasonLabel ? `: ${p.declineReasonLabel}` : ""}${p.declineNote ? ` («${p.declineNote}»)` : ""}</p>`}
    ${reviewer && p.status === "in_attesa" && html`<${Decide} proposal=${p} onDone=${onDone} />`}
  </article>`;
}

/** Accept (the person joins the list in preparation) or decline with one of the fixed reasons. */
function Decide({ proposal: p, onDone }: { proposal: Proposal; onDone: () => void }) {
  const [mode, setMode] = useState<"idle" | "decline" | "exception">("idle");
  const [reason, setReason] = useState<string>(DECLINE_REASONS[0]);
  const [note, setNote] = useState("");
  const [exceptionMessage, setExceptionMessage] = useState("");
  const [exceptionReason, setExceptionReason] = useState("");
  const action = useAction();
  const accept = async (confirm: boolean) => {
    let refusal: ApiError | undefined;
    const ok = await action.run(() =>
      answer(vetrina().POST("/api/v1/proposals/{id}/accept", { params: { path: { id: p.id } }, body: confirm ? { confirmException: true, exceptionReason } : {} })).catch((e) => {
        if (e instanceof ApiError && e.code === "EXCLUDED_NEEDS_CONFIRMATION") refusal = e;
        throw e;
      }),
    );
    if (refusal) {
      action.clear();
      setExceptionMessage(refusal.message);
      setMode("exception");
    }
    if (ok) onDone();
  };
  const decline = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => answer(vetrina().POST("/api/v1/proposals/{id}/decline", { params: { path: { id: p.id } }, body: note ? { reason, note } : { reason } })))) onDone();
  };
  const idp = `p-${p.id}`;
  return html`<div class="decide">
    ${mode === "idle" && html`<button type="button" onClick=${() => accept(false)} disabled=${action.busy}>Accetta e metti in rosa</button>
      <button type="button" class="secondary" onClick=${() => setMode("decline")}>Rifiuta…</button>`}
    ${mode === "exception" && html`<div class="warning" role="alert"><p>${exceptionMessage}</p>
      <div class="field"><label for=${`${idp}-exc`}>Motivo dell'eccezione</label>
        <input id=${`${idp}-exc`} required minlength="3" value=${exceptionReason} onInput=${(e: Event) => setExceptionReason(inputValue(e))} /></div>
      <button type="button" onClick=${() => accept(true)} disabled=${action.busy || exceptionReason.trim().length < 3}>Conferma l'eccezione e accetta</button>
      <button type="button" class="secondary" onClick=${() => setMode("idle")}>Annulla</button></div>`}
    ${mode === "decline" && html`<form onSubmit=${decline}>
      <div class="field"><label for=${`${idp}-reason`}>Motivo del rifiuto</label>
        <select id=${`${idp}-reason`} value=${reason} onChange=${(e: Event) => setReason(inputValue(e))}>
          ${DECLINE_REASONS.filter((r) => r !== "offerta_chiusa").map((r) => html`<option value=${r}>${DECLINE_REASON_LABELS[r]}</option>`)}
        </select></div>
      <div class="field"><label for=${`${idp}-note`}>Nota per chi ha segnalato${reason === "altro" ? " (obbligatoria)" : ""}</label>
        <textarea id=${`${idp}-note`} required=${reason === "altro"} value=${note} onInput=${(e: Event) => setNote(inputValue(e))}></textarea></div>
      <button type="submit" class="danger" disabled=${action.busy}>Rifiuta la segnalazione</button>
      <button type="button" class="secondary" onClick=${() => setMode("idle")}>Annulla</button>
    </form>`}
    <${ErrorBox} error=${action.error} />
    ${action.error instanceof ApiError && action.error.fields.some((f) => f.field === "shortlist") &&
    html`<p><a href=${`/offerte/${seg(p.vacancy.id)}/rosa`}>Prepara la rosa dell'offerta</a>, poi accetta la segnalazione.</p>`}
  </div>`;
}
