/** First wait after a failed attempt; it doubles with each further failure. */
export const RETRY_BASE_MS = 30_000;
/** No retry waits longer than this. */
export const RETRY_MAX_MS = 3_600_000;

/** How long a job waits after its `attempts`-th failed attempt (1-based): exponential, capped. */
export function retryDelayMs(attempts: number, baseMs = RETRY_BASE_MS, maxMs = RETRY_MAX_MS): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
