/**
 * The building blocks every criterion uses: an outcome (verdict + Italian reason) and the rule for
 * deciding when a fact the rule depends on is missing.
 */
import type { Param } from "./rule-sets.js";
import type { CriterionId, CriterionResult, Verdict } from "./types.js";

export interface Outcome {
  verdict: Verdict;
  reason: string;
  toConfirm?: boolean;
}

export const pass = (reason: string, toConfirm?: boolean): Outcome => ({ verdict: "pass", reason, toConfirm });
export const fail = (reason: string, toConfirm?: boolean): Outcome => ({ verdict: "fail", reason, toConfirm });
export const unknown = (reason: string, toConfirm?: boolean): Outcome => ({ verdict: "unknown", reason, toConfirm });

/** True when any of the parameters is still to confirm. */
export function anyToConfirm(...params: ReadonlyArray<Param<unknown> | null | undefined>): boolean {
  return params.some((p) => p?.toConfirm === true);
}

export interface Case {
  /** Italian, e.g. "come 1ª offerta". */
  label: string;
  outcome: Outcome;
}

const VERDICT_WORD: Record<Verdict, string> = { pass: "congrua", fail: "non congrua", unknown: "da verificare" };

/**
 * A fact the rule depends on is missing (the offer number, the band, a household fact…): evaluate every
 * value it could take and keep the verdict only when they all agree. Cases are given strictest first, so
 * an agreed pass is explained by the strictest case and an agreed fail by the most lenient one.
 */
export function decideOver(missingFact: string, cases: readonly Case[]): Outcome {
  const first = cases[0];
  const last = cases[cases.length - 1];
  if (!first || !last) return unknown(missingFact);
  const toConfirm = cases.some((c) => c.outcome.toConfirm === true);
  if (cases.every((c) => c.outcome.verdict === "pass")) {
    return pass(`${first.outcome.reason} (${missingFact}: congrua in ogni caso)`, toConfirm);
  }
  if (cases.every((c) => c.outcome.verdict === "fail")) {
    return fail(`${last.outcome.reason} (${missingFact}: non congrua in ogni caso)`, toConfirm);
  }
  const detail = cases.map((c) => `${c.label}: ${VERDICT_WORD[c.outcome.verdict]}, ${c.outcome.reason}`).join("; ");
  return unknown(`${missingFact}, e l'esito dipende da questo dato — ${detail}`, toConfirm);
}

export function toCriterion(criterion: CriterionId, outcome: Outcome): CriterionResult {
  const result: CriterionResult = { criterion, verdict: outcome.verdict, reason: outcome.reason };
  if (outcome.toConfirm) result.toConfirm = true;
  return result;
}

/** "fail" if any criterion fails, "pass" if all pass, otherwise "unknown". */
export function combineCriteria(criteria: readonly CriterionResult[]): Verdict {
  if (criteria.some((c) => c.verdict === "fail")) return "fail";
  if (criteria.length > 0 && criteria.every((c) => c.verdict === "pass")) return "pass";
  return "unknown";
}
