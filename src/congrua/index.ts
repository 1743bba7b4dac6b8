/** Public API of the congrua-offer evaluator (pure: no I/O, no database). */
export { evaluateCongrua, overallCongrua } from "./evaluate-congrua.js";
export { selectRuleSets, isEnrolmentActive, isRuleSetInForce, type RuleSetSelection } from "./select-rule-sets.js";
export { elapsedMonths, formatElapsed, isoDay, type ElapsedMonths } from "./months.js";
export * from "./rule-sets.js";
export type * from "./types.js";
