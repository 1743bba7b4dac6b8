import type { DbTx } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { CLOSED_STATUSES } from "../vacancies/vacancy-status.js";
import type { VacancyDeadlineFacts } from "./deadline-rules.js";

/** What the deadline list shows of a vacancy, with the facts its deadlines depend on. */
const deadlineVacancySelect = {
  id: true,
  status: true,
  cpiCode: true,
  cpi: { select: { name: true } },
  requestedProfile: true,
  companyName: true,
  arrivalDate: true,
  selectionRequestedAt: true,
  selectionStartedAt: true,
  referentUserId: true,
  referentName: true,
  referentEmail: true,
  shortlists: { where: { sentAt: { not: null } }, select: { sentAt: true, outcomeCheckedAt: true, declinedAt: true } },
} satisfies Prisma.VacancySelect;

type Row = Prisma.VacancyGetPayload<{ select: typeof deadlineVacancySelect }>;
export type DeadlineVacancy = Omit<Row, "shortlists"> & VacancyDeadlineFacts;

const toFacts = ({ shortlists, ...v }: Row): DeadlineVacancy => ({
  ...v,
  sentLists: shortlists.flatMap((l) => (l.sentAt ? [{ sentAt: l.sentAt, outcomeCheckedAt: l.outcomeCheckedAt, declinedAt: l.declinedAt }] : [])),
});

/** The vacancies that can have deadlines (not closed), of the given CPIs or of every CPI (null). */
export async function loadDeadlineVacancies(db: DbTx, cpiCodes: readonly string[] | null): Promise<DeadlineVacancy[]> {
  const rows = await db.vacancy.findMany({
    where: { status: { notIn: [...CLOSED_STATUSES] }, ...(cpiCodes ? { cpiCode: { in: [...cpiCodes] } } : {}) },
    select: deadlineVacancySelect,
    orderBy: { id: "asc" },
  });
  return rows.map(toFacts);
}

/** One vacancy with its deadline facts, whatever its status; null when it does not exist. */
export async function loadDeadlineVacancy(db: DbTx, id: string): Promise<DeadlineVacancy | null> {
  const row = await db.vacancy.findUnique({ where: { id }, select: deadlineVacancySelect });
  return row ? toFacts(row) : null;
}
