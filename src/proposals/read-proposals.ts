import type { Actor } from "../auth/actor.js";
import { assertAllowed } from "../auth/policies.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import type { Prisma } from "../generated/prisma/client.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { canListProposals, canReadAllProposalsOf, canReadProposal } from "./proposal-policies.js";
import { findProposal, findProposals, userNamesOf, type ProposalRecord } from "./proposal-repository.js";
import type { ProposalsQuery } from "./proposal-schemas.js";
import type { ProposalStatus } from "./proposal-states.js";
import { toProposalDetailView, toProposalView, type ProposalDetailView, type ProposalView } from "./proposal-views.js";

/** Proposals name people: every one shown is recorded in the audit as read. */
async function viewsOf(ctx: AppContext, actor: Actor, proposals: ProposalRecord[], route: string): Promise<ProposalView[]> {
  const names = await userNamesOf(ctx.db, proposals);
  await recordAudit(ctx.db, actor, "read", "candidate", [...new Set(proposals.map((p) => p.candidateId))], route);
  return proposals.map((p) => toProposalView(p, names));
}

const statusWhere = (status: ProposalStatus[] | undefined): Prisma.ProposalWhereInput => (status?.length ? { status: { in: status } } : {});

/** A proposal with its history as a write answers it (the write is audited already). */
export async function proposalDetail(ctx: AppContext, proposal: ProposalRecord): Promise<ProposalDetailView> {
  return toProposalDetailView(proposal, await userNamesOf(ctx.db, [proposal]));
}

/** One proposal with its history: its proposer, the vacancy's referent, the operators of the vacancy's CPI, administrators. */
export async function readProposal(ctx: AppContext, actor: Actor, id: string, route: string): Promise<ProposalDetailView> {
  const proposal = await findProposal(ctx.db, id);
  assertAllowed(canReadProposal(actor, proposal, proposal.vacancy));
  await recordAudit(ctx.db, actor, "read", "candidate", [proposal.candidateId], route);
  return proposalDetail(ctx, proposal);
}

/** A vacancy's proposals, oldest first: all of them for its CPI's operators and referent; only one's own for anyone else. */
export async function listVacancyProposals(
  ctx: AppContext,
  actor: Actor,
  vacancyId: string,
  status: ProposalStatus[] | undefined,
  route: string,
): Promise<{ items: ProposalView[]; total: number }> {
  assertAllowed(canListProposals(actor));
  const vacancy = await findVacancy(ctx.db, vacancyId);
  const all = canReadAllProposalsOf(actor, vacancy) === null;
  const proposals = await findProposals(ctx.db, { vacancyId, ...(all ? {} : { proposedById: actor.userId }), ...statusWhere(status) });
  const items = await viewsOf(ctx, actor, proposals, route);
  return { items, total: items.length };
}

/**
 * The proposals of the caller, oldest first: with mine=true (and always for tutors and navigators) the
 * ones they made, with the referent's decision and reason; for a referent the queue to review (the
 * proposals on the vacancies they refer, and on unassigned vacancies of their CPIs); for an
 * administrator every one.
 */
export async function listProposals(ctx: AppContext, actor: Actor, query: ProposalsQuery, route: string) {
  assertAllowed(canListProposals(actor));
  const whose: Prisma.ProposalWhereInput =
    query.mine || actor.role === "tutor" || actor.role === "navigator"
      ? { proposedById: actor.userId }
      : actor.role === "referent"
        ? { vacancy: { OR: [{ referentUserId: actor.userId }, { referentUserId: null, cpiCode: { in: actor.cpiCodes } }] } }
        : {};
  const where: Prisma.ProposalWhereInput = { ...whose, ...statusWhere(query.status), ...(query.vacancyId ? { vacancyId: query.vacancyId } : {}) };
  const [total, proposals] = await Promise.all([
    ctx.db.proposal.count({ where }),
    findProposals(ctx.db, where, { skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { total, page: query.page, pageSize: query.pageSize, items: await viewsOf(ctx, actor, proposals, route) };
}
