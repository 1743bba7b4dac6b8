import type { Env } from "../config/env.js";

/** How long each kind of record is kept; from the RETENTION_* variables. */
export interface RetentionRules {
  /** A person with no activity, no open programme and no open list for this many years is erased. */
  peopleYears: number;
  /** Audit entries older than this many years are removed. */
  auditYears: number;
  /** Delivery links are removed this many days after they expired. */
  linkGraceDays: number;
}

export const retentionRulesOf = (env: Env): RetentionRules => ({
  peopleYears: env.RETENTION_PEOPLE_YEARS,
  auditYears: env.RETENTION_AUDIT_YEARS,
  linkGraceDays: env.RETENTION_LINK_GRACE_DAYS,
});

const yearsBefore = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
};

/** The instants before which each kind of record has outlived its period. */
export const retentionCutoffs = (rules: RetentionRules, now: Date) => ({
  people: yearsBefore(now, rules.peopleYears),
  audit: yearsBefore(now, rules.auditYears),
  links: new Date(now.getTime() - rules.linkGraceDays * 86_400_000),
});
