import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit/record-audit.js";
import type { AppContext } from "../context.js";
import { addDays, dayDate, dayOf } from "../deadlines/calendar-day.js";
import { monitoringScope } from "../deadlines/monitoring-scope.js";
import { loadCoherentOffers } from "../figures/coherent-offers.js";
import { INCOME_SUPPORT_PROGRAMMES } from "../figures/figure-facts.js";
import { coverage, lookbackWindow, NO_MATCH_REASON_LABELS, noMatchReasons, offeredWithin } from "./watch-list-rules.js";
import type { WatchListQuery } from "./watch-list-schemas.js";

/** The vacancies the matching still offers people for (the rematch job stores matches for these). */
const OPEN_STATUSES = ["open", "in_preselection"];
const BEST_PER_PERSON = 3;

/**
 * The navigators' watch list of a CPI: its people in RdC, ADI or SFL today who were offered no coherent
 * vacancy (loadCoherentOffers) in the last `days` days, by name, each with their best open vacancies
 * from the stored matches (the rematch job's; a read computes nothing) or the reasons there are none,
 * and the share of the CPI's beneficiaries covered against the regional target.
 */
export async function listWatchList(ctx: AppContext, actor: Actor, query: WatchListQuery, route: string) {
  const cpiCode = query.cpi;
  await monitoringScope(ctx.db, actor, [cpiCode]);
  const days = query.days ?? ctx.env.WATCH_LIST_DAYS;
  const today = dayOf(new Date());
  const window = lookbackWindow(today, days);
  const onToday = dayDate(today);
  const activeToday = { programme: { in: [...INCOME_SUPPORT_PROGRAMMES] }, startDate: { lte: onToday }, OR: [{ endDate: null }, { endDate: { gte: onToday } }] };
  const inIncomeSupportToday = { programmes: { some: activeToday } };
  // Instants over a day more on each side: Italian days start an hour or two before UTC ones.
  const instants = { gte: dayDate(addDays(window.from, -1)), lt: dayDate(addDays(today, 2)) };
  const [people, offers] = await Promise.all([
    ctx.db.candidate.findMany({
      where: { cpiCode, ...inIncomeSupportToday },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        tutorId: true,
        availability: true,
        availabilityDeclaredAt: true,
        declaredProfiles: true,
        _count: { select: { experiences: true } },
        programmes: { where: activeToday, select: { programme: true } },
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    }),
    loadCoherentOffers(ctx.db, instants, { cpiCode, ...inIncomeSupportToday }),
  ]);
  const offered = offeredWithin(offers, window);
  const uncovered = people.filter((p) => !offered.has(p.id));
  const page = uncovered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);

  const matches = await ctx.db.matchResult.findMany({
    where: { candidateId: { in: page.map((p) => p.id) }, score: { gte: ctx.matching.qualifyingScore }, vacancy: { status: { in: OPEN_STATUSES } } },
    select: { candidateId: true, score: true, congrua: true, computedAt: true, vacancy: { select: { id: true, profileTitle: true, profileCode: true, requestedProfile: true, companyName: true, cpiCode: true } } },
    orderBy: [{ score: "desc" }, { vacancyId: "asc" }],
  });
  const best = new Map<string, typeof matches>();
  for (const m of matches) {
    const mine = best.get(m.candidateId) ?? [];
    if (mine.length < BEST_PER_PERSON) best.set(m.candidateId, [...mine, m]);
  }
  await recordAudit(ctx.db, actor, "read", "candidate", page.map((p) => p.id), route);

  return {
    cpiCode,
    days,
    from: window.from,
    to: window.to,
    coverage: coverage(people.length, people.length - uncovered.length, ctx.env.WATCH_LIST_TARGET),
    total: uncovered.length,
    page: query.page,
    pageSize: query.pageSize,
    items: page.map((p) => {
      const vacancies = (best.get(p.id) ?? []).map((m) => ({
        vacancyId: m.vacancy.id,
        profileTitle: m.vacancy.profileTitle,
        profileCode: m.vacancy.profileCode,
        requestedProfile: m.vacancy.requestedProfile,
        companyName: m.vacancy.companyName,
        cpiCode: m.vacancy.cpiCode,
        score: m.score,
        congrua: m.congrua,
        computedAt: m.computedAt.toISOString(),
      }));
      const reasons =
        vacancies.length > 0
          ? []
          : noMatchReasons({
              profileCount: Array.isArray(p.declaredProfiles) ? p.declaredProfiles.length : 0,
              experienceCount: p._count.experiences,
              availability: p.availability,
              availabilityDeclaredAt: p.availabilityDeclaredAt,
            }).map((code) => ({ code, label: NO_MATCH_REASON_LABELS[code] }));
      return { candidateId: p.id, firstName: p.firstName, lastName: p.lastName, tutorId: p.tutorId, programmes: [...new Set(p.programmes.map((s) => s.programme))].sort(), vacancies, reasons };
    }),
  };
}
