import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors/app-error.js";
import { declineShortlist, type DeclineResult } from "../shortlists/decline-shortlist.js";
import { recordOutcome, type OutcomeResult } from "../shortlists/record-outcome.js";
import { findVacancy } from "../vacancies/vacancy-repository.js";
import { linkActor, linkRoute } from "./link-actor.js";
import { findUsableLink, markOpened } from "./link-repository.js";
import { CLOSED_LIST_MESSAGE } from "./minimised-list-view.js";

/** What the employer may say of a person through its link (no-show stays the referent's to record). */
export const LINK_OUTCOMES = ["interviewed", "hired", "not_selected", "withdrew"] as const;
export type LinkOutcome = (typeof LINK_OUTCOMES)[number];

/** The link's list, still with the employer (a closed list is read-only), and the employer acting through it. */
async function openForWriting(ctx: AppContext, token: string) {
  const now = new Date();
  const link = await findUsableLink(ctx.db, token, now);
  const list = await ctx.db.shortlist.findUniqueOrThrow({ where: { id: link.shortlistId }, select: { status: true, vacancyId: true } });
  if (list.status !== "sent") throw new AppError("CONFLICT", CLOSED_LIST_MESSAGE, [{ field: "shortlist", message: `Stato della rosa: ${list.status}` }]);
  const vacancy = await findVacancy(ctx.db, list.vacancyId);
  await markOpened(ctx.db, link.id, now);
  return { link, vacancy, actor: linkActor(link, vacancy) };
}

/** The note the referent reads in the list's history says the employer wrote it through the link. */
const throughLinkNote = (note: string | undefined) => `Comunicato dall'azienda tramite il collegamento${note ? `: ${note}` : ""}`;

/**
 * The employer records a person's outcome through the link: the referent's own flow (recordOutcome: the
 * transition table, the events, "hired" making the person employed), as the vacancy's employer, audited with the link.
 */
export async function recordOutcomeThroughLink(
  ctx: AppContext,
  token: string,
  entryId: string,
  outcome: LinkOutcome,
  note: string | undefined,
  route: string,
): Promise<OutcomeResult> {
  const { link, vacancy, actor } = await openForWriting(ctx, token);
  const entry = await ctx.db.shortlistEntry.findFirst({ where: { id: entryId, shortlistId: link.shortlistId, sentToEmployer: true }, select: { candidateId: true } });
  if (!entry) throw notFound("Persona nella rosa");
  return recordOutcome(ctx, actor, vacancy.id, entry.candidateId, outcome, throughLinkNote(note), linkRoute(route, link.id));
}

/** The employer turns the whole list down through the link: the decline flow, as the vacancy's employer. */
export async function declineThroughLink(ctx: AppContext, token: string, reason: string, route: string): Promise<DeclineResult> {
  const { link, vacancy, actor } = await openForWriting(ctx, token);
  // The vacancy going back to preselection is audited by that flow, with the link's route as its author.
  return declineShortlist(ctx, actor, vacancy.id, reason, linkRoute(route, link.id));
}
