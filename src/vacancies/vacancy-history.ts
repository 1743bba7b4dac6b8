import type { Actor } from "../auth/actor.js";
import { assertAllowed, canReadVacancy } from "../auth/policies.js";
import type { Db } from "../db/client.js";
import type { FieldChange, StoredDomainEvent } from "../events/domain-events.js";
import { readEventsOf } from "../events/read-events.js";
import type { VacancyStatusChange } from "../generated/prisma/client.js";
import { findVacancy } from "./vacancy-repository.js";

export interface VacancyHistoryItem {
  /** Place in the event log; null for status changes recorded before events existed. */
  seq: number | null;
  type: "published" | "changed" | "status_changed";
  at: string;
  byUserId: string | null;
  byUserName: string | null;
  /** Status before and after (status items only, as the history always had them), and why (also a referent handed over). */
  from: string | null;
  to: string | null;
  reason: string | null;
  /** What changed, field by field (the referent's name and e-mail by field name only). */
  changes: FieldChange[];
  /** Where a publication or status change came from when not the API: "importazione" (with the import's run), "scadenza". */
  source: string | null;
  importRunId: string | null;
}

type Entry = Omit<VacancyHistoryItem, "byUserName">;

type StatusRow = Pick<VacancyStatusChange, "fromState" | "toState" | "reason" | "byUserId" | "at"> & Partial<Pick<VacancyStatusChange, "source" | "importRunId">>;

const statusItem = (seq: number | null, row: StatusRow): Entry => ({
  seq,
  type: row.fromState === null ? "published" : "status_changed",
  at: row.at.toISOString(),
  byUserId: row.byUserId,
  from: row.fromState,
  to: row.toState,
  reason: row.reason,
  changes: [{ field: "status", before: row.fromState, after: row.toState }],
  source: row.source ?? null,
  importRunId: row.importRunId ?? null,
});

function eventItem(event: StoredDomainEvent, rows: Map<string, VacancyStatusChange>): Entry | null {
  const who = { seq: event.seq, at: event.at, byUserId: event.actorUserId };
  switch (event.type) {
    case "vacancy.published": {
      const row = rows.get(event.payload.statusChangeId);
      return statusItem(event.seq, { ...row, fromState: null, toState: event.payload.status, reason: row?.reason ?? null, byUserId: who.byUserId, at: who.at });
    }
    case "vacancy.status_changed": {
      const row = rows.get(event.payload.statusChangeId);
      return statusItem(event.seq, { ...row, fromState: event.payload.from, toState: event.payload.to, reason: event.payload.reason, byUserId: who.byUserId, at: who.at });
    }
    case "vacancy.changed":
      return {
        seq: event.seq,
        type: "changed",
        at: event.at.toISOString(),
        byUserId: event.actorUserId,
        from: null,
        to: null,
        reason: event.payload.reason ?? null,
        changes: event.payload.changes,
        source: null,
        importRunId: null,
      };
    default:
      return null;
  }
}

/**
 * Every change of a vacancy, oldest first, from its events: publication, field changes with before and
 * after, status changes with their reason and origin (an import, a deadline); status changes recorded
 * before events existed come from the status table.
 */
export async function vacancyHistory(db: Db, actor: Actor, id: string): Promise<VacancyHistoryItem[]> {
  assertAllowed(canReadVacancy(actor, await findVacancy(db, id)));
  const [events, statusRows] = await Promise.all([readEventsOf(db, "vacancy", id), db.vacancyStatusChange.findMany({ where: { vacancyId: id } })]);
  const rows = new Map(statusRows.map((r) => [r.id, r]));
  const fromEvents = events.flatMap((e) => eventItem(e, rows) ?? []);
  const covered = new Set(events.flatMap((e) => ("statusChangeId" in e.payload ? [e.payload.statusChangeId] : [])));
  const legacy = statusRows.filter((r) => !covered.has(r.id)).map((r) => statusItem(null, r));
  const entries = [...legacy, ...fromEvents].sort((a, b) => a.at.localeCompare(b.at) || (a.seq ?? 0) - (b.seq ?? 0));

  const userIds = [...new Set(entries.flatMap((e) => (e.byUserId ? [e.byUserId] : [])))];
  const names = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return entries.map((e) => ({ ...e, byUserName: e.byUserId ? (names.get(e.byUserId) ?? null) : null }));
}
