import { useState } from "preact/hooks";
import { answer, vetrina } from "../api.js";
import { ROLE_LABELS, type Me, type Role } from "../session.js";
import { ErrorBox, Field, html, inputValue, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { User } from "../types.js";

/** Users: the list, a new user (their token shown once), deactivate and reactivate. */
export function UsersPage({ me }: { me: Me }) {
  const [role, setRole] = useState<Role | "">("");
  const users = useLoad(() => answer(vetrina().GET("/api/v1/users", { params: { query: { pageSize: 100, ...(role ? { role } : {}) } } })), [role]);
  if (me.role !== "admin") return html`<${PageTitle} text="Utenti" /><p>Solo l'amministrazione regionale gestisce gli utenti.</p>`;
  return html`
    <${PageTitle} text="Utenti" />
    <${NewUser} onDone=${users.reload} />
    <div class="field small"><label for="role-filter">Ruolo</label>
      <select id="role-filter" value=${role} onChange=${(e: Event) => setRole(inputValue(e) as Role | "")}>
        <option value="">Tutti</option>${Object.entries(ROLE_LABELS).map(([code, label]) => html`<option value=${code}>${label}</option>`)}
      </select></div>
    <${Show} loaded=${users} what="degli utenti">${(page: { total: number; items: User[] }) => html`
      <p role="status">${page.total} utenti${page.total > page.items.length ? ` (i primi ${page.items.length})` : ""}</p>
      <table><thead><tr><th scope="col">Nome</th><th scope="col">E-mail</th><th scope="col">Ruolo</th><th scope="col">CPI</th><th scope="col">Stato</th></tr></thead>
      <tbody>${page.items.map((u) => html`<tr><th scope="row">${u.name}</th><td>${u.email}</td><td>${ROLE_LABELS[u.role as Role] ?? u.role}</td><td>${u.cpiCodes.join(", ") || "—"}</td>
        <td><${ActiveToggle} user=${u} onDone=${users.reload} /></td></tr>`)}</tbody></table>`}</${Show}>`;
}

function ActiveToggle({ user, onDone }: { user: User; onDone: () => void }) {
  const action = useAction();
  const toggle = async () =>
    (await action.run(() => answer(vetrina().POST(user.active ? "/api/v1/users/{id}/deactivate" : "/api/v1/users/{id}/reactivate", { params: { path: { id: user.id } } })))) && onDone();
  return html`${user.active ? "attivo" : "disattivato"} <button type="button" class="link" onClick=${toggle} disabled=${action.busy}>${user.active ? "Disattiva" : "Riattiva"}<span class="sr-only"> ${user.name}</span></button><${ErrorBox} error=${action.error} />`;
}

function NewUser({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("tutor");
  const [cpis, setCpis] = useState("");
  const [token, setToken] = useState<string | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const cpiCodes = cpis.split(",").map((c) => c.trim()).filter(Boolean);
    if (await action.run(async () => setToken((await answer(vetrina().POST("/api/v1/users", { body: { name, email, role, cpiCodes } }))).token))) onDone();
  };
  return html`<details><summary>Nuovo utente</summary>
    <form onSubmit=${submit}>
      <${Field} label="Nome e cognome" id="u-name"><input id="u-name" required value=${name} onInput=${(e: Event) => setName(inputValue(e))} /></${Field}>
      <${Field} label="E-mail" id="u-email"><input id="u-email" type="email" required value=${email} onInput=${(e: Event) => setEmail(inputValue(e))} /></${Field}>
      <${Field} label="Ruolo" id="u-role"><select id="u-role" value=${role} onChange=${(e: Event) => setRole(inputValue(e) as Role)}>
        ${Object.entries(ROLE_LABELS).filter(([code]) => code !== "employer").map(([code, label]) => html`<option value=${code}>${label}</option>`)}
      </select></${Field}>
      <${Field} label="Codici dei CPI, separati da virgole" id="u-cpis"><input id="u-cpis" value=${cpis} onInput=${(e: Event) => setCpis(inputValue(e))} /></${Field}>
      <${ErrorBox} error=${action.error} />
      <button type="submit" disabled=${action.busy}>Crea l'utente</button>
    </form>
    ${token && html`<p role="status">Token del nuovo utente (mostrato una sola volta): <code>${token}</code></p>`}
  </details>`;
}
