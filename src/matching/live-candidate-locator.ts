import type { Logger } from "pino";
import type { Db } from "../db/client.js";
import { latestEventSeq } from "../events/read-events.js";
import { applyEventsToIndex } from "../indexing/apply-events-to-index.js";
import { letOthersThrough } from "../jobs/let-others-through.js";
import { loadSearchDocuments } from "../indexing/load-search-documents.js";
import type { LatLon } from "../geo/haversine.js";
import { CandidateLocator, type Located } from "./candidate-locator.js";

// Small enough that one page's reads and documents take a few tens of milliseconds: the store's driver is
// synchronous, so the load and the catch-up yield between pages or the requests in flight would wait for them.
const IDS_PER_PAGE = 500;
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
 * The in-memory candidate locator of one process, kept current from the event log: loaded once from
 * the store (the last event is noted first, so what changes during the load is brought in after it),
 * then, before every question, brought up to the last event like an index consumer (the documents of
 * the events read are rebuilt from the store). Every process follows the log on its own, so a person
 * written by the CLI or by another API process is found by the next list built here.
 * Until the load is done, and while a bulk write elsewhere leaves it far behind the log, `near` answers
 * null and retrieval asks the search index instead.
 */
export class LiveCandidateLocator {
  private readonly locator = new CandidateLocator();
  private lastSeq = 0;
  private loaded: Promise<void> | null = null;
  private ready = false;
  private catchingUp: Promise<void> = Promise.resolve();
  private inBackground: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
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
  async near(keys: readonly string[], centre: LatLon, radiusKm: number, limit: number): Promise<Located[] | null> {
    if (!this.ready) {
      void this.load();
      return null;
    }
    if ((await latestEventSeq(this.db)) - this.lastSeq > MAX_EVENTS_A_LIST_WAITS_FOR) {
      this.inBackground ??= this.catchUp()
        .catch((err: unknown) => this.log.warn({ err }, "aggiornamento delle persone in memoria non riuscito: nuovo tentativo alla prossima rosa"))
        .finally(() => {
          this.inBackground = null;
        });
      return null;
    }
    await this.catchUp();
    return this.locator.near(keys, centre, radiusKm, limit);
  }

  /** Applies the events after the last one applied; concurrent callers share one pass at a time. */
  catchUp(): Promise<void> {
    // A failed pass (the store busy) leaves lastSeq where it was: the next caller retries from there.
    this.catchingUp = this.catchingUp.catch(() => {}).then(async () => {
      const applied = await applyEventsToIndex(this.db, "candidates", this.locator, this.lastSeq, { batchSize: EVENTS_PER_BATCH, afterBatch: letOthersThrough });
      this.lastSeq = applied.lastSeq;
    });
    return this.catchingUp;
  }

  private async fill(onProgress?: LocatorLoadProgress): Promise<void> {
    const started = Date.now();
    this.lastSeq = await latestEventSeq(this.db);
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
    await this.catchUp();
    this.log.info({ people: this.locator.size, ms: Date.now() - started }, "persone caricate in memoria per l'abbinamento");
  }
}
