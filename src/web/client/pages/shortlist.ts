import { useState } from "preact/hooks";
import { answer, ApiError, vetrina } from "../api.js";
import { seg } from "../router.js";
import { CONTACT_STATUS_LABELS, OUTCOME_LABELS } from "../labels.js";
import { canManageVacancies, type Me } from "../session.js";
import { ErrorBox, formatDate, formatDateTime, formatNumber, html, inputValue, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { Answer, EmployerShortlist, OperatorShortlist, PersonHit, Shortlist, ShortlistEntry } from "../types.js";
import { PersonSearch } from "./person-search.js";
import { OfferFromEntry } from "./congrua-offers.js";
import { DeclineList } from "./decline-list.js";

const OUTCOMES = Object.keys(OUTCOME_LABELS).filter((o) => o !== "none") as (keyof typeof OUTCOME_LABELS)[];

/** The candidate list of a vacancy: build, adjust, mark availability, send, record outcomes; cap and pool always in sight. */
export function ShortlistPage({ me, params }: { me: Me; params: Record<string, string> }) {
  const id = params.id!;
  const vacancy = useLoad(() => answer(vetrina().GET("/api/v1/vacancies/{id}", { params: { path: { id } } })), [id]);
  const list = useLoad(() => answer(vetrina().GET("/api/v1/vacancies/{id}/shortlist", { params: { path: { id } } })).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))), [id]);
  const manage = canManageVacancies(me);
  const onList = list.data && "counts" in list.data ? list.data.counts.onList : null;
  const pool = useLoad(() => (manage ? answer(vetrina().GET("/api/v1/vacancies/{id}/matches", { params: { path: { id }, query: { pageSize: 1 } } })).then((m) => m.pool) : Promise.resolve(null)), [id, onList]);
  return html`
    <p class="crumbs"><a href="/vetrina">Vetrina</a> › <a href=${`/offerte/${seg(id)}`}>${vacancy.data?.requestedProfile ?? "Offerta"}</a> › Rosa</p>
    <${PageTitle} text=${`Rosa di candidati${vacancy.data ? `: ${vacancy.data.requestedProfile}` : ""}`} />
    <${Show} loaded=${list} what="della rosa">${(s: Shortlist | null) =>
      s === null
        ? html`<p>Nessuna rosa per questa offerta.</p>${manage && html`<${BuildButton} vacancyId=${id} onDone=${list.reload} />`}`
        : !("counts" in s)
          ? html`<${SentToEmployer} shortlist=${s} vacancyId=${id} onChange=${list.reload} />`
          : html`
      <section class="pool" aria-labelledby="numeri">
        <h2 id="numeri">Stato e numeri</h2>
        <p class="figures">
          <span class=${`badge list-${s.status}`}>${s.statusLabel}</span>
          <span>in rosa <strong>${s.counts.onList}</strong> su un tetto di <strong>${s.cap}</strong></span>
          <span>disponibili <strong>${s.counts.available}</strong></span>
          ${pool.data && html`<span>altre idonee fuori dalla rosa <strong>${pool.data.qualified}</strong></span>`}
          ${s.sentAt && html`<span>inviata il ${formatDate(s.sentAt)}</span>`}
          ${s.outcomeCheckDue && html`<span>verifica dell'esito entro il ${formatDate(s.outcomeCheckDue)}</span>`}
        </p>
        ${pool.data?.message && html`<p class=${pool.data.exceedsCap ? "warning" : ""}>${pool.data.message} <a href=${`/offerte/${seg(id)}/abbinamenti`}>Restringi il bacino</a></p>`}
        ${s.declinedReason && html`<p class="warning">L'azienda ha rifiutato la rosa: ${s.declinedReason}</p>`}
        ${manage && s.status === "draft" && html`<${SendButton} vacancyId=${id} available=${s.counts.available} onDone=${list.reload} />`}
      </section>
      <${Entries} shortlist=${s} vacancyId=${id} manage=${manage} me=${me} onChange=${list.reload} />
      ${manage && s.status === "draft" && html`<${AddByHand} vacancyId=${id} onDone=${list.reload} />`}
      ${manage && s.status !== "draft" && html`<${EmployerLinks} vacancyId=${id} />`}
      ${s.history && html`<section aria-labelledby="storia-rosa"><h2 id="storia-rosa">Storia della rosa</h2>
        <ul class="history">${s.history.map((h) => html`<li>${formatDateTime(h.at)} · ${h.typeLabel}${h.reason ? `: ${h.reason}` : ""}${h.byUserName ? ` (${h.byUserName})` : ""}</li>`)}</ul>
      </section>`}
    `}</${Show}>`;
}

