import { useState } from "preact/hooks";
import { answer, clean, lookups, vetrina } from "../api.js";
import { navigate, useLocation } from "../router.js";
import { canManageVacancies, type Me } from "../session.js";
import { Autocomplete, formatDate, formatNumber, html, inputValue, PageTitle, Show, useLoad } from "../ui.js";
import type { Facet, SearchPage, VacancyHit } from "../types.js";

/** The facets shown as filters, with the operators' names for them. */
const FACETS: [key: string, label: string][] = [
  ["status", "Stato"],
  ["cpi", "Centro per l'impiego"],
  ["province", "Provincia"],
  ["sector", "Settore"],
  ["contractType", "Contratto"],
  ["sourceService", "Servizio"],
];
const PAGE_SIZE = 20;

/** The showcase: search, filters with their counts, "near a comune"; the state lives in the address. */
export function ShowcasePage({ me }: { me: Me }) {
  const { search } = useLocation();
  const key = search.toString();
  const results = useLoad(() => answer(vetrina().GET("/api/v1/vacancies", { params: { query: showcaseQuery(search) } })), [key]);
  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    navigate(`/vetrina${next.toString() ? `?${next}` : ""}`);
  };
  return html`
    <${PageTitle} text=${me.role === "employer" ? "Le offerte della mia azienda" : "Vetrina delle opportunità"} />
    ${canManageVacancies(me) && html`<p><a class="button" href="/offerte/nuova">Pubblica una nuova offerta</a></p>`}
    <${SearchForm} key=${key} search=${search} go=${go} />
    <div class="with-sidebar">
      <aside aria-labelledby="filtri">
        <h2 id="filtri">Filtri</h2>
        ${results.data && FACETS.map(([facet, label]) => html`<${FacetGroup} facet=${facet} label=${label} values=${results.data!.facets[facet] ?? []} selected=${(search.get(facet) ?? "").split(",").filter(Boolean)} go=${go} />`)}
      </aside>
      <section aria-labelledby="risultati" aria-busy=${results.loading}>
        <h2 id="risultati">Risultati</h2>
        <${Show} loaded=${results} what="delle offerte">${(page: SearchPage) => html`
          <p role="status">${page.total === 1 ? "1 offerta" : `${page.total.toLocaleString("it-IT")} offerte`}</p>
          <ol class="cards">${page.items.map((v) => html`<li><${VacancyCard} vacancy=${v} /></li>`)}</ol>
          <${Pager} page=${page.page} total=${page.total} go=${go} />
        `}</${Show}>
      </section>
    </div>`;
}

type Sort = "relevance" | "date" | "date_asc" | "distance";
const list = (value: string | null) => (value ? value.split(",") : undefined);
const number = (value: string | null) => (value ? Number(value) : undefined);

/** The address's search parameters as the showcase route takes them. */
function showcaseQuery(search: URLSearchParams) {
  return clean({
    q: search.get("q") ?? undefined,
    nearComune: search.get("nearComune") ?? undefined,
    withinKm: search.get("nearComune") ? number(search.get("withinKm")) : undefined,
    sort: (search.get("sort") as Sort | null) ?? undefined,
    page: number(search.get("page")),
    pageSize: PAGE_SIZE,
    status: list(search.get("status")),
    cpi: list(search.get("cpi")),
    province: list(search.get("province")),
    sector: list(search.get("sector")),
    contractType: list(search.get("contractType")),
    sourceService: list(search.get("sourceService")),
  });
}

function SearchForm({ search, go }: { search: URLSearchParams; go: (changes: Record<string, string | undefined>) => void }) {
  const [q, setQ] = useState(search.get("q") ?? "");
  const [near, setNear] = useState(search.get("nearComune") ?? "");
  const [km, setKm] = useState(search.get("withinKm") ?? "30");
  const [sort, setSort] = useState(search.get("sort") ?? "relevance");
  const submit = (event: Event) => {
    event.preventDefault();
    go({ q: q.trim() || undefined, nearComune: near.trim() || undefined, withinKm: near.trim() ? km : undefined, sort: sort === "relevance" ? undefined : sort });
  };
  return html`<form class="search" role="search" onSubmit=${submit}>
    <div class="field grow">
      <label for="q">Cerca</label>
      <input id="q" name="q" type="search" value=${q} onInput=${(e: Event) => setQ(inputValue(e))} placeholder="profilo, azienda, competenze" />
    </div>
    <${Autocomplete} label="Vicino al comune" name="nearComune" lookup=${lookups.comuni} initial=${near}
      onPick=${(picked: { code: string } | null, typed: string) => setNear(picked ? picked.code : typed)} />
    <div class="field small">
      <label for="km">Entro km</label>
      <input id="km" name="withinKm" type="number" min="1" max="500" value=${km} onInput=${(e: Event) => setKm(inputValue(e))} />
    </div>
    <div class="field small">
      <label for="sort">Ordine</label>
      <select id="sort" name="sort" value=${sort} onChange=${(e: Event) => setSort(inputValue(e))}>
        <option value="relevance">Pertinenza</option>
        <option value="date">Più recenti</option>
        <option value="date_asc">Meno recenti</option>
        <option value="distance">Distanza</option>
      </select>
    </div>
    <button type="submit">Cerca</button>
  </form>`;
}

function FacetGroup({ facet, label, values, selected, go }: { facet: string; label: string; values: Facet[]; selected: string[]; go: (changes: Record<string, string | undefined>) => void }) {
  if (values.length === 0 && selected.length === 0) return null;
  const toggle = (code: string) => {
    const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
    go({ [facet]: next.join(",") || undefined });
  };
  return html`<fieldset class="facet">
    <legend>${label}</legend>
    ${values.map((f) => {
      const id = `f-${facet}-${f.code}`;
      return html`<div class="check">
        <input type="checkbox" id=${id} checked=${selected.includes(f.code)} onChange=${() => toggle(f.code)} />
        <label for=${id}>${f.label} <span class="count">(${f.count.toLocaleString("it-IT")})</span></label>
      </div>`;
    })}
  </fieldset>`;
}

export function VacancyCard({ vacancy: v }: { vacancy: VacancyHit }) {
  return html`<article class="card">
    <h3><a href=${`/offerte/${encodeURIComponent(v.id)}`}>${v.requestedProfile}</a></h3>
    <p class="meta">
      <span class=${`badge status-${v.status}`}>${v.statusLabel}</span>
      ${v.companyName} · ${v.workplace?.name ?? "sede non indicata"}${v.workplace ? ` (${v.workplace.provinceAcronym})` : ""}
      ${v.distanceKm !== null && v.distanceKm !== undefined && html` · a ${formatNumber(v.distanceKm)} km`}
    </p>
    <p class="meta">${v.cpi.name} · ${v.positions} ${v.positions === 1 ? "posizione" : "posizioni"} · arrivata il ${formatDate(v.arrivalDate)}</p>
  </article>`;
}

function Pager({ page, total, go }: { page: number; total: number; go: (changes: Record<string, string | undefined>) => void }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return null;
  return html`<nav class="pager" aria-label="Pagine dei risultati">
    <button type="button" disabled=${page <= 1} onClick=${() => go({ page: String(page - 1) })}>Precedente</button>
    <span>Pagina ${page} di ${pages}</span>
    <button type="button" disabled=${page >= pages} onClick=${() => go({ page: String(page + 1) })}>Successiva</button>
  </nav>`;
}
