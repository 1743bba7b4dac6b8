import { checkIndexConsistency } from "../../indexing/check-index-consistency.js";
import type { JobHandler } from "../job-handler.js";

/** The nightly comparison of store and search index, repairing what differs (see check-index-consistency.ts). */
export const indexCheckJob: JobHandler = async (ctx) => {
  const reports = await checkIndexConsistency(ctx);
  const counts = Object.fromEntries(
    Object.entries(reports).flatMap(([name, r]) => [
      [`${name}.missing`, r.missing],
      [`${name}.differing`, r.differing],
    ]),
  );
  return { counts, report: reports };
};
