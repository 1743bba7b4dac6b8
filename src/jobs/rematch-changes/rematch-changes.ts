import type { AppContext } from "../../context.js";
import { advanceCursor, readCursor } from "../../events/event-cursor.js";
import { readEventsAfter } from "../../events/read-events.js";
import { loadOpenOffers, rematchPeople, type OpenOffer } from "../../matching/rematch-people.js";
import { rematchVacancy } from "../../matching/rematch-vacancy.js";
import { addTally, emptyTally, type MatchTally } from "../../matching/store-matches.js";
import type { JobHandler } from "../job-handler.js";
import { rematchTargets } from "./changes-that-matter.js";

/** The event cursor of the rematch of changes. */
export const REMATCH_CONSUMER = "rematch";

/** Events read per batch; each batch's vacancies and people are rematched once each. */
export const EVENTS_PER_BATCH = 500;

export interface RematchChangesReport extends MatchTally {
  /** Events read from the log, whether they mattered or not. */
  events: number;
  /** Vacancies whose events could change their matches (rematched, or their results dropped when closed). */
  vacancies: number;
  /** People whose events could change their matches (rematched, or gone when erased). */
  people: number;
}

/**
 * The consumer of the event log that keeps match results following changes: reads the events after
 * its cursor, keeps those that can change matches, collapses them per vacancy and per person, rematches
 * each as it is now and only then advances the cursor. A crash before the advance replays the batch,
 * which stores the same scores again: nothing is new the second time, no feed item is written twice.
 */
export async function rematchChanges(ctx: AppContext, batchSize = EVENTS_PER_BATCH): Promise<RematchChangesReport> {
  const report: RematchChangesReport = { events: 0, vacancies: 0, people: 0, ...emptyTally() };
  let after = await readCursor(ctx.db, REMATCH_CONSUMER);
  let open: OpenOffer[] | null = null;
  for (;;) {
    const events = await readEventsAfter(ctx.db, after, batchSize);
    const last = events.at(-1);
    if (!last) return report;
    const now = new Date();
    const { vacancyIds, candidateIds } = rematchTargets(events);
    for (const id of vacancyIds) addTally(report, await rematchVacancy(ctx, id, now));
    // Preparing every open vacancy costs more than rematching a batch of people: done again only when a vacancy changed.
    if (candidateIds.length > 0 && (open === null || vacancyIds.length > 0)) open = await loadOpenOffers(ctx, now);
    if (open) addTally(report, await rematchPeople(ctx, candidateIds, now, open));
    after = await advanceCursor(ctx.db, REMATCH_CONSUMER, last.seq);
    report.events += events.length;
    report.vacancies += vacancyIds.length;
    report.people += candidateIds.length;
  }
}

export const rematchChangesJob: JobHandler = async (ctx) => ({ counts: { ...(await rematchChanges(ctx)) } });
