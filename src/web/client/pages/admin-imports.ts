import { useEffect, useState } from "preact/hooks";
import { answer, vetrina } from "../api.js";
import type { Me } from "../session.js";
import { ErrorBox, html, PageTitle, useAction } from "../ui.js";
import type { ImportRun, RowReport } from "../types.js";

const OUTCOME_LABELS: Record<string, string> = { created: "creata", updated: "aggiornata", unchanged: "invariata", rejected: "scartata" };
const TOTAL_LABELS: Record<string, string> = { created: "create", updated: "aggiornate", unchanged: "invariate", rejected: "scartate" };
const FINISHED = ["completed", "failed", "abandoned", "completata", "fallita"];

/** Upload a showcase or people spreadsheet; follow its progress and read the row-by-row report. */
export function ImportsPage({ me }: { me: Me }) {
  const [kind, setKind] = useState<"vacancies" | "candidates">("vacancies");
  const [run, setRun] = useState<ImportRun | null>(null);
  const [rows, setRows] = useState<RowReport[] | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    setRows(null);
    await action.run(async () => {
      const accepted = await answer(
        vetrina().POST(kind === "vacancies" ? "/api/v1/imports/vacancies" : "/api/v1/imports/candidates", { body: form as never, bodySerializer: (body: unknown) => body as FormData }),
      );
      setRun(await answer(vetrina().GET("/api/v1/imports/{id}", { params: { path: { id: accepted.id } } })));
    });
  };
  // Follow the import while it runs, then read its rows.
  useEffect(() => {
    if (!run) return;
    if (!FINISHED.includes(run.status) && !run.totals) {
      const timer = setTimeout(() => answer(vetrina().GET("/api/v1/imports/{id}", { params: { path: { id: run.id } } })).then(setRun, () => undefined), 500);
      return () => clearTimeout(timer);
    }
    answer(vetrina().GET("/api/v1/imports/{id}/rows", { params: { path: { id: run.id }, query: { pageSize: 200 } } })).then((r) => setRows(r.items), () => setRows([]));
    return undefined;
  }, [run]);
  if (me.role !== "admin" && me.role !== "referent") return html`<${PageTitle} text="Importazioni" /><p>Solo l'amministrazione e i referenti importano file.</p>`;
  return html`
    <${PageTitle} text="Importazioni" />
    <form onSubmit=${submit}>
      <fieldset><legend>Che cosa importare</legend>
        <div class="check"><input type="radio" id="k-v" name="kind" checked=${kind === "vacancies"} onChange=${() => setKind("vacancies")} /><label for="k-v">La vetrina (colonne del file regionale)</label></div>
        <div class="check"><input type="radio" id="k-c" name="kind" checked=${kind === "candidates"} onChange=${() => setKind("candidates")} /><label for="k-c">Persone</label></div>
      </fieldset>
      <div class="field"><label for="file">File .xlsx o .csv</label><input id="file" name="file" type="file" accept=".xlsx,.csv" required /></div>
      <${ErrorBox} error=${action.error} />
      <button type="submit" disabled=${action.busy}>Carica</button>
    </form>
    ${run && html`<section aria-labelledby="esito-import" aria-live="polite">
      <h2 id="esito-import">Importazione ${run.fileName ?? ""}</h2>
      <p role="status">Stato: ${run.status} · righe lette ${run.progress.done}${run.progress.total !== null ? ` su ${run.progress.total}` : ""}</p>
      ${run.totals && html`<p class="figures">${Object.entries(run.totals).map(([k, n]) => html`<span>${TOTAL_LABELS[k] ?? k} <strong>${n}</strong></span>`)}</p>`}
      ${run.error && html`<p class="error">${run.error.message}</p>`}
      ${rows && html`<table><caption>Esito riga per riga</caption>
        <thead><tr><th scope="col">Riga</th><th scope="col">Esito</th><th scope="col">Che cosa</th><th scope="col">Problemi</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr class=${r.outcome === "rejected" ? "rejected" : ""}><th scope="row">${r.row}</th><td>${OUTCOME_LABELS[r.outcome] ?? r.outcome}</td><td>${r.label ?? "—"}</td>
          <td>${[...(r.errors ?? []), ...(r.warnings ?? [])].map((p) => html`<div>${p.column}: ${p.message}</div>`)}</td></tr>`)}</tbody></table>`}
    </section>`}`;
}
