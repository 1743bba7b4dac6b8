import { useState } from "preact/hooks";
import { answer, clean, vetrina } from "../api.js";
import { PROGRAMME_LABELS } from "../labels.js";
import { navigate, seg, useLocation } from "../router.js";
import { canManageVacancies, canPropose, type Me } from "../session.js";
import { ErrorBox, formatNumber, html, inputValue, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { Match, MatchDetail, MatchesPage, PersonHit } from "../types.js";
import { CongruaBadge, MatchExplanation, personName, programmes } from "./match-details.js";
import { PersonSearch } from "./person-search.js";

const PAGE_SIZE = 25;

/** The people ranked for a vacancy: score, components, reasons, congruity; the pool against the cap; building the list. */
export function MatchesPage({ me, params }: { me: Me; params: Record<string, string> }) {
  const id = params.id!;
  const { search } = useLocation();
  const key = search.toString();
  const narrow = search.getAll("narrow");
  const vacancy = useLoad(() => answer(vetrina().GET("/api/v1/vacancies/{id}", { params: { path: { id } } })), [id]);
  const matches = useLoad(
    () =>
      answer(
        vetrina().GET("/api/v1/vacancies/{id}/matches", {
          params: {
            path: { id },
            query: clean({
              programme: search.get("programme") ?? undefined,
              maxDistanceKm: search.get("maxDistanceKm") ? Number(search.get("maxDistanceKm")) : undefined,
              onlyQualified: search.get("onlyQualified") === "true" ? ("true" as const) : undefined,
              narrow: narrow.length ? narrow : undefined,
              page: search.get("page") ? Number(search.get("page")) : undefined,
              pageSize: PAGE_SIZE,
            }),
          },
        }),
      ),
    [id, key],
  );
  const go = (next: URLSearchParams) => navigate(`/offerte/${seg(id)}/abbinamenti${next.toString() ? `?${next}` : ""}`);
  const toggleNarrow = (filter: string) => {
    const next = new URLSearchParams(search);
    next.delete("narrow");
    for (const f of narrow.includes(filter) ? narrow.filter((x) => x !== filter) : [...narrow, filter]) next.append("narrow", f);
    go(next);
  };
  const title = vacancy.data ? `Persone adatte: ${vacancy.data.requestedProfile}` : "Persone adatte";
  return html`
    <p class="crumbs"><a href="/vetrina">Vetrina</a> › <a href=${`/offerte/${seg(id)}`}>${vacancy.data?.requestedProfile ?? "Offerta"}</a> › Persone adatte</p>
    <${PageTitle} text=${title} />
    <${MatchFilters} key=${key} search=${search} go=${go} />
    <${Show} loaded=${matches} what="delle persone adatte">${(page: MatchesPage) => html`
      <section class="pool" aria-labelledby="bacino">
        <h2 id="bacino">Bacino e tetto della rosa</h2>
        <p class="figures"><span>${page.pool.qualifiedIsLowerBound ? "almeno " : ""}<strong>${page.pool.qualified}</strong> idonee</span> <span>tetto della rosa <strong>${page.pool.cap}</strong></span> <span>${page.total} persone in elenco</span></p>
        ${page.pool.message && html`<p class=${page.pool.exceedsCap ? "warning" : ""}>${page.pool.message}</p>`}
        ${(page.pool.narrowing.length > 0 || narrow.length > 0) &&
        html`<fieldset class="facet"><legend>Restringi il bacino</legend>
          ${[...new Set([...narrow, ...page.pool.narrowing.map((o) => o.filter)])].map((filter, i) => {
            const option = page.pool.narrowing.find((o) => o.filter === filter);
            return html`<div class="check">
              <input type="checkbox" id=${`narrow-${i}`} checked=${narrow.includes(filter)} onChange=${() => toggleNarrow(filter)} />
              <label for=${`narrow-${i}`}>${option ? `${option.label} (restano ${option.remaining})` : filter}</label>
            </div>`;
          })}
        </fieldset>`}
        ${canManageVacancies(me) && html`<${BuildList} vacancyId=${id} narrow=${narrow} />`}
      </section>
      <section aria-labelledby="elenco">
        <h2 id="elenco">Persone in ordine di idoneità</h2>
        <ol class="matches">${page.items.map((m) => html`<li><${MatchRow} match=${m} me=${me} vacancyId=${id} /></li>`)}</ol>
        ${page.total > page.page * PAGE_SIZE &&
        html`<button type="button" onClick=${() => {
          const next = new URLSearchParams(search);
          next.set("page", String(page.page + 1));
          go(next);
        }}>Pagina successiva</button>`}
      </section>
    `}</${Show}>
    ${canPropose(me) && html`<${ProposeAnyone} vacancyId=${id} />`}
    <${WhyNot} vacancyId=${id} />`;
}

function MatchFilters({ search, go }: { search: URLSearchParams; go: (next: URLSearchParams) => void }) {
  const [programme, setProgramme] = useState(search.get("programme") ?? "");
  const [km, setKm] = useState(search.get("maxDistanceKm") ?? "");
  const [onlyQualified, setOnlyQualified] = useState(search.get("onlyQualified") === "true");
  const submit = (event: Event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of search.getAll("narrow")) next.append("narrow", f);
    if (programme) next.set("programme", programme);
    if (km) next.set("maxDistanceKm", km);
    if (onlyQualified) next.set("onlyQualified", "true");
    go(next);
  };
  return html`<form class="search" onSubmit=${submit} aria-label="Filtri delle persone">
    <div class="field small">
      <label for="programme">Programma</label>
      <select id="programme" value=${programme} onChange=${(e: Event) => setProgramme(inputValue(e))}>
        <option value="">Tutti</option>
        ${Object.entries(PROGRAMME_LABELS).map(([code, label]) => html`<option value=${code}>${label}</option>`)}
      </select>
    </div>
    <div class="field small">
      <label for="maxkm">Distanza massima (km)</label>
      <input id="maxkm" type="number" min="1" max="1000" value=${km} onInput=${(e: Event) => setKm(inputValue(e))} />
    </div>
    <div class="check inline">
      <input id="onlyq" type="checkbox" checked=${onlyQualified} onChange=${(e: Event) => setOnlyQualified((e.target as HTMLInputElement).checked)} />
      <label for="onlyq">Solo idonee</label>
    </div>
    <button type="submit">Applica</button>
  </form>`;
}

