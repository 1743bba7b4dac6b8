import { createInflateRaw, inflateRawSync, constants as zlib } from "node:zlib";

/**
 * Reads a zip archive's central directory (the table of contents at its end) without inflating
 * anything: what each entry declares it will take once inflated. An .xlsx is such an archive, and a
 * few hundred kilobytes can declare hundreds of megabytes, so this is read before any parser runs.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared; a forged archive may lie, see inflatedSizeWithin. */
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's record in the central directory starts. */
  directoryRecordOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** ZIP64 marks sizes and offsets that do not fit 32 bits with this value. */
const ZIP64_MARK = 0xffffffff;

/** Where the end record is, -1 when there is none: 22 bytes plus a comment of at most 65,535 bytes, at the very end. */
function endRecordAt(data: Buffer): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/** The entries, or undefined when the bytes are not a readable zip archive. */
export function zipEntries(data: Buffer): ZipEntry[] | undefined {
  const eocd = endRecordAt(data);
  if (eocd < 0) return undefined;
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_SIGNATURE) return undefined;
    const nameLength = data.readUInt16LE(at + 28);
    entries.push({
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      localHeaderOffset: data.readUInt32LE(at + 42),
      directoryRecordOffset: at,
      name: data.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The same archive with its entries stored in the order `rank` gives (lowest first), or the bytes
 * unchanged when they are not a readable archive. The records keep their total length, so only the
 * directory's offsets of the entries change.
 */
export function withEntriesInOrder(data: Buffer, rank: (name: string) => number): Buffer {
  const entries = zipEntries(data);
  if (!entries || entries.length === 0) return data;
  const directoryAt = data.readUInt32LE(endRecordAt(data) + 16);
  // An entry's record (header, data, data descriptor) runs to the next record, the last one to the directory.
  const stored = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const records = stored.map((e, i) => ({ entry: e, bytes: data.subarray(e.localHeaderOffset, stored[i + 1]?.localHeaderOffset ?? directoryAt) }));
  records.sort((a, b) => rank(a.entry.name) - rank(b.entry.name));
  const first = stored[0]!.localHeaderOffset;
  // Whatever precedes the first record (a self-extractor's stub) stays, so the directory does not move.
  const out = Buffer.concat([data.subarray(0, first), ...records.map((r) => r.bytes), data.subarray(directoryAt)]);
  let at = first;
  for (const r of records) {
    out.writeUInt32LE(at, r.entry.directoryRecordOffset + 42);
    at += r.bytes.length;
  }
  return out;
}

/** What the archive says it inflates to; ZIP64 sizes count as infinite (no spreadsheet we accept needs them). */
export function declaredInflatedSize(entries: readonly ZipEntry[]): number {
  return entries.reduce((sum, e) => sum + (e.uncompressedSize === ZIP64_MARK ? Infinity : e.uncompressedSize), 0);
}

function compressedBytes(data: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_SIGNATURE) return undefined;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  return data.subarray(start, start + entry.compressedSize);
}

/**
 * The first bytes an entry inflates to, at most about `maxBytes` (to read a header such as a sheet's
 * declared dimension without inflating the sheet).
 */
export function entryPrefix(data: Buffer, entry: ZipEntry, maxBytes: number): string {
  const bytes = compressedBytes(data, entry);
  if (!bytes) return "";
  if (entry.method === 0) return bytes.subarray(0, maxBytes).toString("utf8");
  try {
    // A slice of the deflate stream: flushed, not finished, and never more than maxBytes out.
    const slice = bytes.subarray(0, Math.min(bytes.length, Math.ceil(maxBytes / 4)));
    return inflateRawSync(slice, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: maxBytes * 256 }).subarray(0, maxBytes).toString("utf8");
  } catch {
    return "";
  }
}

/**
 * Inflates every entry for real, counting bytes and stopping as soon as the total passes `limit`:
 * declared sizes can lie. Streaming, so neither memory nor the event loop pays for a bomb.
 * Resolves with whether the archive stays within the limit.
 */
export async function inflatedSizeWithin(data: Buffer, entries: readonly ZipEntry[], limit: number): Promise<boolean> {
  let total = 0;
  for (const entry of entries) {
    const bytes = compressedBytes(data, entry);
    if (!bytes) return false;
    if (entry.method === 0) {
      total += bytes.length;
      if (total > limit) return false;
      continue;
    }
    const within = await new Promise<boolean>((resolve) => {
      const inflate = createInflateRaw();
      inflate.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          inflate.destroy();
          resolve(false);
        }
      });
      inflate.on("end", () => resolve(true));
      // A damaged entry is for the spreadsheet reader to report; only the size is judged here.
      inflate.on("error", () => resolve(total <= limit));
      inflate.end(bytes);
    });
    if (!within) return false;
  }
  return true;
}
