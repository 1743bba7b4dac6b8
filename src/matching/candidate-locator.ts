import { boundingBox, haversineKm, type LatLon } from "../geo/haversine.js";
import { GrowableIntLists, PackedSlotLists } from "./packed-int-lists.js";
import type { DocumentNumbers, IndexWriter, NumberedTextMatches, SearchDocument } from "../indexing/search-index.js";

/** What the locator keeps of a person: where they live, how far they travel, whether available, their occupation-cell keys. */
export interface LocatorEntry {
  id: string;
  lat: number;
  lon: number;
  /** Null: no limit of their own (the caller's radius applies). */
  reachKm: number | null;
  available: boolean;
  keys: readonly string[];
}

export interface Located {
  id: string;
  distanceKm: number;
  /** The index's number of the person's document, -1 when not known (see setNumbers). */
  number: number;
}

/** What `near` counted: everyone it found, of whom it returned the nearest `limit`. */
export interface NearTally {
  withinRadius: number;
}

/** The filter fields of a candidate document the locator keeps. */
export const LOCATOR_FIELDS = ["availability", "occcell"] as const;

const valuesOf = (v: SearchDocument["filters"][string] | undefined): string[] => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)]);

/** The entry of a candidate search document: the same keys, point, reach and availability the index filters on. */
export function locatorEntryOf(doc: Pick<SearchDocument, "id" | "geo" | "filters">): LocatorEntry | null {
  if (!doc.geo) return null;
  return {
    id: doc.id,
    lat: doc.geo.lat,
    lon: doc.geo.lon,
    reachKm: doc.geo.reachKm ?? null,
    available: valuesOf(doc.filters.availability).includes("available"),
    keys: valuesOf(doc.filters.occcell),
  };
}

const INITIAL_SLOTS = 1_024;

/**
 * The key branch of matching retrieval held in memory: for each occupation-cell key the people posted
 * under it, and per person a point, a reach and availability in typed arrays. At a million people the
 * same question asked of the index's filter table reads every posting row and its document through
 * SQL (about 200 ms an offer); here it is a walk over integer slots. Kept current by upserts and
 * removals of search documents, so the index consumer's machinery can feed it (live-candidate-locator.ts).
 * Told the embedded index's number of each person's document, it also keeps the text matches the index
 * lists by number within reach (`withinReachOf`), the text branch without a document read per match.
 */
export class CandidateLocator implements IndexWriter {
  private readonly slotOf = new Map<string, number>();
  private ids: (string | undefined)[] = [];
  private lat = new Float64Array(INITIAL_SLOTS);
  private lon = new Float64Array(INITIAL_SLOTS);
  /** NaN: no reach of their own. */
  private reach = new Float64Array(INITIAL_SLOTS);
  private available = new Uint8Array(INITIAL_SLOTS);
  private readonly keysOfSlot = new PackedSlotLists();
  private readonly keyIdOf = new Map<string, number>();
  private readonly postings = new GrowableIntLists();
  private readonly freeSlots: number[] = [];
  /** Slots already seen by the running query, marked with its stamp: no Set per query. */
  private seen = new Uint32Array(INITIAL_SLOTS);
  private stamp = 0;
  /** The index's number of each slot's document (-1: not known) and the slot of each number, under `numbering`. */
  private numberOfSlot = new Int32Array(INITIAL_SLOTS).fill(-1);
  private slotOfNumber = new Int32Array(INITIAL_SLOTS).fill(-1);
  private numbering: string | null = null;

  get size(): number {
    return this.slotOf.size;
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const doc of docs) {
      const entry = locatorEntryOf(doc);
      if (entry) this.set(entry);
      else this.delete(doc.id);
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.delete(id);
  }

  set(entry: LocatorEntry): void {
    let slot = this.slotOf.get(entry.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.ids.length;
      this.ensureCapacity(slot + 1);
      this.slotOf.set(entry.id, slot);
      this.ids[slot] = entry.id;
    } else {
      this.unpost(slot);
    }
    this.lat[slot] = entry.lat;
    this.lon[slot] = entry.lon;
    this.reach[slot] = entry.reachKm ?? Number.NaN;
    this.available[slot] = entry.available ? 1 : 0;
    const keyIds = [...new Set(entry.keys)].map((k) => this.keyId(k));
    for (const k of keyIds) this.postings.push(k, slot);
    this.keysOfSlot.set(slot, keyIds);
  }

  delete(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.unpost(slot);
    this.unnumber(slot);
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.available[slot] = 0;
    this.freeSlots.push(slot);
  }

  /**
   * The available people posted under any of `keys` within `radiusKm` of `centre` and within their own
   * reach of it, nearest first (ties by id, as the index orders them), at most `limit`; `tally`, when
   * given, is told how many there were before the limit.
   */
  near(keys: readonly string[], centre: LatLon, radiusKm: number, limit: number, tally?: NearTally): Located[] {
    const area = { centre, radiusKm, box: boundingBox(centre, radiusKm) };
    const stamp = this.nextStamp();
    const hits: { slot: number; d: number }[] = [];
    for (const key of keys) {
      const k = this.keyIdOf.get(key);
      if (k === undefined) continue;
      for (const slot of this.postings.view(k)) {
        if (this.seen[slot] === stamp) continue;
        this.seen[slot] = stamp;
        const d = this.distanceWithinReach(slot, area);
        if (!Number.isNaN(d)) hits.push({ slot, d });
      }
    }
    hits.sort((a, b) => a.d - b.d || compareIds(this.ids[a.slot]!, this.ids[b.slot]!));
    if (tally) tally.withinRadius = hits.length;
    return hits.slice(0, Math.max(0, limit)).map((h) => this.located(h.slot, h.d));
  }

