import type { Actor } from "../auth/actor.js";
import type { DbTx } from "../db/client.js";
import { AppError } from "../errors/app-error.js";
import { assertCpiOpen, competentCpiOf } from "./competent-cpi.js";

/**
 * A vacancy's CPI: the one named (if open); else its referent's (referentUserId, or the publishing
 * referent) when they work for one open CPI; for a referent of several, the one of those serving the
 * workplace; with no referent to go by (an administrator publishing), the CPI serving the workplace.
 */
export async function vacancyCpiOf(
  db: DbTx,
  actor: Actor,
  input: { cpiCode?: string | undefined; referentUserId?: string | undefined; workplaceIstatCode: string },
): Promise<string> {
  if (input.cpiCode !== undefined) {
    await assertCpiOpen(db, input.cpiCode);
    return input.cpiCode;
  }
  const workplace = { field: "workplaceIstatCode", istatCode: input.workplaceIstatCode };
  const referentId = input.referentUserId ?? (actor.role === "referent" ? actor.userId : undefined);
  if (referentId === undefined) return competentCpiOf(db, undefined, workplace);
  const links = await db.userCpi.findMany({ where: { userId: referentId, user: { role: "referent" }, cpi: { closedAt: null } }, select: { cpiCode: true }, orderBy: { cpiCode: "asc" } });
  const codes = links.map((l) => l.cpiCode);
  if (codes.length === 1) return codes[0]!;
  if (codes.length === 0) return competentCpiOf(db, undefined, workplace);
  const serving = await db.cpiCatchment.findUnique({ where: { comuneIstatCode: input.workplaceIstatCode } });
  if (serving && codes.includes(serving.cpiCode)) return serving.cpiCode;
  const message = `Il referente opera per più CPI (${codes.join(", ")}) e nessuno serve la sede di lavoro: indicare il CPI`;
  throw new AppError("VALIDATION_FAILED", `Dati non validi: ${message.charAt(0).toLowerCase()}${message.slice(1)}.`, [{ field: "cpiCode", message }]);
}
