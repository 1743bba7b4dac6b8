import type { Db, DbTx } from "../db/client.js";
import { AppError, notFound } from "../errors/app-error.js";
import type { Prisma } from "../generated/prisma/client.js";
import { VACANCY_STATUS_LABELS, type VacancyStatus } from "../vacancies/vacancy-status.js";

export const proposalInclude = {
  vacancy: { select: { id: true, requestedProfile: true, companyName: true, cpiCode: true, status: true, referentUserId: true } },
  candidate: { select: { id: true, firstName: true, lastName: true, cpi: { select: { code: true, name: true } } } },
  history: { orderBy: [{ at: "asc" }, { id: "asc" }] },
} satisfies Prisma.ProposalInclude;
export type ProposalRecord = Prisma.ProposalGetPayload<{ include: typeof proposalInclude }>;

export async function findProposal(db: DbTx, id: string): Promise<ProposalRecord> {
  const proposal = await db.proposal.findUnique({ where: { id }, include: proposalInclude });
  if (!proposal) throw notFound("Segnalazione");
  return proposal;
}

export async function findProposals(db: Db, where: Prisma.ProposalWhereInput, page?: { skip: number; take: number }): Promise<ProposalRecord[]> {
  return db.proposal.findMany({ where, include: proposalInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...page });
}

/** The names of the users the proposals mention (ids only are stored, so they survive erasure). */
export async function userNamesOf(db: DbTx, proposals: ProposalRecord[]): Promise<Map<string, string>> {
  const ids = new Set(proposals.flatMap((p) => [p.proposedById, p.decidedById, ...p.history.map((h) => h.byUserId)]).filter((id): id is string => id !== null));
  if (ids.size === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Proposals are made, and accepted, for vacancies still looking for people: open or in preselection. */
const OPEN_TO_PROPOSALS: readonly VacancyStatus[] = ["open", "in_preselection"];

export function assertOpenToProposals(vacancy: { status: string }): void {
  const status = vacancy.status as VacancyStatus;
  if (OPEN_TO_PROPOSALS.includes(status)) return;
  throw new AppError(
    "VACANCY_CLOSED",
    `L'offerta è «${VACANCY_STATUS_LABELS[status]}»: le segnalazioni si fanno e si accettano solo per offerte aperte o in preselezione.`,
    [{ field: "vacancy", message: `Stato dell'offerta: ${status}` }],
  );
}