function BuildButton({ vacancyId, onDone }: { vacancyId: string; onDone: () => void }) {
  const action = useAction();
  return html`<button type="button" disabled=${action.busy} onClick=${async () => (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist", { params: { path: { id: vacancyId } }, body: {} })))) && onDone()}>Costruisci la rosa dall'abbinamento</button>
    <${ErrorBox} error=${action.error} />`;
}

function SendButton({ vacancyId, available, onDone }: { vacancyId: string; available: number; onDone: () => void }) {
  const action = useAction();
  return html`<div>
    <button type="button" disabled=${action.busy || available === 0} onClick=${async () => (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/send", { params: { path: { id: vacancyId } }, body: {} })))) && onDone()}>
      Invia all'azienda (${available} ${available === 1 ? "persona disponibile" : "persone disponibili"})
    </button>
    ${available === 0 && html`<p class="hint">Si inviano solo le persone che hanno confermato la disponibilità.</p>`}
    <${ErrorBox} error=${action.error} />
  </div>`;
}

/** The employer's view of a sent list: the people sent, the contacts they may use, an outcome each, or the whole list turned down. */
function SentToEmployer({ shortlist: s, vacancyId, onChange }: { shortlist: EmployerShortlist; vacancyId: string; onChange: () => void }) {
  return html`<section aria-labelledby="persone">
    <h2 id="persone">Persone inviate</h2>
    <p class="figures"><span class=${`badge list-${s.status}`}>${s.statusLabel}</span>${s.sentAt && html`<span>inviata il ${formatDate(s.sentAt)}</span>`}</p>
    <table class="entries">
      <thead><tr><th scope="col">Persona</th><th scope="col">Contatto</th><th scope="col">Esito</th></tr></thead>
      <tbody>${s.entries.map((e) => html`<tr>
        <th scope="row">${e.name}<div class="meta">${e.comune}</div></th>
        <td>${e.contact.label}: ${e.contact.email && html`<a href=${`mailto:${e.contact.email}`}>${e.contact.email}</a>`} ${"phone" in e.contact ? (e.contact.phone ?? "") : ""}</td>
        <td>${s.status === "sent" ? html`<${OutcomeSelect} entry=${e} vacancyId=${vacancyId} onDone=${onChange} />` : (e.outcomeLabel ?? "In attesa di esito")}</td>
      </tr>`)}</tbody>
    </table>
    ${s.status === "sent" && html`<${DeclineList} decline=${(reason: string) => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/decline", { params: { path: { id: vacancyId } }, body: { reason } }))} onDone=${onChange} />`}
  </section>`;
}

function Entries({ shortlist: s, vacancyId, manage, me, onChange }: { shortlist: OperatorShortlist; vacancyId: string; manage: boolean; me: Me; onChange: () => void }) {
  const current = s.entries.filter((e) => !e.removed);
  const removed = s.entries.filter((e) => e.removed);
  return html`<section aria-labelledby="persone">
    <h2 id="persone">Persone in rosa</h2>
    ${current.length === 0 ? html`<p>Nessuna persona in rosa.</p>` : html`<table class="entries">
      <thead><tr><th scope="col">Persona</th><th scope="col">Origine</th><th scope="col">Contatto</th><th scope="col">${s.status === "draft" ? "Disponibilità" : "Esito"}</th>${manage && s.status === "draft" && html`<th scope="col">Azioni</th>`}</tr></thead>
      <tbody>${current.map((e) => html`<tr>
        <th scope="row">${e.name}<div class="meta">${e.comune ?? ""}${e.cpi ? ` · ${e.cpi.name}` : ""}${e.score !== null ? ` · ${formatNumber(e.score)} punti` : ""}</div>
          ${e.exception && html`<div class="warning">Eccezione a un vincolo: ${e.exception.reason}</div>`}</th>
        <td>${e.sourceLabel}${e.reason ? html`<div class="meta">${e.reason}</div>` : ""}</td>
        <td>${"email" in e && (e.email || e.phone) ? html`${e.email && html`<a href=${`mailto:${e.email}`}>${e.email}</a>`} ${e.phone ?? ""}` : "contactsWithheld" in e && e.contactsWithheld ? e.contactsWithheld : "—"}</td>
        <td>${s.status === "draft"
          ? manage ? html`<${ContactSelect} entry=${e} vacancyId=${vacancyId} onDone=${onChange} />` : e.contactStatusLabel
          : e.sentToEmployer
            ? html`${(manage || me.role === "employer") && s.status === "sent" ? html`<${OutcomeSelect} entry=${e} vacancyId=${vacancyId} onDone=${onChange} />` : (e.outcomeLabel ?? "In attesa di esito")}
                ${manage && html`<${OfferFromEntry} vacancyId=${vacancyId} candidateId=${e.candidateId} name=${e.name} />`}`
            : "Non inviata"}</td>
        ${manage && s.status === "draft" && html`<td><${RemoveButton} entry=${e} vacancyId=${vacancyId} onDone=${onChange} /></td>`}
      </tr>`)}</tbody>
    </table>`}
    ${removed.length > 0 && html`<details><summary>Tolte dalla rosa (${removed.length})</summary>
      <ul>${removed.map((e) => html`<li>${e.name}: ${e.removedReason ?? "—"}</li>`)}</ul></details>`}
  </section>`;
}

function ContactSelect({ entry, vacancyId, onDone }: { entry: ShortlistEntry; vacancyId: string; onDone: () => void }) {
  const action = useAction();
  const id = `contact-${entry.candidateId}`;
  const change = async (status: string) => (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/entries/{candidateId}/contact", { params: { path: { id: vacancyId, candidateId: entry.candidateId } }, body: { status: status as "available" } })))) && onDone();
  return html`<label class="sr-only" for=${id}>Esito del contatto con ${entry.name}</label>
    <select id=${id} value=${entry.contactStatus} disabled=${action.busy} onChange=${(e: Event) => change(inputValue(e))}>
      ${Object.entries(CONTACT_STATUS_LABELS).map(([code, label]) => html`<option value=${code}>${label}</option>`)}
    </select><${ErrorBox} error=${action.error} />`;
}

export function OutcomeSelect({ entry, vacancyId, onDone }: { entry: Pick<ShortlistEntry, "candidateId" | "name" | "outcome">; vacancyId: string; onDone: () => void }) {
  const action = useAction();
  const id = `outcome-${entry.candidateId}`;
  const change = async (outcome: string) => outcome && (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/entries/{candidateId}/outcome", { params: { path: { id: vacancyId, candidateId: entry.candidateId } }, body: { outcome: outcome as "hired" } })))) && onDone();
  return html`<label class="sr-only" for=${id}>Esito per ${entry.name}</label>
    <select id=${id} value=${entry.outcome ?? ""} disabled=${action.busy} onChange=${(e: Event) => change(inputValue(e))}>
      <option value="">${OUTCOME_LABELS.none}</option>
      ${OUTCOMES.map((code) => html`<option value=${code}>${OUTCOME_LABELS[code]}</option>`)}
    </select><${ErrorBox} error=${action.error} />`;
}

/** Removing asks for the reason, which stays in the list's history. */
function RemoveButton({ entry, vacancyId, onDone }: { entry: ShortlistEntry; vacancyId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const action = useAction();
  if (!open) return html`<button type="button" class="secondary" onClick=${() => setOpen(true)}>Togli<span class="sr-only"> ${entry.name}</span></button>`;
  const id = `remove-${entry.candidateId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/entries/{candidateId}/remove", { params: { path: { id: vacancyId, candidateId: entry.candidateId } }, body: { reason } })))) onDone();
  };
  return html`<form onSubmit=${submit} class="inline-form">
    <label for=${id}>Motivo</label>
    <input id=${id} required minlength="3" value=${reason} onInput=${(e: Event) => setReason(inputValue(e))} />
    <button type="submit" disabled=${action.busy}>Togli dalla rosa</button>
    <${ErrorBox} error=${action.error} />
  </form>`;
}

/** Adding by hand: a reason always; a person a hard constraint excludes only confirming the exception, with its reason. */
function AddByHand({ vacancyId, onDone }: { vacancyId: string; onDone: () => void }) {
  const [person, setPerson] = useState<PersonHit | null>(null);
  const [reason, setReason] = useState("");
  const [needsException, setNeedsException] = useState<string | null>(null);
  const [exceptionReason, setExceptionReason] = useState("");
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!person) return;
    const body = needsException ? { candidateId: person.id, reason, confirmException: true, exceptionReason } : { candidateId: person.id, reason };
    let refusal: ApiError | undefined;
    const ok = await action.run(() =>
      answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/entries", { params: { path: { id: vacancyId } }, body })).catch((e) => {
        if (e instanceof ApiError && e.code === "EXCLUDED_NEEDS_CONFIRMATION") refusal = e;
        throw e;
      }),
    );
    if (refusal) {
      setNeedsException(refusal.message);
      action.clear();
    }
    if (ok) {
      setPerson(null);
      setReason("");
      setNeedsException(null);
      setExceptionReason("");
      onDone();
    }
  };
  return html`<section aria-labelledby="aggiungi">
    <h2 id="aggiungi">Aggiungi a mano</h2>
    <${PersonSearch} idPrefix="add" label="Cerca una persona da aggiungere" actionLabel="Scegli" onPick=${(p: PersonHit) => {
      setPerson(p);
      setNeedsException(null);
    }} />
    ${person && html`<form onSubmit=${submit}>
      <p>Aggiungi <strong>${person.firstName} ${person.lastName}</strong></p>
      <div class="field"><label for="add-reason">Perché la aggiungi</label>
        <input id="add-reason" required minlength="3" value=${reason} onInput=${(e: Event) => setReason(inputValue(e))} /></div>
      ${needsException && html`<div class="warning" role="alert"><p>${needsException}</p>
        <div class="field"><label for="add-exception">Motivo dell'eccezione</label>
          <input id="add-exception" required minlength="3" value=${exceptionReason} onInput=${(e: Event) => setExceptionReason(inputValue(e))} /></div></div>`}
      <${ErrorBox} error=${action.error} />
      <button type="submit" disabled=${action.busy}>${needsException ? "Conferma l'eccezione e aggiungi" : "Aggiungi alla rosa"}</button>
    </form>`}
  </section>`;
}

