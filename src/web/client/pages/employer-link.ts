import { answer, vetrina } from "../api.js";
import { seg } from "../router.js";
import { OUTCOME_LABELS } from "../labels.js";
import { ErrorBox, formatDate, html, inputValue, PageTitle, Show, useAction, useLoad } from "../ui.js";
import { DeclineList } from "./decline-list.js";
import type { LinkPerson, LinkView } from "../types.js";

/** What an employer may record through the link (a no-show is the CPI's to record). */
const LINK_OUTCOMES = ["interviewed", "hired", "not_selected", "withdrew"] as const;

/** The employer's page behind the delivery link: no account, the token in the address is the credential. */
export function EmployerLinkPage({ token }: { token: string }) {
  const view = useLoad(() => answer(vetrina(null).GET("/api/v1/link/{token}", { params: { path: { token } } })), [token]);
  const base = `/api/v1/link/${seg(token)}`;
  return html`<${Show} loaded=${view} what="della rosa">${(v: LinkView) => html`
    <${PageTitle} text=${`Rosa di candidati: ${v.vacancy.requestedProfile}`} />
    <p class="meta">${v.vacancy.companyName} · ${v.vacancy.positions} ${v.vacancy.positions === 1 ? "posizione" : "posizioni"}${v.vacancy.workplace ? ` · ${v.vacancy.workplace}` : ""} · ${v.statusLabel}</p>
    <p>Inviata il ${formatDate(v.sentAt)}${v.outcomeCheckDue ? `; il centro per l'impiego verificherà gli esiti entro il ${formatDate(v.outcomeCheckDue)}` : ""}. Il collegamento scade il ${formatDate(v.link.expiresAt)}.</p>
    ${v.referent && html`<p>Referente: ${v.referent.name} (${v.referent.cpi}), <a href=${`mailto:${v.referent.email}`}>${v.referent.email}</a></p>`}
    ${v.readOnlyMessage && html`<p class="warning">${v.readOnlyMessage}</p>`}
    ${v.declinedReason && html`<p class="warning">Rosa rifiutata: ${v.declinedReason}</p>`}
    <p class="actions"><a class="button secondary" href=${`${base}/lista.xlsx`} download>Scarica in Excel</a> <a class="button secondary" href=${`${base}/lista.pdf`} download>Scarica in PDF</a></p>
    <section aria-labelledby="persone-rosa">
      <h2 id="persone-rosa">Persone proposte</h2>
      <ol class="cards">${v.people.map((p, i) => html`<li><${PersonCard} person=${p} position=${i + 1} token=${token} readOnly=${v.readOnly} onDone=${view.reload} /></li>`)}</ol>
    </section>
    ${!v.readOnly && html`<${DeclineList} decline=${(reason: string) => answer(vetrina(null).POST("/api/v1/link/{token}/decline", { params: { path: { token } }, body: { reason } }))} onDone=${view.reload} />`}
  `}</${Show}>`;
}

function PersonCard({ person: p, position, token, readOnly, onDone }: { person: LinkPerson; position: number; token: string; readOnly: boolean; onDone: () => void }) {
  const action = useAction();
  const id = `esito-${p.entryId}`;
  const record = async (outcome: string) => outcome && (await action.run(() => answer(vetrina(null).POST("/api/v1/link/{token}/entries/{entryId}/outcome", { params: { path: { token, entryId: p.entryId } }, body: { outcome: outcome as "hired" } })))) && onDone();
  return html`<article class="card">
    <h3><span class="rank">${position}</span> ${p.name}</h3>
    <p class="meta">${p.distanceBandLabel ?? ""}${p.profile.education ? ` · ${p.profile.education.toLowerCase()}` : ""}</p>
    <p><strong>Disponibile per:</strong> ${p.profile.availableFor.join(", ") || "—"}</p>
    ${p.experiences.length > 0 && html`<p><strong>Esperienze:</strong></p><ul>${p.experiences.map((x) => html`<li>${x.profileTitle}${x.sector ? `, ${x.sector}` : ""} (${x.from ?? "?"} – ${x.to ?? "oggi"})${x.relevant ? " · pertinente" : ""}</li>`)}</ul>`}
    <p><strong>Competenze:</strong> ${p.competences.join("; ") || "—"}</p>
    <p><strong>${p.contact.label}:</strong> ${p.contact.email && html`<a href=${`mailto:${p.contact.email}`}>${p.contact.email}</a>`} ${"phone" in p.contact ? (p.contact.phone ?? "") : ""}</p>
    ${readOnly
      ? html`<p>Esito: ${p.outcomeLabel}</p>`
      : html`<div class="field small"><label for=${id}>Esito per ${p.name} (n. ${position})</label>
          <select id=${id} value=${p.outcome ?? ""} disabled=${action.busy} onChange=${(e: Event) => record(inputValue(e))}>
            <option value="">${OUTCOME_LABELS.none}</option>
            ${LINK_OUTCOMES.map((o) => html`<option value=${o}>${OUTCOME_LABELS[o]}</option>`)}
          </select></div>`}
    <${ErrorBox} error=${action.error} />
  </article>`;
}

