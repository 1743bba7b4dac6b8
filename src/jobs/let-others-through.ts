import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Long work in the service's own process calls this often: once its slice of the event loop has
 * lasted SLICE_MS it waits a turn, so requests that arrived meanwhile are answered before it goes on.
 */
const SLICE_MS = 20;
let sliceStart = performance.now();

export async function letOthersThrough(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await nextTurn();
  sliceStart = performance.now();
}