type LinkRow = Answer<"/api/v1/vacancies/{id}/shortlist/links", "get">[number];

/** Links for the employer to the sent list: issue one (its address is shown once), see their state. */
function EmployerLinks({ vacancyId }: { vacancyId: string }) {
  const links = useLoad(() => answer(vetrina().GET("/api/v1/vacancies/{id}/shortlist/links", { params: { path: { id: vacancyId } } })), [vacancyId]);
  const [email, setEmail] = useState("");
  const [issued, setIssued] = useState<string | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await action.run(async () => setIssued((await answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist/links", { params: { path: { id: vacancyId } }, body: { recipientEmail: email } }))).url))) links.reload();
  };
  return html`<section aria-labelledby="collegamenti">
    <h2 id="collegamenti">Collegamenti per l'azienda</h2>
    <${Show} loaded=${links} what="dei collegamenti">${(rows: LinkRow[]) => rows.length === 0 ? html`<p>Nessun collegamento rilasciato.</p>` : html`<ul>
      ${rows.map((l) => html`<li>${l.recipientEmail} · ${l.stateLabel} · scade il ${formatDate(l.expiresAt)} · ultimo accesso ${formatDateTime(l.lastOpenedAt)}</li>`)}
    </ul>`}</${Show}>
    <form class="search" onSubmit=${submit}>
      <div class="field grow"><label for="link-email">E-mail del referente aziendale</label>
        <input id="link-email" type="email" required value=${email} onInput=${(e: Event) => setEmail(inputValue(e))} /></div>
      <button type="submit" disabled=${action.busy}>Rilascia un collegamento</button>
    </form>
    <${ErrorBox} error=${action.error} />
    ${issued && html`<p role="status">Collegamento (mostrato una sola volta): <a href=${issued}>${issued}</a></p>`}
  </section>`;
}
