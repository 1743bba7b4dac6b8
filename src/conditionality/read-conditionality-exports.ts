import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { userNames } from "../congrua-offers/user-names.js";
import { conditionalityCsv } from "./conditionality-csv.js";
import { exportInclude, exportUserIds, findExportFor, toExportView } from "./conditionality-export-repository.js";
import type { ConditionalityExportListQuery } from "./conditionality-schemas.js";
import { conditionalityCpiScope } from "./conditionality-scope.js";

/** The export's file, as often as asked: the same events, the same bytes. Each download is audited. */
export async function conditionalityExportFile(ctx: AppContext, actor: Actor, id: string, route: string): Promise<{ filename: string; csv: string }> {
  const found = await findExportFor(ctx.db, actor, id);
  await recordAudit(ctx.db, actor, "export", "candidate", [...new Set(found.events.map((e) => e.candidateId))], route);
  const day = found.createdAt.toISOString().slice(0, 10);
  return { filename: `segnalazioni-condizionalita-${found.cpiCode}-${day}-${found.id}.csv`, csv: conditionalityCsv(found.events) };
}

/** The exports of the actor's CPIs (or of one), latest first, with whether they were reported. */
export async function listConditionalityExports(ctx: AppContext, actor: Actor, query: ConditionalityExportListQuery) {
  const cpis = await conditionalityCpiScope(ctx.db, actor, query.cpi);
  const where = cpis ? { cpiCode: { in: cpis } } : {};
  const [total, exports] = await Promise.all([
    ctx.db.conditionalityExport.count({ where }),
    ctx.db.conditionalityExport.findMany({ where, include: exportInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  const names = await userNames(ctx.db, exports.flatMap(exportUserIds));
  return { page: query.page, pageSize: query.pageSize, total, items: exports.map((x) => toExportView(x, names)) };
}
