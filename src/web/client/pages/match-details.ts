import { COMPONENT_LABELS, CRITERION_VERDICT, PROGRAMME_LABELS, VERDICT_LABELS } from "../labels.js";
import { formatNumber, html } from "../ui.js";
import type { Component, CongruaVerdict, MatchDetail } from "../types.js";

/** Score components as a table: what each weighs, what it gave, and why. */
export function Components({ components }: { components: Component[] }) {
  return html`<table class="components">
    <caption>Componenti del punteggio</caption>
    <thead><tr><th scope="col">Componente</th><th scope="col">Punti</th><th scope="col">Peso</th><th scope="col">Motivo</th></tr></thead>
    <tbody>${components.map((c) => html`<tr class=${c.applicable ? "" : "muted"}>
      <th scope="row">${COMPONENT_LABELS[c.name] ?? c.name}</th>
      <td>${c.applicable ? formatNumber(c.points) : "—"}</td>
      <td>${c.applicable ? formatNumber(c.weight) : "non applicabile"}</td>
      <td>${c.reason}</td>
    </tr>`)}</tbody>
  </table>`;
}

export function CongruaBadge({ congrua }: { congrua: CongruaVerdict | null }) {
  const verdict = (congrua?.verdict ?? "not_applicable") as keyof typeof VERDICT_LABELS;
  return html`<span class=${`badge verdict-${verdict}`}>${VERDICT_LABELS[verdict] ?? verdict}</span>`;
}

export function CongruaDetails({ congrua }: { congrua: CongruaVerdict | null }) {
  if (!congrua || congrua.evaluations.length === 0) return html`<p>Nessuna regola di congruità applicabile a questa persona.</p>`;
  return html`${congrua.evaluations.map((e) => html`<div class="congrua">
    <p><strong>${e.ruleSet.label}</strong>: <${CongruaBadge} congrua=${{ verdict: e.verdict, evaluations: [] }} /></p>
    <ul>${e.criteria.map((c) => html`<li>${CRITERION_VERDICT[c.verdict] ?? c.verdict}: ${c.reason}</li>`)}</ul>
    ${e.refusalConsequence && html`<p class="hint">Rifiuto: ${e.refusalConsequence}</p>`}
  </div>`)}`;
}

/** Everything that explains one person's place: components, exclusions ("why not"), missing competences, congruity. */
export function MatchExplanation({ match: m }: { match: Pick<MatchDetail, "exclusions" | "components" | "missingCompetences" | "congrua"> }) {
  return html`<div class="explain">
    ${m.exclusions.length > 0 &&
    html`<div class="exclusions"><h4>Perché no</h4><ul>${m.exclusions.map((x) => html`<li>${x.reason}</li>`)}</ul></div>`}
    <${Components} components=${m.components} />
    ${m.missingCompetences.length > 0 &&
    html`<p><strong>Competenze mancanti:</strong> ${m.missingCompetences.map((c) => `${c.competence}${c.mustHave ? " (indispensabile)" : ""}`).join("; ")}</p>`}
    <h4>Congruità dell'offerta</h4>
    <${CongruaDetails} congrua=${m.congrua} />
  </div>`;
}

/** A ranking can outlive a person erased since it was computed: their name is gone. */
export const personName = (m: { candidate: { firstName?: string; lastName?: string } }): string =>
  [m.candidate.firstName, m.candidate.lastName].filter(Boolean).join(" ") || "Nome non disponibile";
export const programmes = (codes: string[]): string => codes.map((c) => PROGRAMME_LABELS[c as keyof typeof PROGRAMME_LABELS] ?? c).join(", ") || "nessun programma";
