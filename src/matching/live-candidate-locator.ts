import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { latestEventSeq, readEventsAfter } from "../events/read-events.js";
import { applyEventsToIndex } from "../indexing/apply-events-to-index.js";
import { letOthersThrough } from "../jobs/let-others-through.js";
import { loadSearchDocuments } from "../indexing/load-search-documents.js";
import type { LatLon } from "../geo/haversine.js";
import type { NumberedDocuments, NumberedIndex, NumberedTextMatches } from "../indexing/search-index.js";
import { documentsOfEvents } from "../indexing/documents-of-events.js";
import type { CommonTerms } from "../indexing/selective-terms.js";
import { CandidateLocator, LOCATOR_FIELDS, locatorEntryOf, type Located, type NearTally } from "./candidate-locator.js";

// Small enough that one page's reads and documents take a few tens of milliseconds: the store's driver is
// synchronous, so the load and the catch-up yield between pages or the requests in flight would wait for them.
const IDS_PER_PAGE = 500;
/** Rows of the index's own tables are cheaper than a rebuilt document: larger pages, still tens of milliseconds. */
const DOCUMENTS_PER_PAGE = 2_000;
const EVENTS_PER_BATCH = 250;
/**
 * A list waits for the catch-up only up to this many events (well under a second of it): after a bulk
 * import elsewhere it is answered from the index, with the same people, while the locator catches up.
 */
export const MAX_EVENTS_A_LIST_WAITS_FOR = 2_000;

export interface LocatorLoadProgress {
  (loaded: number): void;
}

/**
 * The in-memory candidate locator of one process, kept current from the event log: loaded once, from
 * the embedded index's rows or else from the store (the last event is noted first, so what changes
 * during the load is brought in after it), then, before every question, brought up to the last event
 * like an index consumer (the people of the events read again from the embedded index's rows, or
 * rebuilt from the store). Every process follows the log on its own, so a person written by the CLI or
 * by another API process is found by the next list built here.
 * Until the load is done, and while a bulk write elsewhere leaves it far behind the log, `near` and
 * `byText` answer null and retrieval asks the search index instead. Given the embedded index, it knows
 * the index's number of every document it holds (it reads them with the rows), so the text branch
 * reads the index's matches by number and filters them here.
 */
