/**
 * Whether a fact an operator records (a missed appointment, a missed active measure, a missed SFL
 * confirmation) opens a conditionality event, and with which sanction (CONGRUA.md), as a pure rule.
 *
 * The benefit is the one the person was receiving on the day of the fact (their programmes, as the congrua
 * rule sets pick them: enrolled on that day, NASpI before DIS-COLL). The sanction escalates with the
 * person's earlier events of the same kind under the same programme within the same enrolment: a new
 * NASpI starts its own count. Earlier means occurred on or before the fact's day, whenever recorded.
 */
import { isEnrolmentActive } from "../congrua/select-rule-sets.js";
import type { Programme, ProgrammeEnrolment } from "../congrua/types.js";
import { isoDay } from "../congrua/months.js";
import { REFUSAL_REASON_LABELS, type RefusalReason } from "../congrua-offers/congrua-offer-states.js";
import { italianDay } from "../deadlines/calendar-day.js";
import { ladderStep, MISSED_APPOINTMENT_LADDER, MISSED_MEASURE_LADDER, nth, nthF } from "./art21-sanctions.js";
import { PROGRAMME_LABELS, type FactKind } from "./conditionality-kinds.js";

interface FactRule {
  /** The benefits the sanction applies to, in the order the congrua rule sets pick them. */
  programmes: readonly Programme[];
  ladder: readonly string[];
  /** "1º appuntamento mancato", for the sanction's text. */
  counted: (ordinal: number) => string;
  legalBasis: string;
  /** The sanction rests on what CONGRUA.md does not state: the CPI checks it before reporting. */
  toConfirm: boolean;
}

/**
 * CONGRUA.md states the 90-day SFL confirmation but not what missing it costs: the event is opened to be
 * reported through SIISL, with the consequence marked "to confirm" (a default kept here, like the
 * thresholds of src/congrua/rule-sets.ts).
 */
const SFL_CONFIRMATION_SANCTION = "Da segnalare tramite la piattaforma SIISL; conseguenza da confermare (CONGRUA.md indica solo l'obbligo di conferma ogni 90 giorni)";

export const FACT_RULES: Record<FactKind, FactRule> = {
  appuntamento_mancato: {
    programmes: ["NASPI", "DISCOLL"],
    ladder: MISSED_APPOINTMENT_LADDER,
    counted: (n) => `${nth(n)} appuntamento mancato registrato`,
    legalBasis: "art. 21 c. 7 D.Lgs. 150/2015 (mancata presentazione alle convocazioni e agli appuntamenti)",
    toConfirm: false,
  },
  misura_attiva_mancata: {
    programmes: ["NASPI", "DISCOLL"],
    ladder: MISSED_MEASURE_LADDER,
    counted: (n) => `${nthF(n)} mancata partecipazione registrata`,
    legalBasis: "art. 21 c. 7 D.Lgs. 150/2015 (mancata partecipazione a iniziative di formazione, riqualificazione o politica attiva)",
    toConfirm: false,
  },
  conferma_sfl_mancata: {
    programmes: ["SFL"],
    ladder: [SFL_CONFIRMATION_SANCTION],
    counted: (n) => `${nthF(n)} conferma mancata registrata`,
    legalBasis: "D.L. 48/2023, conv. L. 85/2023 (conferma della partecipazione ogni 90 giorni; articolo da confermare)",
    toConfirm: true,
  },
};

/** An event of the person already recorded that is to be reported (justified facts are not). */
export interface EarlierEvent {
  kind: string;
  programme: string;
  /** ISO day it occurred. */
  day: string;
}

export interface FactInput {
  kind: FactKind;
  /** ISO day of the fact. */
  day: string;
  justifiedReason: RefusalReason | null;
  enrolments: readonly ProgrammeEnrolment[];
  earlier: readonly EarlierEvent[];
}

export type FactDecision =
  | { open: true; programme: Programme; ordinal: number; sanction: string; legalBasis: string; toConfirm: boolean }
  | { open: false; reason: string };

const orList = (programmes: readonly Programme[]) => programmes.map((p) => PROGRAMME_LABELS[p]).join(" o ");

export function decideFactEvent(input: FactInput): FactDecision {
  const rule = FACT_RULES[input.kind];
  if (input.justifiedReason) {
    return { open: false, reason: `Giustificato motivo riconosciuto: ${REFUSAL_REASON_LABELS[input.justifiedReason]}. Fatto registrato, nessuna segnalazione` };
  }
  const active = input.enrolments.filter((e) => isEnrolmentActive(e, input.day));
  const enrolment = rule.programmes.map((p) => active.find((e) => e.programme === p)).find((e) => e !== undefined);
  if (!enrolment) {
    const others = [...new Set(active.map((e) => PROGRAMME_LABELS[e.programme]))];
    return {
      open: false,
      reason: `Il ${italianDay(input.day)} la persona non percepiva ${orList(rule.programmes)}${others.length > 0 ? ` (in corso: ${others.join(", ")})` : ""}: per questo fatto CONGRUA.md prevede una sanzione solo per chi percepisce ${orList(rule.programmes)}. Fatto registrato, nessuna segnalazione`,
    };
  }
  const from = isoDay(enrolment.startDate);
  const before = input.earlier.filter((e) => e.kind === input.kind && e.programme === enrolment.programme && e.day >= from && e.day <= input.day).length;
  const ordinal = before + 1;
  return {
    open: true,
    programme: enrolment.programme,
    ordinal,
    sanction: `${ladderStep(rule.ladder, ordinal)} (${rule.counted(ordinal)})`,
    legalBasis: rule.legalBasis,
    toConfirm: rule.toConfirm,
  };
}
