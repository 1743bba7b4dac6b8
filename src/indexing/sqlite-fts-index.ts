/**
 * Embedded search backend: SQLite FTS5 inside the application database, written through Prisma's
 * raw API so that index rows can share the caller's transaction with the store rows they mirror.
 *
 * Layout, per index name N (N is one of the fixed IndexName values, never user input):
 *   search_N_docs     seq INTEGER PRIMARY KEY, id TEXT UNIQUE, lat REAL, lon REAL, date REAL (epoch ms),
 *                     payload TEXT (JSON the matching scores from, so retrieval needs no store reads),
 *                     reach REAL (km the document may be from a matching point: a person's travel);
 *                     indexes (lat, lon) for the near-box and (date) for date sorting.
 *   search_N_fts      FTS5, contentless (content='', contentless_delete=1), rowid = docs.seq, one
 *                     column per known text field holding the normalised stems. Contentless because
 *                     the store already holds the original text: at 1M candidates a second copy
 *                     would only cost disk. unicode61 remove_diacritics 2 is a second line of folding;
 *                     prefix='2 3 4' makes short "as you type" prefixes index lookups.
 *   search_N_filters  (doc_seq, field, value) WITHOUT ROWID, PK (doc_seq, field, value) plus index
 *                     (field, value, doc_seq). Every filter value lives here, single-valued ones too:
 *                     one code path for filtering and faceting, arrays and scalars alike, and callers
 *                     can add a filter field without a schema change. Values are stored as text
 *                     (numbers via String(), booleans as "true"/"false"), which is also how facets
 *                     report them.
 */
import type { Db, DbTx } from "../db/client.js";
import { boundingBox, EARTH_RADIUS_KM } from "../geo/haversine.js";
import { analyze, normalizeForIndex, queryTerms } from "../text/normalize-italian.js";
import { filterKey } from "./filter-key.js";
import { selectiveTerms, type CommonTerms } from "./selective-terms.js";
import { ftsSearchExpression } from "./fts-search-expression.js";
import { assertFilterField, INDEX_NAMES, schemaOf, textFieldOf } from "./index-schema.js";
import { randomUUID } from "node:crypto";
import type {
  IndexBuild,
  IndexName,
  IndexWriter,
  NumberedDocument,
  NumberedDocuments,
  NumberedIndex,
  NumberedTextMatches,
  RetrievalQuery,
  RetrievedDocument,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from "./search-index.js";
import { compileSynonyms, searchTerms, type CompiledSynonyms, type SearchSynonyms } from "./search-synonyms.js";
import { typoBudget, typoVariants } from "./typo-tolerance.js";

export interface SqliteFtsIndexOptions {
  /** Synonyms the showcase and people search expand queries with (the same as Meilisearch is given). */
  synonyms?: SearchSynonyms;
  /** How long the vocabulary is used after another connection wrote before it is read again (see Vocabulary). */
  vocabularyRefreshMs?: number;
}

const TOTAL_REFRESH_MS = 60_000;
/** Terms whose document counts are kept (see docCounts): more than offers' titles and competences use, bounded all the same. */
const MAX_TERM_COUNTS = 100_000;

/** Reading the vocabulary takes about 0.5 s at 300,000 documents (measured here): at most once a minute for others' writes. */
const VOCABULARY_REFRESH_MS = 60_000;

/**
 * The distinct indexed terms of one index, for typo tolerance: read once from the fts5vocab table
 * (a scan of the whole index), then kept up to date by this process's own writes; after another
 * connection's commit (PRAGMA data_version) it is read again, at most once per refresh interval, so a
 * busy importing process cannot make every search rescan the index. Terms of removed documents stay:
 * a typo expanded to a word nobody has matches nobody.
 */
interface Vocabulary {
  terms: Set<string>;
  dataVersion: number;
  readAt: number;
}

interface IndexLayout {
  name: IndexName;
  docs: string;
  fts: string;
  /** fts5vocab over the FTS table: per term, how many documents contain it. */
  vocab: string;
  filters: string;
  /** FTS columns in order; text fields not listed go to the last column. */
  textFields: readonly string[];
  /** bm25 column weights, same order: the profile (job title) dominates. */
  weights: readonly number[];
  /** The secondary indexes: `name` is the prefix of the index's actual name (see layout()). */
  secondary: readonly { name: string; table: string; columns: string }[];
}

/**
 * The tables of one index: the live ones, or those of a rebuild in progress (`search_N_build_*`, made
 * live by renaming them in one transaction). Secondary indexes are named after the live tables plus a
 * per-build suffix: SQLite cannot rename an index, and the live and the build tables coexist.
 */
function layout(name: IndexName, stage: "live" | "build" = "live"): IndexLayout {
  const { textFields, textWeights } = schemaOf(name);
  const base = stage === "live" ? `search_${name}` : `search_${name}_build`;
  return {
    name,
    docs: `${base}_docs`,
    fts: `${base}_fts`,
    vocab: `${base}_vocab`,
    filters: `${base}_filters`,
    textFields,
    weights: textWeights,
    secondary: [
      { name: `search_${name}_docs_geo`, table: `${base}_docs`, columns: "lat, lon" },
      { name: `search_${name}_docs_date`, table: `${base}_docs`, columns: "date" },
      { name: `search_${name}_filters_fv`, table: `${base}_filters`, columns: "field, value, doc_seq" },
    ],
  };
}

const LAYOUTS = Object.fromEntries(INDEX_NAMES.map((name) => [name, layout(name)])) as Record<IndexName, IndexLayout>;

/** Documents per multi-row statement: keeps every statement well under SQLite's bound-parameter limit. */
const DOC_BATCH = 200;
/** Documents per write: rows go in as one JSON array per statement, so only memory bounds it. */
const WRITE_DOC_BATCH = 1000;
/** An upsert without a caller transaction opens its own; bulk loads need more than Prisma's 5 s default. */
const OWN_TX_TIMEOUT_MS = 15 * 60_000;

type Sql = { text: string; params: unknown[] };

/** Words whose typo variants are remembered per vocabulary read, so odd queries cannot grow it without end. */
const TYPO_MEMO_LIMIT = 10_000;
/** Above this many documents found by the text (or in the box) a search checks its filters as sets (see probeFilters). */
const PROBED_HITS_LIMIT = 2_000;

/** A row of the search statement: part 0 a hit of the page (n its place), 1 the total (in n), 2 a facet count (in n). */
interface SearchRow {
  part: unknown;
  n: unknown;
  id: string | null;
  rank: number | null;
  dist: number | null;
  field: string | null;
  value: string | null;
}

function layoutOf(index: IndexName): IndexLayout {
  const l = LAYOUTS[index];
  if (!l) throw new Error(`Indice di ricerca sconosciuto: ${String(index)}`);
  return l;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(", ");
const toNumber = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * FTS5 query from normalised stems only, each quoted, so user input can never inject FTS syntax.
 * Terms are AND-ed (document frequency) or OR-ed (retrieval for matching, where any shared word makes
 * a candidate); searches build theirs with typos and synonyms (fts-search-expression.ts).
 */
function ftsMatchExpression(terms: string[], lastIsPrefix: boolean, joiner: " " | " OR " = " "): string {
  return terms
    .map((t, i) => `"${t.replaceAll('"', '""')}"${lastIsPrefix && i === terms.length - 1 ? "*" : ""}`)
    .join(joiner);
}

/** The search_meta row whose value changes whenever the documents of `index` may be renumbered (a swap, a clear). */
const numberingKey = (index: IndexName): string => `numbering:${index}`;

async function renumber(t: DbTx, index: IndexName): Promise<void> {
  await t.$executeRawUnsafe("UPDATE search_meta SET value = ? WHERE key = ?", randomUUID(), numberingKey(index));
}

function parsePayload(text: unknown): unknown {
  return typeof text === "string" ? JSON.parse(text) : null;
}

function tableStatements(l: IndexLayout): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${l.docs} (
       seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lat REAL, lon REAL, date REAL, payload TEXT, reach REAL)`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${l.fts} USING fts5(
       ${l.textFields.join(", ")},
       content='', contentless_delete=1,
       tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')`,
    `CREATE TABLE IF NOT EXISTS ${l.filters} (
       doc_seq INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
       PRIMARY KEY (doc_seq, field, value)) WITHOUT ROWID`,
  ];
}

