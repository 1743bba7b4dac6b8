import type { DbTx } from "../db/client.js";
import { AppError } from "../errors/app-error.js";
import { detailsJson, detailsOf } from "./conditionality-details.js";
import { TO_REPORT } from "./reportable-events.js";

/**
 * Before a person is erased: an event not yet reported to ANPAL and INPS still needs the person's data,
 * so the erasure waits (409). Once everything is reported, the person's identity copied into the exports
 * is removed with them; the events stay, by id, as the record of what the CPI reported.
 */
export async function releaseConditionalityOf(tx: DbTx, candidateId: string): Promise<void> {
  const events = await tx.conditionalityEvent.findMany({ where: { ...TO_REPORT, candidateId } });
  const unreported = events.filter((e) => e.reportedAt === null).length;
  if (unreported > 0) {
    throw new AppError(
      "CONFLICT",
      unreported === 1
        ? "La persona ha una segnalazione di condizionalità non ancora comunicata ad ANPAL e INPS: non può essere cancellata finché non è segnalata."
        : `La persona ha ${unreported} segnalazioni di condizionalità non ancora comunicate ad ANPAL e INPS: non può essere cancellata finché non sono segnalate.`,
      [{ field: "id", message: "Segnalazioni di condizionalità da comunicare" }],
    );
  }
  // A fact that was never to be reported is the person's data alone: it goes with them.
  await tx.conditionalityEvent.deleteMany({ where: { candidateId, programme: null } });
  for (const e of events) {
    const { person, ...rest } = detailsOf(e);
    if (person) await tx.conditionalityEvent.update({ where: { id: e.id }, data: { details: detailsJson(rest) } });
  }
}