export class LiveCandidateLocator {
  private readonly locator = new CandidateLocator();
  private lastSeq = 0;
  private loaded: Promise<void> | null = null;
  private ready = false;
  private catchingUp: Promise<void> = Promise.resolve();
  private inBackground: Promise<void> | null = null;
  private renumbering: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly numbered?: NumberedIndex,
  ) {}

  get size(): number {
    return this.locator.size;
  }

  /** Starts the load once (later calls return the same promise); resolves when the locator answers. */
  load(onProgress?: LocatorLoadProgress): Promise<void> {
    this.loaded ??= this.fill(onProgress).then(
      () => {
        this.ready = true;
      },
      (err: unknown) => {
        this.loaded = null;
        this.log.warn({ err }, "caricamento in memoria delle persone per l'abbinamento non riuscito: si usa l'indice di ricerca");
      },
    );
    return this.loaded;
  }

  /**
   * The people `CandidateLocator.near` finds as of the last event; null while the locator is loading or
   * further behind the log than a list should wait for (it then catches up in the background).
   */
  async near(keys: readonly string[], centre: LatLon, radiusKm: number, limit: number, tally?: NearTally): Promise<Located[] | null> {
    return (await this.current()) ? this.locator.near(keys, centre, radiusKm, limit, tally) : null;
  }

  /**
   * The `limit` most relevant available people within reach sharing a selective word of `text`, as the
   * index's own retrieval by text finds them (CandidateLocator.withinReachOf); null without a numbered
   * index, when `near` would be null, or while the numbers are learnt anew after a rebuild. The index's
   * matches are asked once per `memo`: a ranking that widens its radius asks the same words again.
   */
  async byText(
    text: string,
    commonTerms: CommonTerms | undefined,
    centre: LatLon,
    radiusKm: number,
    limit: number,
    memo: { textMatches?: Promise<NumberedTextMatches> } = {},
  ): Promise<Located[] | null> {
    if (!this.numbered || !(await this.current()) || this.renumbering) return null;
    const found = this.locator.withinReachOf(await (memo.textMatches ??= this.numbered.textMatches("candidates", text, commonTerms)), centre, radiusKm, limit);
    if (!found) this.renumberInBackground();
    return this.renumbering ? null : found;
  }

  /** Whether the locator may answer: loaded, and caught up unless that means waiting for a bulk write's events. */
  private async current(): Promise<boolean> {
    if (!this.ready) {
      void this.load();
      return false;
    }
    if ((await latestEventSeq(this.db)) - this.lastSeq > MAX_EVENTS_A_LIST_WAITS_FOR) {
      this.inBackground ??= this.catchUp()
        .catch((err: unknown) => this.log.warn({ err }, "aggiornamento delle persone in memoria non riuscito: nuovo tentativo alla prossima rosa"))
        .finally(() => {
          this.inBackground = null;
        });
      return false;
    }
    await this.catchUp();
    return true;
  }

  /** Applies the events after the last one applied; concurrent callers share one pass at a time. */
  catchUp(): Promise<void> {
    // A failed pass (the store busy) leaves lastSeq where it was: the next caller retries from there.
    this.catchingUp = this.catchingUp.catch(() => {}).then(async () => {
      if (this.numbered) return this.catchUpFromIndex(this.numbered);
      const applied = await applyEventsToIndex(this.db, "candidates", this.locator, this.lastSeq, { batchSize: EVENTS_PER_BATCH, afterBatch: letOthersThrough });
      this.lastSeq = applied.lastSeq;
    });
    return this.catchingUp;
  }

  /**
   * The events' people as the embedded index holds them now: it is written in the same transaction as
   * each event, and its rows cost less to read than a document rebuilt from the store. A person the
   * index no longer holds (erased) leaves the locator.
   */
  private async catchUpFromIndex(numbered: NumberedIndex): Promise<void> {
    for (;;) {
      const events = await readEventsAfter(this.db, this.lastSeq, EVENTS_PER_BATCH);
      const last = events.at(-1);
      if (!last) return;
      const ids = documentsOfEvents(events).get("candidates") ?? [];
      if (ids.length > 0) {
        const found = await numbered.documentsOf("candidates", ids, LOCATOR_FIELDS);
        if (this.take(found)) this.renumberInBackground();
        const held = new Set(found.documents.map((d) => d.id));
        for (const id of ids) if (!held.has(id)) this.locator.delete(id);
      }
      this.lastSeq = last.seq;
      await letOthersThrough();
    }
  }

  /**
   * Documents read from the index: their entries (a person without a place is not held) and numbers;
   * true when they came under a new numbering (see CandidateLocator.setNumbers).
   */
  private take({ numbering, documents }: NumberedDocuments): boolean {
    for (const d of documents) {
      const entry = locatorEntryOf(d);
      if (entry) this.locator.set(entry);
      else this.locator.delete(d.id);
    }
    return this.locator.setNumbers({ numbering, numbers: new Map(documents.map((d) => [d.id, d.number])) });
  }

  private async fill(onProgress?: LocatorLoadProgress): Promise<void> {
    const started = Date.now();
    this.lastSeq = await latestEventSeq(this.db);
    if (this.numbered) await this.fillFromIndex(this.numbered, onProgress);
    else await this.fillFromStore(onProgress);
    await this.catchUp();
    this.log.info({ people: this.locator.size, ms: Date.now() - started }, "persone caricate in memoria per l'abbinamento");
  }

  /**
   * From the embedded index's own rows, in number order: what the locator keeps is what the index
   * filters on, written in the same transactions as the store, and the numbers come with it. Several
   * times faster than rebuilding each person's search document from the store.
   */
  private async fillFromIndex(numbered: NumberedIndex, onProgress?: LocatorLoadProgress): Promise<void> {
    for (let after = 0; ; ) {
      const page = await numbered.documentsByNumber("candidates", after, DOCUMENTS_PER_PAGE, LOCATOR_FIELDS);
      const last = page.documents.at(-1);
      if (!last) break;
      if (this.take(page)) this.renumberInBackground();
      after = last.number;
      onProgress?.(this.locator.size);
      await letOthersThrough();
    }
  }

  /** From the store, person by person, through the search documents the index consumer would build. */
  private async fillFromStore(onProgress?: LocatorLoadProgress): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const page: { id: string }[] = await this.db.candidate.findMany({
        select: { id: true },
        orderBy: { id: "asc" },
        take: IDS_PER_PAGE,
        ...(after ? { where: { id: { gt: after } } } : {}),
      });
      if (page.length === 0) break;
      const { docs } = await loadSearchDocuments(
        this.db,
        "candidates",
        page.map((p) => p.id),
      );
      await this.locator.upsert(docs);
      after = page.at(-1)!.id;
      onProgress?.(this.locator.size);
      await letOthersThrough();
    }
  }

  /**
   * After a rebuild of the index: every number learnt again, page by page, the index answering the text
   * branch meanwhile; once more if the index was rebuilt again during the pass.
   */
  private renumberInBackground(): void {
    this.renumbering ??= (async () => {
      for (let again = true; again; ) {
        again = false;
        const ids = [...this.locator.allIds()];
        for (let i = 0; i < ids.length; i += IDS_PER_PAGE) {
          // The first page brings the new numbering in; a change after it is another rebuild.
          if (this.take(await this.numbered!.documentsOf("candidates", ids.slice(i, i + IDS_PER_PAGE), LOCATOR_FIELDS)) && i > 0) again = true;
          await letOthersThrough();
        }
      }
    })()
      .catch((err: unknown) => this.log.warn({ err }, "numeri dei documenti delle persone non riletti: nuovo tentativo alla prossima rosa"))
      .finally(() => {
        this.renumbering = null;
      });
  }
}
