import { answer, vetrina } from "../api.js";
import type { Me } from "../session.js";
import { ErrorBox, formatDateTime, html, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { JobsOverview } from "../types.js";

/** The scheduled jobs: timetables with last and next run, the backlog, and the jobs that failed for good. */
export function JobsPage({ me }: { me: Me }) {
  const jobs = useLoad(() => answer(vetrina().GET("/api/v1/jobs")), []);
  if (me.role !== "admin") return html`<${PageTitle} text="Job pianificati" /><p>Solo l'amministrazione regionale.</p>`;
  return html`
    <${PageTitle} text="Job pianificati" />
    <${Show} loaded=${jobs} what="dei job">${(j: JobsOverview) => html`
      <table><caption>Orari</caption>
        <thead><tr><th scope="col">Job</th><th scope="col">Orario (cron)</th><th scope="col">Ultima esecuzione</th><th scope="col">Prossima</th></tr></thead>
        <tbody>${j.schedules.map((s) => html`<tr><th scope="row">${s.name}</th><td><code>${s.cron}</code></td>
          <td>${s.lastRun ? `${formatDateTime(s.lastRun.startedAt)} · ${s.lastRun.status}${s.lastRun.error ? ` · ${s.lastRun.error}` : ""}` : "mai"}</td>
          <td>${formatDateTime(s.nextRunAt)}</td></tr>`)}</tbody></table>
      <h2>In coda</h2>
      ${j.backlog.length === 0 ? html`<p>Nessun job in attesa.</p>` : html`<ul>${j.backlog.map((b) => html`<li>${b.kind}: ${b.queued} in coda, ${b.running} in esecuzione</li>`)}</ul>`}
      <h2>Falliti</h2>
      ${j.failures.length === 0 ? html`<p>Nessun job fallito.</p>` : html`<ul>${j.failures.map((f) => html`<li>${f.kind} · ${formatDateTime(f.finishedAt)} · ${f.lastError ?? ""} <${Retry} id=${f.id} onDone=${jobs.reload} /></li>`)}</ul>`}
    `}</${Show}>`;
}

function Retry({ id, onDone }: { id: string; onDone: () => void }) {
  const action = useAction();
  return html`<button type="button" class="link" disabled=${action.busy} onClick=${async () => (await action.run(() => answer(vetrina().POST("/api/v1/jobs/{id}/retry", { params: { path: { id } } })))) && onDone()}>Rimetti in coda</button><${ErrorBox} error=${action.error} />`;
}
