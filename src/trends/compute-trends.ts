import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { dayDate, dayOf } from "../deadlines/calendar-day.js";
import { monitoringScope } from "../deadlines/monitoring-scope.js";
import { halfYearOf, halfYearPeriod } from "./half-year.js";
import { buildTrendMap, type TrendMap } from "./trend-map.js";
import type { TrendsQuery } from "./trend-schemas.js";

/** The operators whose followed people (Candidate.tutorId) belong to a CPI's caseload, wherever they live. */
const CASELOAD_ROLES = ["tutor", "navigator"];

export interface TrendReport extends TrendMap {
  cpiCode: string;
  cpiName: string;
  half: string;
  from: string;
  to: string;
  vacancies: number;
  people: number;
}

/**
 * The trend map of a CPI for a half-year: the vacancies of the CPI that arrived in it, against the
 * CPI's caseload as it stands today (the people available for work who belong to the CPI or are
 * followed by one of its tutors or navigators: the caseload has no history to read a past half from).
 * Counts only: no person is named, so nothing is audited.
 */
export async function computeTrends(ctx: AppContext, actor: Actor, query: TrendsQuery): Promise<TrendReport> {
  const cpiCode = query.cpi;
  await monitoringScope(ctx.db, actor, [cpiCode]);
  const half = query.half ?? halfYearOf(dayOf(new Date()));
  const period = halfYearPeriod(half);
  const [cpi, vacancies, people] = await Promise.all([
    ctx.db.cpi.findUniqueOrThrow({ where: { code: cpiCode }, select: { name: true } }),
    ctx.db.vacancy.findMany({
      where: { cpiCode, arrivalDate: { gte: dayDate(period.from), lte: dayDate(period.to) } },
      select: { profileTitle: true, profileCode: true, atecoCode: true, positions: true, employer: { select: { atecoCode: true } } },
    }),
    ctx.db.candidate.findMany({
      where: { availability: "available", OR: [{ cpiCode }, { tutor: { role: { in: CASELOAD_ROLES }, cpis: { some: { cpiCode } } } }] },
      select: { declaredProfiles: true, experiences: { select: { profileTitle: true, profileCode: true, sector: true } } },
    }),
  ]);
  const map = buildTrendMap(
    vacancies.map((v) => ({ profileTitle: v.profileTitle, profileCode: v.profileCode, atecoCode: v.atecoCode ?? v.employer?.atecoCode ?? null, positions: v.positions })),
    people.map((p) => ({
      occupations: [...(p.declaredProfiles as { title: string; code?: string }[]).map((d) => ({ title: d.title, code: d.code ?? null })), ...p.experiences.map((e) => ({ title: e.profileTitle, code: e.profileCode }))],
      sectors: p.experiences.map((e) => e.sector),
    })),
  );
  return { cpiCode, cpiName: cpi.name, half, ...period, vacancies: vacancies.length, people: people.length, ...map };
}