function BuildList({ vacancyId, narrow }: { vacancyId: string; narrow: string[] }) {
  const action = useAction();
  const build = async () => {
    if (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/shortlist", { params: { path: { id: vacancyId } }, body: narrow.length ? { narrow } : {} })))) navigate(`/offerte/${seg(vacancyId)}/rosa`);
  };
  return html`<div>
    <button type="button" onClick=${build} disabled=${action.busy}>Costruisci la rosa${narrow.length ? " dal bacino ristretto" : ""}</button>
    <a class="button secondary" href=${`/offerte/${seg(vacancyId)}/rosa`}>Apri la rosa</a>
    <${ErrorBox} error=${action.error} />
  </div>`;
}

function MatchRow({ match: m, me, vacancyId }: { match: Match; me: Me; vacancyId: string }) {
  return html`<article class="card match">
    <header>
      <span class="rank" aria-label=${`posizione ${m.rank}`}>${m.rank}</span>
      <h3>${personName(m)}</h3>
      <span class="score" aria-label=${`punteggio ${formatNumber(m.score)} su 100`}>${formatNumber(m.score)}</span>
      <span class=${`badge ${m.qualified ? "ok" : "no"}`}>${m.qualified ? "Idonea" : "Non idonea"}</span>
      <${CongruaBadge} congrua=${m.congrua} />
    </header>
    <p class="meta">${m.candidate.comune ?? "—"}${m.distanceKm !== null ? ` · ${formatNumber(m.distanceKm)} km` : ""} · ${programmes(m.candidate.programmes)}
      · <a href=${`/persone/${seg(m.candidateId)}/offerte`}>Offerte per questa persona</a></p>
    <ul class="reasons">${m.reasons.map((r) => html`<li>${r}</li>`)}</ul>
    <details><summary>Dettagli del punteggio e congruità</summary><${MatchExplanation} match=${m} /></details>
    ${canPropose(me) && html`<${ProposeForm} vacancyId=${vacancyId} candidateId=${m.candidateId} name=${personName(m)} />`}
  </article>`;
}

/** A tutor or navigator puts the person forward to the vacancy's referent. */
function ProposeForm({ vacancyId, candidateId, name, startOpen = false }: { vacancyId: string; candidateId: string; name: string; startOpen?: boolean }) {
  const [open, setOpen] = useState(startOpen);
  const [note, setNote] = useState("");
  const [done, setDone] = useState(false);
  const action = useAction();
  const id = `note-${candidateId}`;
  if (done) return html`<p class="success" role="status">Segnalazione inviata al referente.</p>`;
  if (!open) return html`<button type="button" class="secondary" onClick=${() => setOpen(true)}>Segnala ${name} al referente</button>`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => answer(vetrina().POST("/api/v1/vacancies/{id}/proposals", { params: { path: { id: vacancyId } }, body: { candidateId, note } })))) setDone(true);
  };
  return html`<form onSubmit=${submit} class="inline-form">
    <div class="field grow">
      <label for=${id}>Perché ${name} è adatta/o all'offerta</label>
      <textarea id=${id} required minlength="3" value=${note} onInput=${(e: Event) => setNote(inputValue(e))}></textarea>
    </div>
    <${ErrorBox} error=${action.error} />
    <button type="submit" disabled=${action.busy}>Invia la segnalazione</button>
  </form>`;
}

