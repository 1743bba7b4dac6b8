import { AppError } from "../errors/app-error.js";

/** Where a page of the feed stopped: the last item's creation instant and id (keyset, newest first). */
export interface FeedPosition {
  createdAt: Date;
  id: string;
}

/** Opaque to clients: base64url of "<ISO instant>|<id>". */
export const encodeCursor = (p: FeedPosition): string => Buffer.from(`${p.createdAt.toISOString()}|${p.id}`).toString("base64url");

export function decodeCursor(cursor: string): FeedPosition {
  const [instant, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(instant ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== instant) {
    throw new AppError("VALIDATION_FAILED", "Cursore non valido: usare il valore nextCursor di una pagina precedente.", [{ field: "cursor", message: "Cursore non valido" }]);
  }
  return { createdAt, id };
}

/** The items older than a position: the next page, newest first. */
export const olderThan = (p: FeedPosition) => ({ OR: [{ createdAt: { lt: p.createdAt } }, { createdAt: p.createdAt, id: { lt: p.id } }] });

/** The position's item and every older one. */
export const atOrOlder = (p: FeedPosition) => ({ OR: [{ createdAt: { lt: p.createdAt } }, { createdAt: p.createdAt, id: { lte: p.id } }] });
