import type { Prisma } from "../generated/prisma/client.js";

/**
 * The events to report to ANPAL and INPS: those charged to a benefit. A recorded fact that costs no
 * benefit (justified, or the person received none it applies to) is stored without a programme, so the
 * per-CPI list, the exports and the erasure check leave it out, and the sanction counts skip it.
 */
export const TO_REPORT = { programme: { not: null } } satisfies Prisma.ConditionalityEventWhereInput;
