/**
 * Which outcome of a congrua offer opens which conditionality event (CONGRUA.md), as a pure rule.
 *
 * The rule reads the evaluations stored with the offer (the rule sets in force on the day of the offer),
 * one by one: a sanction follows each benefit's own evaluation, not the overall verdict, so a refusal of an
 * offer congrua under NASpI costs the NASpI even when the L. 68/1999 evaluation stays "to verify". An
 * evaluation that is not "congrua" opens nothing: the obligation to accept exists only for a congrua offer,
 * and an offer whose congruity was not shown ("to verify": missing data, rules to confirm) cannot ground a
 * sanction the CPI would have to defend on appeal.
 */
import { RDC_2019_BANDS } from "../congrua/evaluate-rdc.js";
import { formatEuro } from "../congrua/format.js";
import type { CongruaEvaluation, Programme } from "../congrua/types.js";
import type { OfferOutcome } from "../congrua-offers/congrua-offer-states.js";
import type { ConditionalityKind } from "./conditionality-kinds.js";
import { ladderStep, MISSED_APPOINTMENT_LADDER, nth, nthF } from "./art21-sanctions.js";

/** Another offer of the same person, as far as counting earlier refusals and no-shows goes. */
export interface EarlierOffer {
  outcome: OfferOutcome;
  /** Rule sets (ids) under which that offer was congrua. */
  congruaUnder: readonly string[];
}

export interface ConditionalityInput {
  outcome: OfferOutcome;
  /** As stored on the day of the offer. */
  evaluations: readonly CongruaEvaluation[];
  /** Registered for targeted placement on the day of the offer: not bound by the ADI activation duties. */
  registeredL68: boolean;
  /** The person's other offers, with their current outcomes (this offer excluded). */
  otherOffers: readonly EarlierOffer[];
}

export interface EventToOpen {
  kind: ConditionalityKind;
  programme: Programme;
  ruleSetId: string;
  ruleSetVersion: number;
  /** 1st, 2nd… refusal (or no-show) of a congrua offer under this rule set recorded in Vetrina. */
  ordinal: number;
  /** Italian. */
  sanction: string;
  legalBasis: string;
  /** Criteria resting on values CONGRUA.md marks "to confirm": the CPI checks them before reporting. */
  toConfirm: boolean;
}

export interface NotOpened {
  programme: Programme;
  ruleSetId: string;
  /** Italian: why this benefit's rules open no event. */
  reason: string;
}

export interface ConditionalityDecision {
  open: EventToOpen[];
  notOpened: NotOpened[];
}

/** The outcomes that can cost a benefit. */
export const SANCTIONABLE_OUTCOMES: readonly OfferOutcome[] = ["rifiutata_senza_motivo", "non_presentata"];

type Sanctionable = "rifiutata_senza_motivo" | "non_presentata";

interface RuleContext {
  evaluation: CongruaEvaluation;
  outcome: Sanctionable;
  /** This refusal / no-show's number under the evaluation's rule set, earlier ones included. */
  ordinal: number;
  registeredL68: boolean;
}

type RuleAnswer = { kind: ConditionalityKind; sanction: string; legalBasis: string } | { reason: string };

const NO_SHOW_ELSEWHERE =
  "CONGRUA.md non indica per questo beneficio una sanzione per la mancata presentazione: nessuna segnalazione automatica; se la persona ha di fatto rifiutato l'offerta, registrare l'esito «rifiutata senza giustificato motivo»";


/**
 * One rule per rule set (by its stable id: a corrected version keeps its sanction). A rule set with no
 * entry here opens nothing and says so, rather than guessing a sanction.
 */
