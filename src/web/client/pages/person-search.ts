import { useState } from "preact/hooks";
import { answer, vetrina } from "../api.js";
import { ErrorBox, html, inputValue, useAction } from "../ui.js";
import type { PersonHit } from "../types.js";

/** Finds people of the operator's CPIs (profile, competences, tax code) and hands the chosen one to `onPick`. */
export function PersonSearch({ idPrefix, label, actionLabel, onPick }: { idPrefix: string; label: string; actionLabel: string; onPick: (p: PersonHit) => void }) {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const action = useAction();
  const find = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => setHits((await answer(vetrina().GET("/api/v1/candidates", { params: { query: { q, pageSize: 10 } } }))).items));
  };
  return html`<div>
    <form class="search" onSubmit=${find}>
      <div class="field grow">
        <label for=${`${idPrefix}-q`}>${label}</label>
        <input id=${`${idPrefix}-q`} type="search" value=${q} onInput=${(e: Event) => setQ(inputValue(e))} required />
      </div>
      <button type="submit">Cerca</button>
    </form>
    <${ErrorBox} error=${action.error} />
    ${hits &&
    (hits.length === 0
      ? html`<p role="status">Nessuna persona trovata nei tuoi CPI.</p>`
      : html`<ul class="hits">${hits.map((p) => html`<li>
          <span>${p.firstName} ${p.lastName} · ${p.domicile?.name ?? "—"} · ${p.declaredProfiles.map((d) => d.title).join(", ")}</span>
          <button type="button" class="secondary" onClick=${() => onPick(p)}>${actionLabel}<span class="sr-only">: ${p.firstName} ${p.lastName}</span></button>
        </li>`)}</ul>`)}
  </div>`;
}