/** A person the ranking leaves out can still be put forward: found among one's own people. */
function ProposeAnyone({ vacancyId }: { vacancyId: string }) {
  const [chosen, setChosen] = useState<PersonHit | null>(null);
  return html`<section aria-labelledby="segnala-altra">
    <h2 id="segnala-altra">Segnala un'altra persona</h2>
    <${PersonSearch} idPrefix="propose" label="Cerca fra le tue persone (profilo, competenze, codice fiscale)" actionLabel="Segnala" onPick=${setChosen} />
    ${chosen && html`<${ProposeForm} key=${chosen.id} vacancyId=${vacancyId} candidateId=${chosen.id} name=${`${chosen.firstName} ${chosen.lastName}`} startOpen=${true} />`}
  </section>`;
}

/** "Why not" for anyone: find a person of one's CPIs and see why they rank where they do, exclusions included. */
function WhyNot({ vacancyId }: { vacancyId: string }) {
  const [explained, setExplained] = useState<{ name: string; match: MatchDetail } | null>(null);
  const action = useAction();
  const explain = (p: PersonHit) =>
    action.run(async () => setExplained({ name: `${p.firstName} ${p.lastName}`, match: await answer(vetrina().GET("/api/v1/vacancies/{id}/matches/{candidateId}", { params: { path: { id: vacancyId, candidateId: p.id } } })) }));
  return html`<section aria-labelledby="perche-no">
    <h2 id="perche-no">Perché no? Una persona qualsiasi</h2>
    <${PersonSearch} idPrefix="whynot" label="Cerca una persona (profilo, competenze, codice fiscale)" actionLabel="Spiega il punteggio" onPick=${explain} />
    <${ErrorBox} error=${action.error} />
    ${explained && html`<article class="card" aria-live="polite">
      <h3>${explained.name}: ${formatNumber(explained.match.score)} punti, ${explained.match.qualified ? "idonea" : "non idonea"}</h3>
      <${MatchExplanation} match=${explained.match} />
    </article>`}
  </section>`;
}
