/**
 * Inputs and outputs of the congrua-offer evaluator.
 *
 * The caller knows the person and the offer but often lacks some facts (no DID date, no timetable,
 * no hours of the last contract…). Every fact that can be missing is nullable, and the evaluator turns a
 * missing fact into an "unknown" criterion instead of guessing: a silent pass would let the CPI sanction
 * a refusal of an offer that was never shown to be congrua.
 */
import type { PROGRAMMES } from "../candidates/candidate-schemas.js";
import type { CONTRACT_TYPES } from "../vacancies/vacancy-schemas.js";

export type Programme = (typeof PROGRAMMES)[number];
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** One programme the person is (or was) enrolled in, as on the candidate record. */
export interface ProgrammeEnrolment {
  programme: Programme;
  startDate: Date;
  /** null = still running. */
  endDate: Date | null;
  /** Monthly benefit (NASpI, DIS-COLL, ADI…); null when not recorded. */
  monthlyAmount: number | null;
}

/**
 * How the offer's occupation relates to the person's profile, computed by the caller:
 * - same_occupation: among the occupations the person declared / agreed in the service pact;
 * - same_sector: not among them, but in the same sector (or a related process with professional continuity);
 * - other: neither.
 */
export type ProfileCoherence = "same_occupation" | "same_sector" | "other";

export interface CongruaPerson {
  programmes: readonly ProgrammeEnrolment[];
  /** Date of the declaration of immediate availability (DID); null when unknown. */
  availabilityDeclaredAt: Date | null;
  /** null = not computed / not computable (e.g. no declared profiles). */
  profileCoherence: ProfileCoherence | null;
  householdHasChildrenUnder14: boolean | null;
  householdHasDisabledMember: boolean | null;
  lastContractHoursPerWeek: number | null;
  /** Registered for targeted placement (collocamento mirato, L. 68/1999). */
  registeredL68: boolean;
}

/** What the offer states; the caller derives these flags from the vacancy. */
export interface OfferStatements {
  title: boolean;
  duties: boolean;
  requirements: boolean;
  place: boolean;
  hours: boolean;
  contractType: boolean;
  duration: boolean;
  payOrCcnl: boolean;
}

export type OfferStatementKey = keyof OfferStatements;

export interface CongruaOffer {
  /** The day the offer is made: it selects the rule set and ends the unemployment count. */
  date: Date;
  /** Distance from the person's domicile to the workplace. */
  distanceKm: number | null;
  /** Average travel time by public transport; usually null (no timetables). */
  travelMinutesByPublicTransport: number | null;
  contractType: ContractType | null;
  /** Duration of a fixed-term / agency contract; null for open-ended contracts is fine. */
  contractMonths: number | null;
  hoursPerWeek: number | null;
  /** Full-time hours of the offer's collective agreement; 40 when not given. */
  fullTimeHoursPerWeek?: number | null;
  grossMonthlyPay: number | null;
  /** The collective agreement (CCNL) the offer states. */
  ccnl: string | null;
  states: OfferStatements;
}

export type Verdict = "pass" | "fail" | "unknown";

export type CriterionId =
  | "profile_coherence"
  | "distance"
  | "contract"
  | "hours"
  | "pay_above_benefit"
  | "pay_ccnl_minimum"
  | "pay_minimum"
  | "offer_statements"
  | "congruity_removed"
  | "l68_other_criteria";

export interface CriterionResult {
  criterion: CriterionId;
  verdict: Verdict;
  /** Italian, with the figures the verdict rests on. */
  reason: string;
  /** Present when the verdict rests on a value the legal text could not confirm. */
  toConfirm?: true;
}

export interface EvaluatedRuleSet {
  id: string;
  version: number;
  label: string;
  legalSource: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface CongruaEvaluation {
  ruleSet: EvaluatedRuleSet;
  /** The programme that brought this rule set in (NASPI or DISCOLL for the shared one; L68 for registration). */
  programme: Programme;
  /** From the DID to the offer date (see months.ts); null when the DID is missing or after the offer. */
  monthsUnemployed: number | null;
  /** The band of the rule set the person falls in; null when the rule set has no bands or it cannot be told. */
  band: { id: string; label: string } | null;
  criteria: CriterionResult[];
  verdict: Verdict;
  /** What happens on a refusal without justified reason, in Italian. */
  refusalConsequence: string;
  /** Caveats in Italian (suspensions not deducted, missing DID, rules to confirm…). */
  notes: string[];
  /** True when any criterion rests on a value to confirm. */
  toConfirm?: true;
}

export type OverallCongrua = Verdict | "not_applicable";
