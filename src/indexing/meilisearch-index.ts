/**
 * Meilisearch backend, on the official client. One Meilisearch index per IndexName (uid = prefix +
 * name, so tests and deployments can share a server) plus a tiny `<prefix>meta` index for the layout
 * version. Writes are asynchronous tasks on the server: every one is awaited and a failed task is an
 * error.
 *
 * Document layout, from the declared schema (index-schema.ts):
 *   id            the document id (primary key)
 *   t_<field>     searchable: the field's normalised stems (src/text), so Meilisearch never has to
 *                 know Italian and a query means the same as on the embedded index
 *   w_<field>     filterable: the field's distinct stems, for exact OR retrieval and document frequency
 *   f_<field>     filterable: filter values in their canonical text form (facets report them as such)
 *   _geo, reach   point and travel reach (km; absent = no limit); date (epoch ms, sortable)
 *   payload       JSON text matching scores from, returned by retrieve()
 */
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, type EnqueuedTaskPromise, type Index, type Settings } from "meilisearch";
import { ConfigError } from "../config/env.js";
import { haversineKm } from "../geo/haversine.js";
import { analyze, ITALIAN_STOPWORDS, normalizeForIndex } from "../text/normalize-italian.js";
import { filterKey } from "./filter-key.js";
import { selectiveTerms } from "./selective-terms.js";
import { assertFilterField, INDEX_NAMES, schemaOf, textFieldOf, type IndexSchema } from "./index-schema.js";
import { allOf, anyOfFilter, geoRadiusFilter, quote } from "./meilisearch-filter.js";
import { compileSynonyms, searchTerms, type CompiledSynonyms, type SearchSynonyms } from "./search-synonyms.js";
import type {
  FilterValue,
  IndexBuild,
  IndexName,
  RetrievalQuery,
  RetrievedDocument,
  SearchDocument,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from "./search-index.js";

export interface MeilisearchIndexOptions {
  url: string;
  apiKey?: string | undefined;
  /** Prepended to every index uid. */
  indexPrefix?: string;
  /** Synonyms, in plain words (e.g. from the taxonomy); normalised like the text before they are sent. */
  synonyms?: SearchSynonyms;
  /** How long to wait for one task (a large batch of documents takes seconds). */
  taskTimeoutMs?: number;
}

interface MeiliDoc {
  id: string;
  _geo?: { lat: number; lng: number };
  reach?: number | null;
  date?: number;
  payload?: string;
  [attribute: string]: unknown;
}

/** Documents per addDocuments task: large enough to amortise a task, small enough for one request body. */
const WRITE_BATCH = 5_000;
/** Page size when reading every matching document for retrieval (the documents route has no maxTotalHits cap). */
const READ_BATCH = 10_000;
const IDS_PER_READ = 200;
/** Search hits countable and pageable: the showcase's totals and last pages stay exact up to this many. */
const MAX_TOTAL_HITS = 100_000;
const MAX_VALUES_PER_FACET = 1_000;
/** _geoRadius is widened by this share in retrieval and the exact haversine decides, so the two formulas never disagree at the rim. */
const RADIUS_SLACK = 1.01;

const t = (field: string) => `t_${field}`;
const w = (field: string) => `w_${field}`;
const f = (field: string) => `f_${field}`;

function settingsFor(schema: IndexSchema, synonyms: CompiledSynonyms): Settings {
  // Equality only, no facet search: the cheapest structures that answer `=` / `IN` and facet counts.
  const equality = { facetSearch: false, filter: { equality: true, comparison: false } };
  return {
    searchableAttributes: schema.textFields.map(t),
    filterableAttributes: [{ attributePatterns: [...schema.filterFields.map(f), ...schema.textFields.map(w)], features: equality }, "_geo"],
    facetSearch: false,
    sortableAttributes: ["date", "id", "_geo"],
    // "sort" first: an explicit order (date, distance) wins and relevance breaks its ties, as on the
    // embedded index; without text the newest come first, then the id keeps the order stable.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "date:desc", "id:asc"],
    // Text arrives as stems with stop words already removed; the list is declared for the engine's own parsing too.
    stopWords: [...ITALIAN_STOPWORDS],
    synonyms: Object.fromEntries([...synonyms.alternatives].map(([key, values]) => [key, [...values]])),
    // Meilisearch's default word sizes, which the embedded index copies (typo-tolerance.ts); never in
    // numbers: short words and codes ("B", "CQC", "4.1.1.2") stay exact.
    typoTolerance: { enabled: true, disableOnNumbers: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  };
}

/**
 * Italian message for a server that does not answer or refuses the key; other errors pass unchanged.
 * At start (`atStart`) those two are configuration errors: the service stops with just the message.
 */
function explain(err: unknown, url: string, atStart = false): Error {
  const Kind = atStart ? ConfigError : Error;
  if (err instanceof MeilisearchApiError) {
    const code = err.cause?.code;
    if (code === "invalid_api_key" || code === "missing_authorization_header" || err.response.status === 401 || err.response.status === 403) {
      return new Kind(`Meilisearch su ${url} rifiuta la chiave: controllare MEILISEARCH_API_KEY (${err.cause?.message ?? err.message})`, { cause: err });
    }
    return new Error(`Meilisearch ha rifiutato la richiesta: ${err.cause?.message ?? err.message}`, { cause: err });
  }
  if (err instanceof MeilisearchRequestError) {
    return new Kind(`Meilisearch non risponde su ${url}: controllare MEILISEARCH_URL e che il server sia avviato`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

export class MeilisearchIndex implements SearchIndex {
  readonly backend = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly prefix: string;
  private readonly synonyms: CompiledSynonyms;

  constructor(private readonly opts: MeilisearchIndexOptions) {
    this.synonyms = compileSynonyms(opts.synonyms);
    this.client = new Meilisearch({
      host: opts.url,
      ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
      defaultWaitOptions: { timeout: opts.taskTimeoutMs ?? 120_000, interval: 10 },
    });
    this.prefix = opts.indexPrefix ?? "vetrina_";
  }

  async init(): Promise<void> {
    try {
      for (const name of INDEX_NAMES) {
        await this.ensureIndex(this.uid(name));
        await this.wait(this.idx(name).updateSettings(settingsFor(schemaOf(name), this.synonyms)));
      }
      await this.ensureIndex(this.metaUid());
    } catch (err) {
      throw explain(err, this.opts.url, true);
    }
  }

  async upsert(index: IndexName, docs: SearchDocument[]): Promise<void> {
    await this.writeDocs(this.uid(index), schemaOf(index), docs);
  }

  async remove(index: IndexName, ids: string[]): Promise<void> {
    await this.deleteDocs(this.uid(index), ids);
  }

  /**
   * A rebuild into `<uid>_rebuild`, with the same settings, made live by Meilisearch's atomic index
   * swap; the index it replaces (now under the rebuild's uid) is deleted after the swap.
   */
  async beginRebuild(index: IndexName): Promise<IndexBuild> {
    const live = this.uid(index);
    const uid = `${live}_rebuild`;
    await this.call(async () => {
      await this.deleteIndex(uid);
      await this.ensureIndex(uid);
      await this.wait(this.client.index(uid).updateSettings(settingsFor(schemaOf(index), this.synonyms)));
    });
    return {
      upsert: (docs) => this.writeDocs(uid, schemaOf(index), docs),
      remove: (ids) => this.deleteDocs(uid, ids),
      swap: () =>
        this.call(async () => {
          await this.wait(this.client.swapIndexes([{ indexes: [live, uid], rename: false }]));
          await this.deleteIndex(uid);
        }),
      abandon: () => this.call(() => this.deleteIndex(uid)),
    };
  }

  async search(index: IndexName, query: SearchQuery): Promise<SearchResult> {
    const schema = schemaOf(index);
    const page = Math.max(1, Math.floor(query.page || 1));
    const pageSize = Math.max(1, Math.floor(query.pageSize || 1));
    const { terms, lastIsPrefix } = searchTerms(query.q ?? "", this.synonyms);
    const filter = this.filterClauses(schema, query.filters);
    const facetFields = [...new Set(query.facets ?? [])];
    const emptyFacets = Object.fromEntries(facetFields.map((name) => [name, {}]));
    if (filter === null) return { hits: [], total: 0, facets: emptyFacets };
    if (query.near) filter.push(geoRadiusFilter(query.near));
    const sort =
      query.sort === "date_desc" ? ["date:desc"]
      : query.sort === "date_asc" ? ["date:asc"]
      : query.sort === "distance" && query.near ? [`_geoPoint(${query.near.lat}, ${query.near.lon}):asc`]
      : undefined;
    const res = await this.call(() =>
      this.idx(index).search(terms.length > 0 ? `${terms.join(" ")}${lastIsPrefix ? "" : " "}` : "", {
        filter: allOf(filter),
        ...(sort ? { sort } : {}),
        page,
        hitsPerPage: pageSize,
        matchingStrategy: "all",
        showRankingScore: true,
        attributesToRetrieve: ["id", "_geo"],
        facets: facetFields.filter((name) => schema.filterFields.includes(name)).map(f),
      }),
    );
    const facets: SearchResult["facets"] = { ...emptyFacets };
    for (const name of facetFields) facets[name] = { ...(res.facetDistribution?.[f(name)] ?? {}) };
    return {
      hits: res.hits.map((h) => ({
        id: String(h.id),
        score: terms.length > 0 ? (h._rankingScore ?? 0) : 0,
        distanceKm: query.near ? distanceOf(h as MeiliDoc, query.near) : null,
      })),
      total: res.totalHits ?? 0,
      facets,
    };
  }

  async retrieve(index: IndexName, query: RetrievalQuery): Promise<RetrievedDocument[]> {
    const schema = schemaOf(index);
    const terms = await this.selectiveTerms(index, schema, [...new Set(analyze(query.anyText ?? ""))], query.commonTerms);
    // Values of an undeclared field: no document carries them.
    const anyOf = query.anyOf && query.anyOf.values.length > 0 && schema.filterFields.includes(query.anyOf.field) ? query.anyOf : null;
    if (terms.length === 0 && !anyOf && !query.all) return [];
    const filter = this.filterClauses(schema, query.filters);
    if (filter === null) return [];
    // The candidates: every document if asked, else the union of the text hits (any stem in any field) and the listed values.
    if (!query.all) {
      const sources: string[] = [];
      if (terms.length > 0) sources.push(...schema.textFields.map((field) => anyOfFilter(w(field), terms)));
      if (anyOf) sources.push(anyOfFilter(f(anyOf.field), anyOf.values));
      filter.push(sources.join(" OR "));
    }
    const near = query.near;
    if (near) filter.push(geoRadiusFilter({ ...near, radiusKm: near.radiusKm * RADIUS_SLACK }));
    // Two passes: rank on the light attributes, then read the payloads of the kept documents only.
    // A full scan keeps everything anyway: it reads the payloads in the same pass.
    const fields = ["id", "_geo", "reach", ...(query.all ? ["payload"] : []), ...(terms.length > 0 ? schema.textFields.map(w) : [])];
    const docs = await this.readAll(index, allOf(filter), fields);

    const scored: { doc: MeiliDoc; dist: number | null; score: number }[] = [];
    const score = terms.length > 0 ? relevance(schema, terms, docs) : () => 0;
    for (const doc of docs) {
      const dist = near ? distanceOf(doc, near) : null;
      if (near && (dist === null || dist > near.radiusKm)) continue;
      if (near && query.withinReach && dist !== null && typeof doc.reach === "number" && dist > doc.reach) continue;
      scored.push({ doc, dist, score: score(doc) });
    }
    const byId = (a: { doc: MeiliDoc }, b: { doc: MeiliDoc }) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
    scored.sort(query.order === "distance" && near ? (a, b) => a.dist! - b.dist! || byId(a, b) : (a, b) => b.score - a.score || byId(a, b));
    const kept = scored.slice(0, Math.max(1, Math.floor(query.limit)));
    const payloads = query.all
      ? new Map(kept.map((k) => [k.doc.id, k.doc.payload]))
      : await this.payloads(index, kept.map((k) => k.doc.id), kept.length === docs.length ? allOf(filter) : undefined);
    return kept.map(({ doc, dist }) => {
      const payload = payloads.get(doc.id);
      return { id: doc.id, distanceKm: dist, payload: typeof payload === "string" ? JSON.parse(payload) : null };
    });
  }

  async documentFrequency(index: IndexName, field: string, text: string): Promise<{ matching: number; total: number }> {
    const schema = schemaOf(index);
    const total = await this.count(index);
    const terms = [...new Set(analyze(text))];
    if (terms.length === 0 || !schema.textFields.includes(field)) return { matching: 0, total };
    const matching = await this.countMatching(index, allOf(terms.map((term) => `${w(field)} = ${quote(term)}`)));
    return { matching, total };
  }

  async count(index: IndexName): Promise<number> {
    return this.call(async () => (await this.idx(index).getStats()).numberOfDocuments);
  }

  async payloadsOf(index: IndexName, ids: string[]): Promise<Map<string, unknown>> {
    const raw = await this.payloads(index, [...new Set(ids)], undefined);
    return new Map([...raw].map(([id, payload]) => [id, typeof payload === "string" ? JSON.parse(payload) : null]));
  }

  async clear(index: IndexName): Promise<void> {
    await this.call(() => this.wait(this.idx(index).deleteAllDocuments()));
  }

  async health(): Promise<boolean> {
    try {
      await this.client.index(this.metaUid()).getStats();
      return true;
    } catch {
      return false;
    }
  }

  async layoutVersion(): Promise<string | null> {
    try {
      const doc = await this.client.index<{ id: string; value: string }>(this.metaUid()).getDocument("layout");
      return doc.value;
    } catch (err) {
      if (err instanceof MeilisearchApiError && err.cause?.code === "document_not_found") return null;
      throw explain(err, this.opts.url);
    }
  }

  async setLayoutVersion(version: string): Promise<void> {
    await this.call(() => this.wait(this.client.index(this.metaUid()).addDocuments([{ id: "layout", value: version }], { primaryKey: "id" })));
  }

  // ---------------------------------------------------------------- helpers

  private uid(index: IndexName): string {
    return `${this.prefix}${index}`;
  }

  private metaUid(): string {
    return `${this.prefix}meta`;
  }

  private idx(index: IndexName): Index<MeiliDoc> {
    return this.client.index<MeiliDoc>(this.uid(index));
  }

  private async writeDocs(uid: string, schema: IndexSchema, docs: SearchDocument[]): Promise<void> {
    // Last write wins for a repeated id, as it would with one call per document.
    const unique = [...new Map(docs.map((d) => [d.id, d])).values()].map((d) => toMeiliDoc(schema, d));
    await this.call(async () => {
      for (let i = 0; i < unique.length; i += WRITE_BATCH) {
        await this.wait(this.client.index<MeiliDoc>(uid).addDocuments(unique.slice(i, i + WRITE_BATCH), { primaryKey: "id" }));
      }
    });
  }

  private async deleteDocs(uid: string, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    await this.call(() => this.wait(this.client.index(uid).deleteDocuments(unique)));
  }

  /** Deletes an index if it exists. */
  private async deleteIndex(uid: string): Promise<void> {
    const task = await this.client.deleteIndex(uid).waitTask();
    if (task.status !== "succeeded" && task.error?.code !== "index_not_found") throw taskError(task);
  }

  private async ensureIndex(uid: string): Promise<void> {
    try {
      await this.client.getIndex(uid);
    } catch (err) {
      if (!(err instanceof MeilisearchApiError && err.cause?.code === "index_not_found")) throw err;
      const task = await this.client.createIndex(uid, { primaryKey: "id" }).waitTask();
      // Another process may have created it in the meantime: that is as good as ours.
      if (task.status !== "succeeded" && task.error?.code !== "index_already_exists") throw taskError(task);
    }
  }

  /** Awaits a task and turns anything but success into an error. */
  private async wait(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask();
    if (task.status !== "succeeded") throw taskError(task);
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw explain(err, this.opts.url);
    }
  }

  /** The filter clauses of a query; null when a filter names a field the schema does not declare (no document can carry it). */
  private filterClauses(schema: IndexSchema, filters: Record<string, FilterValue[]> | undefined): string[] | null {
    const clauses: string[] = [];
    for (const [field, values] of Object.entries(filters ?? {})) {
      if (!values || values.length === 0) continue; // no accepted values listed = no constraint
      if (!schema.filterFields.includes(field)) return null;
      clauses.push(anyOfFilter(f(field), values));
    }
    return clauses;
  }

  /** Every document passing the filter (documents route: no maxTotalHits cap), only the listed attributes. */
  private async readAll(index: IndexName, filter: string | undefined, fields: string[]): Promise<MeiliDoc[]> {
    const out: MeiliDoc[] = [];
    for (let offset = 0; ; offset += READ_BATCH) {
      const page = await this.call(() => this.idx(index).getDocuments({ ...(filter ? { filter } : {}), fields, limit: READ_BATCH, offset }));
      out.push(...page.results);
      if (page.results.length < READ_BATCH) return out;
    }
  }

  /** The stored payloads of the given documents: by id, or, when every match is kept, by the same filter in one sweep. */
  private async payloads(index: IndexName, ids: string[], sameFilter: string | undefined): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    if (ids.length === 0) return out;
    if (sameFilter !== undefined || ids.length > READ_BATCH / 2) {
      const wanted = new Set(ids);
      for (const doc of await this.readAll(index, sameFilter, ["id", "payload"])) if (wanted.has(doc.id)) out.set(doc.id, doc.payload);
      return out;
    }
    // The client sends ids in the query string: small groups keep each URL well under header limits.
    for (let i = 0; i < ids.length; i += IDS_PER_READ) {
      const group = ids.slice(i, i + IDS_PER_READ);
      const page = await this.call(() => this.idx(index).getDocuments({ ids: group, fields: ["id", "payload"], limit: group.length }));
      for (const doc of page.results) out.set(doc.id, doc.payload);
    }
    return out;
  }

  private async countMatching(index: IndexName, filter: string | undefined): Promise<number> {
    const page = await this.call(() => this.idx(index).getDocuments({ ...(filter ? { filter } : {}), fields: ["id"], limit: 1 }));
    return page.total;
  }

  /** The terms worth retrieving by: all but the common ones (see RetrievalQuery.commonTerms). */
  private async selectiveTerms(index: IndexName, schema: IndexSchema, terms: string[], common: RetrievalQuery["commonTerms"]): Promise<string[]> {
    if (!common || terms.length === 0) return terms;
    const total = await this.count(index);
    // No word can match more documents than there are: nothing to count.
    if (total <= Math.min(Math.max(common.share * total, common.minDocs), common.maxMatches ?? Infinity)) return terms;
    const counts = await Promise.all(terms.map((term) => this.countMatching(index, schema.textFields.map((field) => `${w(field)} = ${quote(term)}`).join(" OR "))));
    return selectiveTerms(terms, new Map(terms.map((t, i) => [t, counts[i] ?? 0])), total, common);
  }
}

function taskError(task: { uid: number; status: string; error?: { message: string; code: string } | null }): Error {
  return new Error(`Operazione Meilisearch ${task.uid} non riuscita (${task.status}): ${task.error?.message ?? "nessun dettaglio"}`);
}

function toMeiliDoc(schema: IndexSchema, d: SearchDocument): MeiliDoc {
  const doc: MeiliDoc = { id: d.id };
  const text = new Map<string, string[]>(schema.textFields.map((field) => [field, []]));
  for (const [field, value] of Object.entries(d.text)) {
    if (typeof value === "string" && value.length > 0) text.get(textFieldOf(schema, field))!.push(normalizeForIndex(value));
  }
  for (const [field, parts] of text) {
    const stems = parts.filter((p) => p.length > 0).join(" ");
    doc[t(field)] = stems;
    doc[w(field)] = [...new Set(stems.split(" ").filter(Boolean))];
  }
  for (const [field, raw] of Object.entries(d.filters)) {
    assertFilterField(schema, field);
    if (raw == null) continue;
    doc[f(field)] = [...new Set((Array.isArray(raw) ? raw : [raw]).map(filterKey))];
  }
  if (d.geo && Number.isFinite(d.geo.lat) && Number.isFinite(d.geo.lon)) {
    doc._geo = { lat: d.geo.lat, lng: d.geo.lon };
    const reach = d.geo.reachKm;
    if (reach != null && Number.isFinite(reach)) doc.reach = reach;
  }
  const time = d.date ? d.date.getTime() : NaN;
  if (Number.isFinite(time)) doc.date = time;
  if (d.payload !== undefined) doc.payload = JSON.stringify(d.payload);
  return doc;
}

function distanceOf(doc: MeiliDoc, near: { lat: number; lon: number }): number | null {
  return doc._geo ? haversineKm(near, { lat: doc._geo.lat, lon: doc._geo.lng }) : null;
}

/**
 * Relevance of OR-retrieved documents, on our side: each matched term adds its rarity among the
 * candidates (idf, as bm25 does) times the weight of the most important field holding it.
 */
function relevance(schema: IndexSchema, terms: string[], docs: MeiliDoc[]): (doc: MeiliDoc) => number {
  const stemsOf = (doc: MeiliDoc) => schema.textFields.map((field) => new Set((doc[w(field)] as string[] | undefined) ?? []));
  const df = new Map<string, number>(terms.map((term) => [term, 0]));
  for (const doc of docs) {
    const fields = stemsOf(doc);
    for (const term of terms) if (fields.some((s) => s.has(term))) df.set(term, df.get(term)! + 1);
  }
  const n = docs.length;
  const idf = new Map(terms.map((term) => [term, Math.log(1 + (n - df.get(term)! + 0.5) / (df.get(term)! + 0.5))]));
  return (doc) => {
    const fields = stemsOf(doc);
    let score = 0;
    for (const term of terms) {
      const i = fields.findIndex((s) => s.has(term));
      if (i >= 0) score += idf.get(term)! * (schema.textWeights[i] ?? 1);
    }
    return score;
  };
}