/** A search text as FTS5 MATCH expressions: with typo variants, and without them (null when there are none). */
interface TextMatch {
  match: string;
  exact: string | null;
}

interface IndexChange {
  upsert?: SearchDocument[];
  remove?: string[];
}

/**
 * The embedded rebuild: besides the common steps, it can write and swap inside a caller's transaction,
 * so the last changes and the swap commit together (rebuild-index.ts).
 */
export interface EmbeddedIndexBuild extends IndexBuild {
  writerIn(t: DbTx): IndexWriter;
  swapInTransaction(t: DbTx): Promise<void>;
  /** After swapInTransaction commits. */
  dropOldTables(): Promise<void>;
}

export const isEmbeddedBuild = (build: IndexBuild): build is EmbeddedIndexBuild => "swapInTransaction" in build;

export class SqliteFtsIndex implements SearchIndex, NumberedIndex {
  readonly backend = "embedded" as const;

  private readonly synonyms: CompiledSynonyms;
  private readonly vocabularies = new Map<IndexName, Vocabulary>();
  private readonly typoMemo = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
  private readonly totals = new Map<IndexName, { total: number; at: number }>();
  /** Documents per term, as retrieval's choice of selective words reads them: see docCounts. */
  private readonly termCounts = new Map<IndexName, Map<string, { docs: number; at: number }>>();
  private readonly vocabularyRefreshMs: number;

  constructor(
    private readonly db: Db,
    options: SqliteFtsIndexOptions = {},
  ) {
    this.synonyms = compileSynonyms(options.synonyms);
    this.vocabularyRefreshMs = options.vocabularyRefreshMs ?? VOCABULARY_REFRESH_MS;
  }

