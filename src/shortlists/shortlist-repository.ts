import { AppError, notFound } from "../errors/app-error.js";
import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { CLOSED_STATUSES, VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import { OPEN_SHORTLIST_STATUSES } from "./shortlist-states.js";

/** Each person with their comune, CPI and tutor: the referent reaching people of other CPIs sees whom to ask. */
export const shortlistInclude = {
  entries: {
    include: {
      candidate: { include: { domicile: true, cpi: { select: { code: true, name: true } }, tutor: { select: { id: true, name: true } } } },
    },
  },
} satisfies Prisma.ShortlistInclude;
export type ShortlistRecord = Prisma.ShortlistGetPayload<{ include: typeof shortlistInclude }>;
export type ShortlistEntryRecord = ShortlistRecord["entries"][number];

/** The vacancy's most recent list, whatever its status; null when none was ever built. */
export async function findCurrentShortlist(db: DbTx, vacancyId: string): Promise<ShortlistRecord | null> {
  return db.shortlist.findFirst({ where: { vacancyId }, include: shortlistInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** The draft or sent list of the vacancy, if any (there is at most one). */
export async function findOpenShortlist(db: DbTx, vacancyId: string): Promise<ShortlistRecord | null> {
  return db.shortlist.findFirst({
    where: { vacancyId, status: { in: [...OPEN_SHORTLIST_STATUSES] } },
    include: shortlistInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** The list the employer last received (still sent, or closed afterwards). */
export async function findLatestSentShortlist(db: DbTx, vacancyId: string): Promise<ShortlistRecord | null> {
  return db.shortlist.findFirst({
    where: { vacancyId, sentAt: { not: null } },
    include: shortlistInclude,
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
  });
}

/** The list being prepared: entries are added, removed and contacted only there. */
export async function requireDraftShortlist(db: DbTx, vacancyId: string): Promise<ShortlistRecord> {
  const open = await findOpenShortlist(db, vacancyId);
  if (!open) throw new AppError("NOT_FOUND", "Nessuna rosa in preparazione per questa offerta: costruirla prima.");
  if (open.status !== "draft") {
    throw new AppError("CONFLICT", "La rosa è già stata inviata all'azienda: non si modifica più. Per una nuova rosa riportare l'offerta in preselezione.", [
      { field: "shortlist", message: `Stato della rosa: ${open.status}` },
    ]);
  }
  return open;
}

export function findEntry(list: ShortlistRecord, candidateId: string): ShortlistEntryRecord {
  const entry = list.entries.find((e) => e.candidateId === candidateId);
  if (!entry) throw notFound("Persona nella rosa");
  return entry;
}

/** People counted against the cap: on the list and not removed. */
export const activeEntries = (list: ShortlistRecord) => list.entries.filter((e) => e.removedAt === null);

export const isVacancyClosed = (v: { status: string }) => CLOSED_STATUSES.includes(v.status as VacancyStatus);

/** List flows stop when the vacancy is closed (its lists are closed with it). */
export function assertVacancyNotClosed(vacancy: VacancyRecord): void {
  if (isVacancyClosed(vacancy)) {
    throw new AppError("CONFLICT", `L'offerta è chiusa («${VACANCY_STATUS_LABELS[vacancy.status as VacancyStatus]}»): la rosa non si modifica più.`, [
      { field: "vacancy", message: `Stato dell'offerta: ${vacancy.status}` },
    ]);
  }
}

export async function reloadShortlist(db: DbTx, id: string): Promise<ShortlistRecord> {
  return db.shortlist.findUniqueOrThrow({ where: { id }, include: shortlistInclude });
}
