import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../errors/app-error.js";
import { isStoreBusy } from "../db/store-busy.js";

/**
 * When another writer keeps the store locked past the DB layer's own retries, the rows being written
 * are neither valid nor invalid: they are waited for and written again, and if the store stays busy
 * the import stops saying which rows were not written, so nobody mistakes them for rejected rows.
 */

/** Pauses before each new attempt; the work must be safe to repeat (a rolled-back chunk, a row re-checked). */
export const BUSY_PAUSES_MS = [1_000, 3_000, 10_000];

export async function writeWhileBusy<T>(rowNumbers: readonly number[], work: () => Promise<T>, pauses: readonly number[] = BUSY_PAUSES_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isStoreBusy(err)) throw err;
      const pause = pauses[attempt];
      if (pause === undefined) throw storeStayedBusy(rowNumbers);
      await sleep(pause);
    }
  }
}

export function storeStayedBusy(rowNumbers: readonly number[]): AppError {
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const rows = first === last ? `la riga ${first} non è stata scritta (non è una riga scartata)` : `le righe da ${first} a ${last} non sono state scritte (non sono righe scartate)`;
  return new AppError(
    "UNAVAILABLE",
    `Archivio occupato da altre scritture: ${rows}. ` +
      "Ripetere l'importazione: le righe già scritte risulteranno invariate.",
  );
}