const RULES: Record<string, (c: RuleContext) => RuleAnswer> = {
  // art. 21 c. 7 D.Lgs. 150/2015: refusal → loss; missed appointments 1st ¼ of a month, 2nd a month, 3rd loss.
  // A no-show at the selection for a congrua offer the CPI arranged is read as a missed appointment.
  "naspi-discoll-dm-2018": ({ outcome, ordinal }) => {
    if (outcome === "rifiutata_senza_motivo") {
      return {
        kind: "rifiuto_naspi",
        sanction: "Decadenza dalla prestazione",
        legalBasis: "art. 21 c. 7 D.Lgs. 150/2015; congruità: art. 25 D.Lgs. 150/2015 e D.M. 10 aprile 2018",
      };
    }
    const sanction = ladderStep(MISSED_APPOINTMENT_LADDER, ordinal);
    return {
      kind: "mancata_presentazione_naspi",
      sanction: `${sanction} (${nthF(ordinal)} mancata presentazione registrata)`,
      legalBasis: "art. 21 c. 7 D.Lgs. 150/2015 (mancata presentazione alle convocazioni)",
    };
  },
  // D.L. 4/2019: the benefit is lost when none of three congrua offers is accepted, or the first after renewal.
  "rdc-dl-4-2019": ({ evaluation, outcome, ordinal }) => {
    if (outcome === "non_presentata") return { reason: NO_SHOW_ELSEWHERE };
    const legalBasis = "art. 4 c. 9 D.L. 4/2019, conv. L. 26/2019";
    if (evaluation.band?.id === RDC_2019_BANDS.renewal.id) {
      return { kind: "rifiuto_rdc", sanction: "Decadenza dal beneficio (rifiuto di un'offerta congrua dopo il rinnovo)", legalBasis };
    }
    if (ordinal >= 3) {
      return { kind: "rifiuto_rdc", sanction: `Decadenza dal beneficio (${nthF(ordinal)} offerta congrua rifiutata: nessuna delle tre accettata)`, legalBasis };
    }
    return {
      reason: `${nth(ordinal)} rifiuto di un'offerta congrua registrato: con il D.L. 4/2019 il beneficio decade solo se la persona non accetta almeno una di tre offerte congrue (o la prima dopo il rinnovo)`,
    };
  },
  // L. 234/2021: 1st refusal → €5 a month less; 2nd → revocation.
  "rdc-l-234-2021": ({ outcome, ordinal }) => {
    if (outcome === "non_presentata") return { reason: NO_SHOW_ELSEWHERE };
    const legalBasis = "art. 4 c. 9 D.L. 4/2019 come modificato dall'art. 1 c. 74 L. 234/2021";
    if (ordinal === 1) return { kind: "rifiuto_rdc", sanction: `Riduzione del beneficio di ${formatEuro(5)} al mese (1º rifiuto di un'offerta congrua)`, legalBasis };
    return { kind: "rifiuto_rdc", sanction: `Revoca del beneficio (${nth(ordinal)} rifiuto di un'offerta congrua)`, legalBasis };
  },
  // L. 197/2022: refusing the first offer loses the benefit.
  "rdc-l-197-2022": ({ outcome }) => {
    if (outcome === "non_presentata") return { reason: NO_SHOW_ELSEWHERE };
    return { kind: "rifiuto_rdc", sanction: "Decadenza dal beneficio (rifiuto della prima offerta)", legalBasis: "art. 1 c. 313 L. 197/2022" };
  },
  // D.L. 48/2023: the household loses the ADI; members registered under L. 68/1999 are not bound.
  "adi-dl-48-2023": ({ outcome, registeredL68 }) => {
    if (registeredL68) {
      return { reason: "La persona è iscritta alla L. 68/1999: i componenti iscritti non sono tenuti agli obblighi di attivazione dell'ADI, nessuna sanzione" };
    }
    if (outcome === "non_presentata") return { reason: NO_SHOW_ELSEWHERE };
    return { kind: "rifiuto_adi", sanction: "Decadenza del nucleo dal beneficio", legalBasis: "art. 8 c. 6 e art. 9 D.L. 48/2023, conv. L. 85/2023" };
  },
  // SFL: the intermediary reports through SIISL and INPS revokes the benefit.
  "sfl-dl-48-2023": ({ outcome }) => {
    if (outcome === "non_presentata") return { reason: NO_SHOW_ELSEWHERE };
    return {
      kind: "rifiuto_sfl",
      sanction: "Revoca del beneficio da parte dell'INPS, su segnalazione tramite la piattaforma SIISL",
      legalBasis: "art. 9 D.L. 48/2023, conv. L. 85/2023",
    };
  },
  "l68-1999": () => ({
    reason: "Per le persone iscritte alla L. 68/1999 la conseguenza del rifiuto è da confermare (sezione del D.M. 10 aprile 2018 non letta): nessuna segnalazione automatica",
  }),
};

const OUTCOME_OPENS_NOTHING: Record<Exclude<OfferOutcome, Sanctionable>, string> = {
  in_attesa: "Offerta in attesa di risposta",
  accettata: "Offerta accettata",
  rifiutata_giustificata: "Rifiuto con giustificato motivo riconosciuto: nessuna sanzione",
};

function notCongruaReason(e: CongruaEvaluation): string {
  return e.verdict === "fail"
    ? `Offerta non congrua secondo «${e.ruleSet.label}»: rifiutarla non comporta sanzioni`
    : `Congruità da verificare secondo «${e.ruleSet.label}» (dati mancanti o valori da confermare): senza congruità accertata non si apre alcuna segnalazione`;
}

const isSanctionable = (o: OfferOutcome): o is Sanctionable => SANCTIONABLE_OUTCOMES.includes(o);

export function decideConditionality(input: ConditionalityInput): ConditionalityDecision {
  const decision: ConditionalityDecision = { open: [], notOpened: [] };
  const { outcome } = input;
  for (const evaluation of input.evaluations) {
    const skip = (reason: string) => decision.notOpened.push({ programme: evaluation.programme, ruleSetId: evaluation.ruleSet.id, reason });
    if (!isSanctionable(outcome)) {
      skip(OUTCOME_OPENS_NOTHING[outcome]);
      continue;
    }
    if (evaluation.verdict !== "pass") {
      skip(notCongruaReason(evaluation));
      continue;
    }
    const rule = RULES[evaluation.ruleSet.id];
    if (!rule) {
      skip(`Nessuna regola di condizionalità registrata per «${evaluation.ruleSet.label}»: nessuna segnalazione automatica`);
      continue;
    }
    const earlier = input.otherOffers.filter((o) => o.outcome === outcome && o.congruaUnder.includes(evaluation.ruleSet.id)).length;
    const ordinal = earlier + 1;
    const answer = rule({ evaluation, outcome, ordinal, registeredL68: input.registeredL68 });
    if ("reason" in answer) {
      skip(answer.reason);
      continue;
    }
    decision.open.push({
      ...answer,
      programme: evaluation.programme,
      ruleSetId: evaluation.ruleSet.id,
      ruleSetVersion: evaluation.ruleSet.version,
      ordinal,
      toConfirm: evaluation.toConfirm === true,
    });
  }
  return decision;
}