  async init(): Promise<void> {
    await this.db.$executeRawUnsafe("CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    for (const l of Object.values(LAYOUTS)) {
      for (const s of tableStatements(l)) await this.db.$executeRawUnsafe(s);
      await this.ensureSecondaryIndexes(this.db, l, "");
      await this.db.$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS ${l.vocab} USING fts5vocab(${l.fts}, 'row')`);
      // Indexes built before these columns existed get them; a reindex fills them.
      const columns = await this.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${l.docs}')`);
      for (const [name, type] of [["payload", "TEXT"], ["reach", "REAL"]]) {
        if (!columns.some((c) => c.name === name)) await this.db.$executeRawUnsafe(`ALTER TABLE ${l.docs} ADD COLUMN ${name} ${type}`);
      }
      await this.db.$executeRawUnsafe("INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", numberingKey(l.name), randomUUID());
    }
  }

  /**
   * A rebuild into shadow tables beside the live ones: searches and in-transaction writes keep using
   * the live tables until the swap renames the shadow tables into their place. Tables of an earlier
   * rebuild that never finished are dropped first.
   */
  async beginRebuild(index: IndexName): Promise<EmbeddedIndexBuild> {
    const live = layoutOf(index);
    const build = layout(index, "build");
    await this.dropOldTables(index);
    await this.dropTables(build);
    for (const s of tableStatements(build)) await this.db.$executeRawUnsafe(s);
    await this.ensureSecondaryIndexes(this.db, build, `_${Date.now().toString(36)}`);
    const writerIn = (t: DbTx): IndexWriter => ({
      upsert: (docs) => this.applyToLayout(t, build, { upsert: docs }),
      remove: (ids) => this.applyToLayout(t, build, { remove: ids }),
    });
    const swapInTransaction = async (t: DbTx): Promise<void> => {
      const old = { docs: `search_${index}_old_docs`, fts: `search_${index}_old_fts`, filters: `search_${index}_old_filters` };
      await t.$executeRawUnsafe(`DROP TABLE IF EXISTS ${live.vocab}`);
      for (const part of ["docs", "fts", "filters"] as const) {
        await t.$executeRawUnsafe(`DROP TABLE IF EXISTS ${old[part]}`);
        await t.$executeRawUnsafe(`ALTER TABLE ${live[part]} RENAME TO ${old[part]}`);
        await t.$executeRawUnsafe(`ALTER TABLE ${build[part]} RENAME TO ${live[part]}`);
      }
      await t.$executeRawUnsafe(`CREATE VIRTUAL TABLE ${live.vocab} USING fts5vocab(${live.fts}, 'row')`);
      await renumber(t, index);
      this.forgetCounts(index);
    };
    return {
      upsert: (docs) => this.inOwnTransaction((t) => writerIn(t).upsert(docs)),
      remove: (ids) => this.inOwnTransaction((t) => writerIn(t).remove(ids)),
      writerIn,
      swapInTransaction,
      swap: async () => {
        await this.inOwnTransaction(swapInTransaction);
        await this.dropOldTables(index);
      },
      dropOldTables: () => this.dropOldTables(index),
      abandon: () => this.dropTables(build),
    };
  }

  /** The replaced tables are dropped after the swap commits: freeing their pages is no work for the swap's lock. */
  private async dropOldTables(index: IndexName): Promise<void> {
    for (const part of ["fts", "filters", "docs"]) await this.db.$executeRawUnsafe(`DROP TABLE IF EXISTS search_${index}_old_${part}`);
  }

  private async dropTables(l: IndexLayout): Promise<void> {
    for (const table of [l.vocab, l.fts, l.filters, l.docs]) await this.db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`);
  }

  /** Creates the secondary indexes a layout's tables lack (whatever suffix an earlier build gave them). */
  private async ensureSecondaryIndexes(db: DbTx, l: IndexLayout, suffix: string): Promise<void> {
    for (const ix of l.secondary) {
      const existing = await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", ix.table);
      if (existing.some((e) => e.name.startsWith(ix.name))) continue;
      await db.$executeRawUnsafe(`CREATE INDEX ${ix.name}${suffix} ON ${ix.table} (${ix.columns})`);
    }
  }

  async upsert(index: IndexName, docs: SearchDocument[]): Promise<void> {
    await this.inOwnTransaction((t) => this.applyInTransaction(t, index, { upsert: docs }));
  }

  async remove(index: IndexName, ids: string[]): Promise<void> {
    await this.inOwnTransaction((t) => this.applyInTransaction(t, index, { remove: ids }));
  }

  /**
   * Embedded only: writes through the caller's transaction, so the index rows commit or roll back with
   * the change that caused them (the in-transaction handler of the domain events uses it).
   */
  async applyInTransaction(t: DbTx, index: IndexName, change: IndexChange): Promise<void> {
    await this.applyToLayout(t, layoutOf(index), change);
  }

  private async applyToLayout(t: DbTx, l: IndexLayout, change: IndexChange): Promise<void> {
    // This process's own writes are counted at once; other processes' within the minute.
    this.totals.delete(l.name);
    // Last write wins for a repeated id, as it would with one call per document.
    const docs = [...new Map((change.upsert ?? []).map((d) => [d.id, d])).values()];
    for (const batch of chunks(docs, WRITE_DOC_BATCH)) await this.upsertBatch(t, l, batch);
    for (const batch of chunks([...new Set(change.remove ?? [])], WRITE_DOC_BATCH)) {
      const seqs = await this.existingSeqs(t, l, batch);
      if (seqs.length === 0) continue;
      await this.deleteSideRows(t, l, seqs);
      await t.$executeRawUnsafe(`DELETE FROM ${l.docs} WHERE seq IN (SELECT value FROM json_each(?))`, JSON.stringify(seqs));
    }
  }

  async search(index: IndexName, query: SearchQuery): Promise<SearchResult> {
    const l = layoutOf(index);
    const page = Math.max(1, Math.floor(query.page || 1));
    const pageSize = Math.max(1, Math.floor(query.pageSize || 1));
    const near = query.near;
    if (near && ![near.lat, near.lon, near.radiusKm].every(Number.isFinite)) {
      throw new RangeError("near: lat, lon e radiusKm devono essere numeri finiti");
    }
    const text = await this.textMatch(l, query.q ?? "");
    const hits = this.hitsCte(l, query, text, await this.probeFilters(l, query, text));
    const order = this.orderBy(query.sort ?? "relevance", text !== null, Boolean(near));
    const facets = this.facetCounts(l, query);
    // One statement for the page, the total and the facets: the hits (the FTS match above all) are
    // computed once, where a page query and a facet query would each compute them again.
    const rows = await this.db.$queryRawUnsafe<SearchRow[]>(
      `${hits.text},
       page AS (SELECT id, rank, dist, ROW_NUMBER() OVER (ORDER BY ${order}) AS n FROM hits ORDER BY ${order} LIMIT ? OFFSET ?)
       SELECT 0 AS part, n, id, rank, dist, NULL AS field, NULL AS value FROM page
       UNION ALL SELECT 1, COUNT(*), NULL, NULL, NULL, NULL, NULL FROM hits
       ${facets ? `UNION ALL ${facets.text}` : ""}`,
      ...hits.params,
      pageSize,
      (page - 1) * pageSize,
      ...(facets?.params ?? []),
    );
    const pageRows = rows.filter((r) => toNumber(r.part) === 0).sort((a, b) => toNumber(a.n) - toNumber(b.n));
    const result: SearchHit[] = pageRows.map((r) => ({
      id: r.id!,
      // bm25 is "lower is better" and negative; flip it so a higher score means more relevant.
      score: r.rank == null ? 0 : -Number(r.rank),
      distanceKm: r.dist == null ? null : Number(r.dist),
    }));
    const total = toNumber(rows.find((r) => toNumber(r.part) === 1)?.n);
    const counts: Record<string, Record<string, number>> = Object.fromEntries((query.facets ?? []).map((f) => [f, {}]));
    for (const r of rows) {
      const bucket = toNumber(r.part) === 2 ? counts[r.field!] : undefined;
      if (bucket) bucket[r.value!] = toNumber(r.n);
    }
    return { hits: result, total, facets: counts };
  }

  async retrieve(index: IndexName, query: RetrievalQuery): Promise<RetrievedDocument[]> {
    const l = layoutOf(index);
    const terms = await this.selectiveTerms(l, [...new Set(analyze(query.anyText ?? ""))], query.commonTerms);
    const anyOf = query.anyOf && query.anyOf.values.length > 0 ? query.anyOf : null;
    if (terms.length === 0 && !anyOf && !query.all) return [];
    // The candidate documents: the union of the text hits (OR of the terms) and the documents carrying any listed value.
    const sources: string[] = [];
    const sourceParams: unknown[] = [];
    // bm25 only works in the query that runs the MATCH: materialised so the planner cannot flatten it away.
    let textCte = "";
    if (terms.length > 0) {
      textCte = `t AS MATERIALIZED (SELECT rowid AS seq, bm25(${l.fts}, ${l.weights.join(", ")}) AS rank FROM ${l.fts} WHERE ${l.fts} MATCH ?),`;
      sources.push("SELECT seq, rank FROM t");
    }
    if (query.all) sources.push(`SELECT seq, NULL AS rank FROM ${l.docs}`);
    if (anyOf) {
      const keys = [...new Set(anyOf.values.map(filterKey))];
      sources.push(`SELECT doc_seq AS seq, NULL AS rank FROM ${l.filters} WHERE field = ? AND value IN (${placeholders(keys.length)})`);
      sourceParams.push(anyOf.field, ...keys);
    }
    const where: string[] = [];
    const whereParams: unknown[] = [];
    for (const [field, values] of Object.entries(query.filters ?? {})) {
      if (!values || values.length === 0) continue;
      const keys = [...new Set(values.map(filterKey))];
      where.push(`EXISTS (SELECT 1 FROM ${l.filters} f WHERE f.doc_seq = d.seq AND f.field = ? AND f.value IN (${placeholders(keys.length)}))`);
      whereParams.push(field, ...keys);
    }
    let dist = "NULL";
    const distParams: unknown[] = [];
    let outer = "";
    const outerParams: unknown[] = [];
    if (query.near) {
      const box = boundingBox(query.near, query.near.radiusKm);
      where.push("d.lat BETWEEN ? AND ? AND d.lon BETWEEN ? AND ?");
      whereParams.push(box.minLat, box.maxLat, box.minLon, box.maxLon);
      dist = `(2 * ${EARTH_RADIUS_KM} * asin(min(1, sqrt(
                 pow(sin(radians(d.lat - ?) / 2), 2)
                 + cos(radians(?)) * cos(radians(d.lat)) * pow(sin(radians(d.lon - ?) / 2), 2)))))`;
      distParams.push(query.near.lat, query.near.lat, query.near.lon);
      outer = query.withinReach ? "WHERE dist <= ? AND (reach IS NULL OR dist <= reach)" : "WHERE dist <= ?";
      outerParams.push(query.near.radiusKm);
    }
    const order = query.order === "distance" && query.near ? "dist ASC, id" : "rank ASC NULLS FIRST, id";
    const rows = await this.db.$queryRawUnsafe<{ id: string; dist: number | null; payload: unknown }[]>(
      `WITH ${textCte} c AS (SELECT seq, MIN(rank) AS rank FROM (${sources.join(" UNION ALL ")}) GROUP BY seq),
       hits AS (
         SELECT d.seq AS seq, d.id AS id, d.reach AS reach, c.rank AS rank, ${dist} AS dist
         FROM c JOIN ${l.docs} d ON d.seq = c.seq
         ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ),
       -- The payloads (the largest column) are read for the kept documents only, not for every hit sorted.
       kept AS MATERIALIZED (SELECT seq, id, rank, dist FROM hits ${outer} ORDER BY ${order} LIMIT ?)
       SELECT kept.id AS id, kept.dist AS dist, d.payload AS payload FROM kept JOIN ${l.docs} d ON d.seq = kept.seq ORDER BY ${order.replace(/\b(dist|rank|id)\b/g, "kept.$1")}`,
      ...(terms.length > 0 ? [ftsMatchExpression(terms, false, " OR ")] : []),
      ...sourceParams,
      ...distParams,
      ...whereParams,
      ...outerParams,
      Math.max(1, Math.floor(query.limit)),
    );
    return rows.map((r) => ({ id: r.id, distanceKm: r.dist == null ? null : Number(r.dist), payload: parsePayload(r.payload) }));
  }

  /**
   * The MATCH of a search text, null without one: every word, forgiven its typos and expanded with its
   * synonyms; and, when some word was expanded to a typo, the MATCH without them, so the documents
   * matching the words as typed rank first (Meilisearch's "typo" rule).
   */
  private async textMatch(l: IndexLayout, text: string): Promise<TextMatch | null> {
    const words = searchTerms(text, this.synonyms);
    const { terms, lastIsPrefix, lastAsTyped } = words;
    if (terms.length === 0) return null;
    const exact = ftsSearchExpression({ ...words, synonyms: this.synonyms });
    if (!terms.some((t) => typoBudget(t) > 0)) return { match: exact, exact: null };
    const vocabulary = await this.vocabularyOf(l);
    const variants = terms.map((t, i) => {
      if (!lastIsPrefix || i < terms.length - 1) return this.typoVariantsIn(vocabulary, t, false);
      if (lastAsTyped === undefined) return this.typoVariantsIn(vocabulary, t, true);
      // The stem forgiven as a whole word, the typed word as a beginning: "pulizie" is not "polizz…".
      return [...new Set([...this.typoVariantsIn(vocabulary, t, false), ...this.typoVariantsIn(vocabulary, lastAsTyped, true)])];
    });
    if (variants.every((v) => v.length === 0)) return { match: exact, exact: null };
    return { match: ftsSearchExpression({ ...words, synonyms: this.synonyms, variants }), exact };
  }

  /** typoVariants, remembered per vocabulary read: it compares the word with every term of the index. */
  private typoVariantsIn(vocabulary: ReadonlySet<string>, term: string, prefix: boolean): string[] {
    let memo = this.typoMemo.get(vocabulary);
    if (!memo || memo.size >= TYPO_MEMO_LIMIT) this.typoMemo.set(vocabulary, (memo = new Map()));
    const key = `${prefix ? "*" : " "}${term}`;
    let variants = memo.get(key);
    if (!variants) memo.set(key, (variants = typoVariants(term, vocabulary, prefix)));
    return variants;
  }

  private async vocabularyOf(l: IndexLayout): Promise<ReadonlySet<string>> {
    const version = toNumber((await this.db.$queryRawUnsafe<{ data_version: unknown }[]>("PRAGMA data_version"))[0]?.data_version);
    const cached = this.vocabularies.get(l.name);
    if (cached && (cached.dataVersion === version || Date.now() - cached.readAt < this.vocabularyRefreshMs)) return cached.terms;
    const rows = await this.db.$queryRawUnsafe<{ term: string }[]>(`SELECT term FROM ${l.vocab}`);
    const terms = new Set(rows.map((r) => r.term));
    this.vocabularies.set(l.name, { terms, dataVersion: version, readAt: Date.now() });
    return terms;
  }

  /** The terms worth retrieving by: all but the common ones (see RetrievalQuery.commonTerms). */
  private async selectiveTerms(l: IndexLayout, terms: string[], common: RetrievalQuery["commonTerms"]): Promise<string[]> {
    if (!common || terms.length === 0) return terms;
    const [total, counts] = await Promise.all([this.sharesTotal(l), this.docCounts(l, terms)]);
    return selectiveTerms(terms, counts, total, common);
  }

  /**
   * How many documents hold each term, each count read at most once a minute. The vocabulary table
   * counts a term by walking its whole list of documents: at a million people a list's few ordinary
   * words took about 20 ms, for every list built. Titles and competences repeat from offer to offer,
   * and a word's share moves slowly; a rebuild or a clear forgets the counts.
   */
  private async docCounts(l: IndexLayout, terms: readonly string[]): Promise<Map<string, number>> {
    let known = this.termCounts.get(l.name);
    if (!known || known.size > MAX_TERM_COUNTS) this.termCounts.set(l.name, (known = new Map()));
    const now = Date.now();
    const stale = terms.filter((t) => {
      const k = known.get(t);
      return !k || now - k.at >= TOTAL_REFRESH_MS;
    });
    if (stale.length > 0) {
      const rows = await this.db.$queryRawUnsafe<{ term: string; doc: unknown }[]>(`SELECT term, doc FROM ${l.vocab} WHERE term IN (${placeholders(stale.length)})`, ...stale);
      const read = new Map(rows.map((r) => [r.term, toNumber(r.doc)]));
      for (const t of stale) known.set(t, { docs: read.get(t) ?? 0, at: now });
    }
    return new Map(terms.map((t) => [t, known.get(t)!.docs]));
  }

  /**
   * The number of documents as the share thresholds of retrieval and rarity read it: counted at most once
   * a minute. At a million documents a count reads some thousand index pages that the store's own reads
   * keep evicting (about 25 ms a time); a share computed on a minute-old total is the same share.
   */
  private async sharesTotal(l: IndexLayout): Promise<number> {
    const cached = this.totals.get(l.name);
    if (cached && Date.now() - cached.at < TOTAL_REFRESH_MS) return cached.total;
    const total = await this.countDocs(l);
    this.totals.set(l.name, { total, at: Date.now() });
    return total;
  }

  private async countDocs(l: IndexLayout): Promise<number> {
    const rows = await this.db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM ${l.docs}`);
    return toNumber(rows[0]?.n);
  }

  async documentFrequency(index: IndexName, field: string, text: string): Promise<{ matching: number; total: number }> {
    const l = layoutOf(index);
    const total = await this.sharesTotal(l);
    const terms = [...new Set(analyze(text))];
    if (terms.length === 0 || !l.textFields.includes(field)) return { matching: 0, total };
    const rows = await this.db.$queryRawUnsafe<{ n: unknown }[]>(
      `SELECT COUNT(*) AS n FROM ${l.fts} WHERE ${l.fts} MATCH ?`,
      `${field} : (${ftsMatchExpression(terms, false)})`,
    );
    return { matching: toNumber(rows[0]?.n), total };
  }

  async count(index: IndexName): Promise<number> {
    return this.countDocs(layoutOf(index));
  }

  async payloadsOf(index: IndexName, ids: string[]): Promise<Map<string, unknown>> {
    const l = layoutOf(index);
    const out = new Map<string, unknown>();
    for (const batch of chunks([...new Set(ids)], DOC_BATCH)) {
      const rows = await this.db.$queryRawUnsafe<{ id: string; payload: unknown }[]>(
        `SELECT id, payload FROM ${l.docs} WHERE id IN (${placeholders(batch.length)})`,
        ...batch,
      );
      for (const r of rows) out.set(r.id, parsePayload(r.payload));
    }
    return out;
  }

  async textMatches(index: IndexName, anyText: string, commonTerms?: CommonTerms): Promise<NumberedTextMatches> {
    const l = layoutOf(index);
    const terms = await this.selectiveTerms(l, [...new Set(analyze(anyText))], commonTerms);
    if (terms.length === 0) return { numbering: await this.numbering(index), numbers: [], ranks: [] };
    const rows = await this.db.$queryRawUnsafe<{ seq: unknown; rank: number; numbering: string }[]>(
      `SELECT rowid AS seq, bm25(${l.fts}, ${l.weights.join(", ")}) AS rank, (SELECT value FROM search_meta WHERE key = ?) AS numbering
       FROM ${l.fts} WHERE ${l.fts} MATCH ?`,
      numberingKey(index),
      ftsMatchExpression(terms, false, " OR "),
    );
    return { numbering: rows[0]?.numbering ?? (await this.numbering(index)), numbers: rows.map((r) => toNumber(r.seq)), ranks: rows.map((r) => r.rank) };
  }

  async payloadsByNumber(index: IndexName, numbers: readonly number[]): Promise<Map<number, { id: string; payload: unknown }>> {
    const l = layoutOf(index);
    // One statement whatever the count: the numbers travel as one JSON array, not as bound parameters.
    const rows = await this.db.$queryRawUnsafe<{ seq: unknown; id: string; payload: unknown }[]>(
      `SELECT seq, id, payload FROM ${l.docs} WHERE seq IN (SELECT value FROM json_each(?))`,
      JSON.stringify(numbers),
    );
    return new Map(rows.map((r) => [toNumber(r.seq), { id: r.id, payload: parsePayload(r.payload) }]));
  }

  async documentsByNumber(index: IndexName, afterNumber: number, limit: number, fields: readonly string[]): Promise<NumberedDocuments> {
    return this.numberedDocuments(index, "seq > ? ORDER BY seq LIMIT ?", [afterNumber, Math.max(1, Math.floor(limit))], fields);
  }

  async documentsOf(index: IndexName, ids: readonly string[], fields: readonly string[]): Promise<NumberedDocuments> {
    return this.numberedDocuments(index, "id IN (SELECT value FROM json_each(?))", [JSON.stringify(ids)], fields);
  }

  /** The documents `where` selects, with the values of `fields`: two reads, the docs then their filter rows. */
  private async numberedDocuments(index: IndexName, where: string, params: unknown[], fields: readonly string[]): Promise<NumberedDocuments> {
    const l = layoutOf(index);
    const rows = await this.db.$queryRawUnsafe<{ seq: unknown; id: string; lat: number | null; lon: number | null; reach: number | null; numbering: string }[]>(
      `SELECT seq, id, lat, lon, reach, (SELECT value FROM search_meta WHERE key = ?) AS numbering FROM ${l.docs} WHERE ${where}`,
      numberingKey(index),
      ...params,
    );
    const numbering = rows[0]?.numbering;
    if (numbering === undefined) return { numbering: await this.numbering(index), documents: [] };
    const documents = rows.map(
      (r): NumberedDocument => ({
        number: toNumber(r.seq),
        id: r.id,
        geo: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon, reachKm: r.reach },
        filters: Object.fromEntries(fields.map((f) => [f, []])),
      }),
    );
    const bySeq = new Map(documents.map((d) => [d.number, d]));
    const values = await this.db.$queryRawUnsafe<{ seq: unknown; field: string; value: string; numbering: string }[]>(
      `SELECT doc_seq AS seq, field, value, (SELECT value FROM search_meta WHERE key = ?) AS numbering
       FROM ${l.filters} WHERE doc_seq IN (SELECT value FROM json_each(?)) AND field IN (SELECT value FROM json_each(?))`,
      numberingKey(index),
      JSON.stringify([...bySeq.keys()]),
      JSON.stringify(fields),
    );
    // A rebuild swapped in between the two reads: the filter rows belong to other documents, read again.
    if (values.some((v) => v.numbering !== numbering)) return this.numberedDocuments(index, where, params, fields);
    for (const v of values) bySeq.get(toNumber(v.seq))?.filters[v.field]?.push(v.value);
    return { numbering, documents };
  }

  /** What is cached of an index's contents (vocabulary, document total, per-term counts): gone with a swap or a clear. */
  private forgetCounts(index: IndexName): void {
    this.vocabularies.delete(index);
    this.totals.delete(index);
    this.termCounts.delete(index);
  }

  private async numbering(index: IndexName): Promise<string> {
    const rows = await this.db.$queryRawUnsafe<{ value: string }[]>("SELECT value FROM search_meta WHERE key = ?", numberingKey(index));
    return rows[0]?.value ?? "";
  }

  async clear(index: IndexName): Promise<void> {
    const l = layoutOf(index);
    await this.db.$transaction(async (t) => {
      await t.$executeRawUnsafe(`INSERT INTO ${l.fts} (${l.fts}) VALUES ('delete-all')`);
      await t.$executeRawUnsafe(`DELETE FROM ${l.filters}`);
      await t.$executeRawUnsafe(`DELETE FROM ${l.docs}`);
      await renumber(t, index);
    });
    this.forgetCounts(index);
  }

  async layoutVersion(): Promise<string | null> {
    const rows = await this.db.$queryRawUnsafe<{ value: string }[]>("SELECT value FROM search_meta WHERE key = 'layout'");
    return rows[0]?.value ?? null;
  }

  async setLayoutVersion(version: string): Promise<void> {
    await this.db.$executeRawUnsafe(
      "INSERT INTO search_meta (key, value) VALUES ('layout', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      version,
    );
  }

  async health(): Promise<boolean> {
    try {
      const rows = await this.db.$queryRawUnsafe<{ ok: unknown }[]>(`SELECT 1 AS ok FROM ${LAYOUTS.vacancies.docs} LIMIT 1`);
      return Array.isArray(rows);
    } catch {
      return false;
    }
  }

  // ---------------------------------------------------------------- writes

  private async inOwnTransaction(work: (t: DbTx) => Promise<void>): Promise<void> {
    await this.db.$transaction(async (t) => work(t), { timeout: OWN_TX_TIMEOUT_MS, maxWait: 60_000 });
  }

  private async existingSeqs(t: DbTx, l: IndexLayout, ids: string[]): Promise<number[]> {
    const rows = await t.$queryRawUnsafe<{ seq: unknown }[]>(`SELECT seq FROM ${l.docs} WHERE id IN (SELECT value FROM json_each(?))`, JSON.stringify(ids));
    return rows.map((r) => toNumber(r.seq));
  }

  private async deleteSideRows(t: DbTx, l: IndexLayout, seqs: number[]): Promise<void> {
    const list = JSON.stringify(seqs);
    await t.$executeRawUnsafe(`DELETE FROM ${l.fts} WHERE rowid IN (SELECT value FROM json_each(?))`, list);
    await t.$executeRawUnsafe(`DELETE FROM ${l.filters} WHERE doc_seq IN (SELECT value FROM json_each(?))`, list);
  }

  /**
   * One statement per table for the whole batch, its rows passed as one JSON array that SQLite unpacks
   * (json_each): binding thousands of separate parameters through the driver adapter costs more than
   * the inserts themselves.
   */
  private async upsertBatch(t: DbTx, l: IndexLayout, docs: SearchDocument[]): Promise<void> {
    const old = await this.existingSeqs(
      t,
      l,
      docs.map((d) => d.id),
    );
    if (old.length > 0) await this.deleteSideRows(t, l, old);

    const docRows = docs.map((d) => {
      const geo = d.geo && Number.isFinite(d.geo.lat) && Number.isFinite(d.geo.lon) ? d.geo : null;
      const time = d.date ? d.date.getTime() : NaN;
      const reach = geo?.reachKm ?? null;
      return [d.id, geo?.lat ?? null, geo?.lon ?? null, Number.isFinite(time) ? time : null, d.payload === undefined ? null : JSON.stringify(d.payload), reach !== null && Number.isFinite(reach) ? reach : null];
    });
    // ON CONFLICT keeps the existing seq, so the FTS rowid of an updated document does not change
    // ("WHERE true" is how SQLite tells an upsert's ON from a join's after a SELECT).
    const seqRows = await t.$queryRawUnsafe<{ seq: unknown; id: string }[]>(
      `INSERT INTO ${l.docs} (id, lat, lon, date, payload, reach)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?) WHERE true
       ON CONFLICT (id) DO UPDATE SET lat = excluded.lat, lon = excluded.lon, date = excluded.date, payload = excluded.payload, reach = excluded.reach
       RETURNING seq, id`,
      JSON.stringify(docRows),
    );
    const seqById = new Map(seqRows.map((r) => [r.id, toNumber(r.seq)]));

    const ftsRows: unknown[][] = [];
    const filterRows: [number, string, string][] = [];
    for (const d of docs) {
      const seq = seqById.get(d.id);
      if (seq === undefined) throw new Error(`Indicizzazione fallita per il documento ${d.id}`);
      const columns = this.textColumns(l, d.text);
      ftsRows.push([seq, ...columns]);
      this.learnTerms(l, columns);
      const seen = new Set<string>();
      for (const [field, raw] of Object.entries(d.filters)) {
        assertFilterField(schemaOf(l.name), field);
        if (raw == null) continue;
        for (const v of Array.isArray(raw) ? raw : [raw]) {
          const value = filterKey(v);
          const key = `${field}\u0000${value}`;
          if (seen.has(key)) continue; // the PK would reject duplicates inside one statement
          seen.add(key);
          filterRows.push([seq, field, value]);
        }
      }
    }
    await t.$executeRawUnsafe(
      `INSERT INTO ${l.fts} (rowid, ${l.textFields.join(", ")}) SELECT value ->> 0, ${l.textFields.map((_, i) => `value ->> ${i + 1}`).join(", ")} FROM json_each(?)`,
      JSON.stringify(ftsRows),
    );
    if (filterRows.length > 0) {
      await t.$executeRawUnsafe(`INSERT INTO ${l.filters} (doc_seq, field, value) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`, JSON.stringify(filterRows));
    }
  }

  /** A live index's cached vocabulary learns the terms this process writes (a rebuild's tables are read afresh after the swap). */
  private learnTerms(l: IndexLayout, columns: string[]): void {
    const vocabulary = l === LAYOUTS[l.name] ? this.vocabularies.get(l.name) : undefined;
    if (!vocabulary) return;
    for (const column of columns) for (const term of column.split(" ")) if (term) vocabulary.terms.add(term);
  }

  /** Normalised text per FTS column; fields the layout does not know are appended to the last column. */
  private textColumns(l: IndexLayout, text: Record<string, string>): string[] {
    const parts: string[][] = l.textFields.map(() => []);
    for (const [field, value] of Object.entries(text)) {
      if (typeof value !== "string" || value.length === 0) continue;
      parts[l.textFields.indexOf(textFieldOf(schemaOf(l.name), field))]?.push(normalizeForIndex(value));
    }
    return parts.map((p) => p.filter((s) => s.length > 0).join(" "));
  }

  // ---------------------------------------------------------------- reads

  /**
   * Whether the filters are checked hit by hit (EXISTS, a primary-key probe of about 3 µs each) or as
   * sets of their documents (IN, read once off the (field, value) index): probes while the documents
   * found by the text, or else in the radius's box, are few. Measured on 50,000 offers: a text with
   * 12,000 hits 14.6 ms probing, 9.8 ms by sets; one with a few dozen 1.7 ms probing, 3.7 ms by sets.
   */
  private async probeFilters(l: IndexLayout, query: SearchQuery, search: TextMatch | null): Promise<boolean> {
    if (!Object.values(query.filters ?? {}).some((v) => v?.length)) return true;
    const near = query.near;
    if (search === null && !near) return false;
    let rows: { n: unknown }[];
    if (search) {
      rows = await this.db.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM ${l.fts} WHERE ${l.fts} MATCH ?`, search.match);
    } else {
      const box = boundingBox(near!, near!.radiusKm);
      rows = await this.db.$queryRawUnsafe(`SELECT COUNT(*) AS n FROM ${l.docs} WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?`, box.minLat, box.maxLat, box.minLon, box.maxLon);
    }
    return toNumber(rows[0]?.n) < PROBED_HITS_LIMIT;
  }

  /**
   * `WITH ... hits AS (...)`: every document passing text, filters and radius, with its bm25 rank
   * and distance; the page, the total and the facets all read it, so they always agree. MATERIALIZED:
   * otherwise the planner may drive the facet join from the filter table and re-run the FTS match per
   * filter row (measured: 550 ms instead of 10 ms on 50k).
   */
  private hitsCte(l: IndexLayout, query: SearchQuery, search: TextMatch | null, probeFilters: boolean): Sql {
    const params: unknown[] = [];
    let from = `${l.docs} d`;
    let rank = "NULL";
    // 1 for a document found only through a typo; the subquery runs once (a join would re-run the MATCH per row).
    let typos = "0";
    const typoParams: unknown[] = [];
    if (search !== null) {
      from += ` JOIN (SELECT rowid AS r, bm25(${l.fts}, ${l.weights.join(", ")}) AS rank
                      FROM ${l.fts} WHERE ${l.fts} MATCH ?) m ON m.r = d.seq`;
      params.push(search.match);
      rank = "m.rank";
      if (search.exact !== null) {
        typos = `(d.seq NOT IN (SELECT rowid FROM ${l.fts} WHERE ${l.fts} MATCH ?))`;
        typoParams.push(search.exact);
      }
    }

    let dist = "NULL";
    const distParams: unknown[] = [];
    const where: string[] = [];
    const whereParams: unknown[] = [];
    const near = query.near;
    for (const [field, values] of Object.entries(query.filters ?? {})) {
      if (!values || values.length === 0) continue; // no accepted values listed = no constraint
      const keys = [...new Set(values.map(filterKey))];
      where.push(
        probeFilters
          ? `EXISTS (SELECT 1 FROM ${l.filters} f WHERE f.doc_seq = d.seq AND f.field = ? AND f.value IN (${placeholders(keys.length)}))`
          : `d.seq IN (SELECT doc_seq FROM ${l.filters} WHERE field = ? AND value IN (${placeholders(keys.length)}))`,
      );
      whereParams.push(field, ...keys);
    }
    let outer = "";
    const outerParams: unknown[] = [];
    if (near) {
      const box = boundingBox(near, near.radiusKm);
      // First: two columns of the row already read, where each filter is a probe or a set lookup.
      where.unshift("d.lat BETWEEN ? AND ? AND d.lon BETWEEN ? AND ?");
      whereParams.unshift(box.minLat, box.maxLat, box.minLon, box.maxLon);
      // Same formula and radius as haversineKm in src/geo/haversine.ts.
      dist = `(2 * ${EARTH_RADIUS_KM} * asin(min(1, sqrt(
                 pow(sin(radians(d.lat - ?) / 2), 2)
                 + cos(radians(?)) * cos(radians(d.lat)) * pow(sin(radians(d.lon - ?) / 2), 2)))))`;
      distParams.push(near.lat, near.lat, near.lon);
      outer = "WHERE dist <= ?";
      outerParams.push(near.radiusKm);
    }

    const text = `WITH base AS (
        SELECT d.seq AS seq, d.id AS id, d.date AS date, ${rank} AS rank, ${typos} AS typos, ${dist} AS dist
        FROM ${from}
        ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ), hits AS MATERIALIZED (SELECT * FROM base ${outer})`;
    // Parameter order follows the text: select-list (typos, dist), join (match), where, outer.
    return { text, params: [...typoParams, ...distParams, ...params, ...whereParams, ...outerParams] };
  }

  private orderBy(sort: NonNullable<SearchQuery["sort"]>, hasText: boolean, hasNear: boolean): string {
    const byRank = hasText ? "typos ASC, rank ASC, " : "";
    switch (sort) {
      case "date_desc":
        return `date DESC NULLS LAST, ${byRank}id`;
      case "date_asc":
        return `date ASC NULLS LAST, ${byRank}id`;
      case "distance":
        // Without a centre there is no distance: fall back to relevance.
        return hasNear ? `dist ASC, ${byRank}id` : `${byRank}date DESC NULLS LAST, id`;
      case "relevance":
      default:
        // No text: nothing to rank by, so the newest come first.
        return `${byRank}date DESC NULLS LAST, id`;
    }
  }

  /**
   * The facet part of the search statement: counts per (field, value) over the hits, read off the
   * (field, value, doc_seq) index when nothing constrains them. CROSS JOIN keeps the hits driving:
   * left to itself the planner may scan the whole filter table against an automatic index on them.
   */
  private facetCounts(l: IndexLayout, query: SearchQuery): Sql | null {
    const wanted = [...new Set(query.facets ?? [])];
    if (wanted.length === 0) return null;
    const unconstrained =
      !query.near && queryTerms(query.q ?? "").terms.length === 0 && !Object.values(query.filters ?? {}).some((v) => v?.length);
    const fieldIn = `f.field IN (${placeholders(wanted.length)})`;
    // Over the hits the field is only checked (`+`), not looked up: each hit's filter rows are one range of the key.
    const from = unconstrained ? `${l.filters} f WHERE ${fieldIn}` : `hits h CROSS JOIN ${l.filters} f ON f.doc_seq = h.seq WHERE +${fieldIn}`;
    return { text: `SELECT 2, COUNT(*), NULL, NULL, NULL, f.field, f.value FROM ${from} GROUP BY f.field, f.value`, params: wanted };
  }
}
