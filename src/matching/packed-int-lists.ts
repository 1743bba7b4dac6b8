/**
 * Lists of integers for the in-memory locator, kept in typed arrays: at a million people a JS array per
 * list costs 8 bytes an entry plus its header and slack, about twice the memory for the same postings.
 */

const grownTo = (a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> => {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
};

/** A few long lists (one per key): each its own growable Int32Array; order within a list is not kept. */
export class GrowableIntLists {
  private lists: Int32Array<ArrayBuffer>[] = [];
  private lengths = new Int32Array(64);

  /** A new, empty list; its id. */
  add(): number {
    const id = this.lists.length;
    this.lists.push(new Int32Array(4));
    this.lengths = grownTo(this.lengths, id + 1);
    return id;
  }

  push(list: number, value: number): void {
    const n = this.lengths[list]!;
    const items = grownTo(this.lists[list]!, n + 1);
    this.lists[list] = items;
    items[n] = value;
    this.lengths[list] = n + 1;
  }

  /** Removes one occurrence of `value` (the last entry takes its place). */
  remove(list: number, value: number): void {
    const items = this.lists[list]!;
    const n = this.lengths[list]!;
    const at = items.subarray(0, n).indexOf(value);
    if (at < 0) return;
    items[at] = items[n - 1]!;
    this.lengths[list] = n - 1;
  }

  /** The entries of a list, as a view valid until the list changes. */
  view(list: number): Int32Array {
    return this.lists[list]!.subarray(0, this.lengths[list]);
  }
}

/**
 * A short list per slot (a person's keys), all packed in one pool: a list is rewritten in place when
 * the new one fits, appended otherwise, and the pool is compacted once half of it is left behind.
 */
export class PackedSlotLists {
  private start = new Int32Array(1_024);
  private count = new Int32Array(1_024);
  private pool = new Int32Array(8_192);
  private used = 0;
  private stale = 0;

  set(slot: number, values: readonly number[]): void {
    this.ensureSlots(slot + 1);
    const old = this.count[slot]!;
    if (values.length > old) {
      this.stale += old;
      if (this.stale > this.used / 2 && this.used > 65_536) this.compact();
      this.pool = grownTo(this.pool, this.used + values.length);
      this.start[slot] = this.used;
      this.used += values.length;
    } else {
      this.stale += old - values.length;
    }
    if (values.length > 0) this.pool.set(values, this.start[slot]!);
    this.count[slot] = values.length;
  }

  clear(slot: number): void {
    if (slot >= this.count.length) return;
    this.stale += this.count[slot]!;
    this.count[slot] = 0;
  }

  /** The slot's list, as a view valid until the next set. */
  get(slot: number): Int32Array {
    if (slot >= this.count.length) return new Int32Array(0);
    const from = this.start[slot]!;
    return this.pool.subarray(from, from + this.count[slot]!);
  }

  private compact(): void {
    const pool = new Int32Array(Math.max(8_192, (this.used - this.stale) * 2));
    let at = 0;
    for (let slot = 0; slot < this.count.length; slot++) {
      const n = this.count[slot]!;
      if (n === 0) {
        this.start[slot] = 0;
        continue;
      }
      pool.set(this.pool.subarray(this.start[slot]!, this.start[slot]! + n), at);
      this.start[slot] = at;
      at += n;
    }
    this.pool = pool;
    this.used = at;
    this.stale = 0;
  }

  private ensureSlots(size: number): void {
    this.start = grownTo(this.start, size);
    this.count = grownTo(this.count, size);
  }
}