  /**
   * Learns the index's numbers of these people's documents. Numbers of another numbering replace all
   * those known: then true, and the others are to be learnt again (see allIds).
   */
  setNumbers({ numbering, numbers }: DocumentNumbers): boolean {
    const renumbered = this.numbering !== null && numbering !== this.numbering;
    if (numbering !== this.numbering) {
      this.numberOfSlot.fill(-1);
      this.slotOfNumber.fill(-1);
      this.numbering = numbering;
    }
    for (const [id, n] of numbers) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.unnumber(slot);
      this.ensureNumbers(n + 1);
      // A number the index gave again (its last document was removed) leaves the slot that had it.
      const previous = this.slotOfNumber[n]!;
      if (previous >= 0) this.numberOfSlot[previous] = -1;
      this.slotOfNumber[n] = slot;
      this.numberOfSlot[slot] = n;
    }
    return renumbered;
  }

  /**
   * Of the index's text matches, the available people within `radiusKm` of `centre` and within their
   * own reach of it, most relevant first (ties by id, as the index orders them), at most `limit`; null
   * when the matches are numbered otherwise than the numbers this locator was told (the index was rebuilt).
   * Right only once the number of everyone held is known.
   */
  withinReachOf(matches: NumberedTextMatches, centre: LatLon, radiusKm: number, limit: number): Located[] | null {
    if (matches.numbering !== this.numbering) return null;
    const area = { centre, radiusKm, box: boundingBox(centre, radiusKm) };
    const hits: { slot: number; d: number; rank: number }[] = [];
    for (let i = 0; i < matches.numbers.length; i++) {
      const n = matches.numbers[i]!;
      const slot = n < this.slotOfNumber.length ? this.slotOfNumber[n]! : -1;
      if (slot < 0) continue;
      const d = this.distanceWithinReach(slot, area);
      if (!Number.isNaN(d)) hits.push({ slot, d, rank: matches.ranks[i]! });
    }
    hits.sort((a, b) => a.rank - b.rank || compareIds(this.ids[a.slot]!, this.ids[b.slot]!));
    return hits.slice(0, Math.max(0, limit)).map((h) => this.located(h.slot, h.d));
  }

  private located(slot: number, distanceKm: number): Located {
    return { id: this.ids[slot]!, distanceKm, number: this.numberOfSlot[slot]! };
  }

  /** Every person held, for learning their numbers anew. */
  *allIds(): Generator<string> {
    for (const id of this.ids) if (id !== undefined) yield id;
  }

  /** The distance of an available person within the area and within their own reach of its centre; NaN otherwise. */
  private distanceWithinReach(slot: number, area: { centre: LatLon; radiusKm: number; box: ReturnType<typeof boundingBox> }): number {
    if (this.available[slot] === 0) return Number.NaN;
    const lat = this.lat[slot]!;
    const lon = this.lon[slot]!;
    const { box } = area;
    if (lat < box.minLat || lat > box.maxLat || lon < box.minLon || lon > box.maxLon) return Number.NaN;
    const d = haversineKm(area.centre, { lat, lon });
    return d > area.radiusKm || d > this.reach[slot]! ? Number.NaN : d;
  }

  private unnumber(slot: number): void {
    const n = this.numberOfSlot[slot]!;
    if (n >= 0 && this.slotOfNumber[n] === slot) this.slotOfNumber[n] = -1;
    this.numberOfSlot[slot] = -1;
  }

  private ensureNumbers(size: number): void {
    if (size <= this.slotOfNumber.length) return;
    const grown = new Int32Array(Math.max(size, this.slotOfNumber.length * 2)).fill(-1);
    grown.set(this.slotOfNumber);
    this.slotOfNumber = grown;
  }

  private keyId(key: string): number {
    let k = this.keyIdOf.get(key);
    if (k === undefined) {
      k = this.postings.add();
      this.keyIdOf.set(key, k);
    }
    return k;
  }

  private unpost(slot: number): void {
    for (const k of this.keysOfSlot.get(slot)) this.postings.remove(k, slot);
    this.keysOfSlot.clear(slot);
  }

  private nextStamp(): number {
    if (this.stamp === 0xffff_ffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.lat.length) return;
    const size = Math.max(slots, this.lat.length * 2);
    const grow = <T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.lat = grow(this.lat, (n) => new Float64Array(n));
    this.lon = grow(this.lon, (n) => new Float64Array(n));
    this.reach = grow(this.reach, (n) => new Float64Array(n));
    this.available = grow(this.available, (n) => new Uint8Array(n));
    this.seen = grow(this.seen, (n) => new Uint32Array(n));
    this.numberOfSlot = grow(this.numberOfSlot, (n) => new Int32Array(n).fill(-1));
  }
}

/** Binary order, as SQLite compares the ids the index returns. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
