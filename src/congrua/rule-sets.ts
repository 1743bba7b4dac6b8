/**
 * The congrua-offer rule sets as versioned data (see /work/shared/CONGRUA.md for the sources).
 *
 * Why data and not code: the rules changed four times in five years and several figures could not be read
 * in the legal text. Keeping every threshold here, with its effective dates and a `toConfirm` flag, lets a
 * confirmed figure be changed in one place (bumping `version`) while the evaluator keeps reporting, for old
 * offers, the rule that applied on the day of the offer.
 *
 * Dates are ISO calendar days ("YYYY-MM-DD"), inclusive at both ends; effectiveTo null = still in force.
 */
import type { ContractType, OfferStatementKey, ProfileCoherence, Programme } from "./types.js";

/** A threshold with its provenance: `toConfirm` marks values CONGRUA.md flags as not read in the law. */
export interface Param<T> {
  value: T;
  toConfirm?: true;
  note?: string;
}

/** A workplace limit: within maxKm OR reachable within maxMinutes; both null = anywhere in Italy. */
export interface DistanceLimit {
  maxKm: Param<number> | null;
  maxMinutes: Param<number> | null;
}

/**
 * How a rule set reads each contract type:
 * - open_ended: counts as an open-ended job;
 * - temporary: fixed-term or agency work (duration / distance rules for temporary jobs apply);
 * - unclear: the rule does not say (apprenticeship is legally open-ended, art. 41 D.Lgs. 81/2015, but the
 *   rule lists only open-ended, fixed-term and agency contracts) → the evaluator answers "unknown";
 * - excluded: not an employment offer the rule covers (internship, occasional work, self-employment…).
 */
export type ContractClass = "open_ended" | "temporary" | "unclear" | "excluded";
export type ContractClasses = Readonly<Record<ContractType, ContractClass>>;

export type RuleSetFamily = "naspi" | "rdc" | "sfl" | "adi" | "l68";

interface RuleSetBase {
  /** Stable identifier of the rule set; a correction of its data bumps `version`, not the id. */
  id: string;
  version: number;
  family: RuleSetFamily;
  /** Italian label for the output. */
  label: string;
  legalSource: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Why effectiveFrom is what it is, when it is an assumption. */
  effectiveFromNote?: string;
  /** Programmes bound by this rule set, in the order used to name the triggering programme. */
  programmes: readonly Programme[];
  /** Italian: the consequence of refusing without justified reason. */
  refusalConsequence: string;
  /** Italian caveats copied to every evaluation under this rule set. */
  notes: readonly string[];
}

export type NaspiBandId = "0-6" | "6-12" | ">12";

export interface NaspiBand {
  id: NaspiBandId;
  /** Upper edge in months, inclusive ("up to 6 months" includes exactly 6); null = no upper edge. */
  upToMonths: number | null;
  label: string;
  /** Profile relations that are congrua in this band. */
  acceptedCoherence: readonly ProfileCoherence[];
  distance: DistanceLimit;
}

export interface NaspiRuleSet extends RuleSetBase {
  kind: "naspi";
  /** Ordered by upToMonths, the open-ended band last. */
  bands: readonly NaspiBand[];
  contractClasses: ContractClasses;
  /** Minimum duration of a temporary (fixed-term / agency) contract. */
  minContractMonths: Param<number>;
  /** A part-time offer must have at least this share of the last contract's weekly hours. */
  minHoursRatioOfLastContract: Param<number>;
  /** Pay (net of the worker's contributions) must exceed the last month's benefit by at least this share. */
  minPayUpliftOverBenefit: Param<number>;
  /**
   * Offers state gross pay; the rule compares pay net of the worker's social contributions. This default
   * (the ordinary employee INPS rate) turns gross into an estimated net; it is a configurable assumption.
   */
  workerContributionRate: Param<number>;
  requiredStatements: readonly OfferStatementKey[];
}

export interface Rdc2019RuleSet extends RuleSetBase {
  kind: "rdc_2019";
  /** The "first months" of benefit receipt with the stricter distances. */
  firstPeriodMonths: number;
  /** Length of a first RdC grant: a single enrolment running longer than this includes a renewal. */
  grantMonths: number;
  /** Index 0 = 1st offer, 1 = 2nd, 2 = 3rd (and any later offer). */
  offersFirstPeriod: readonly DistanceLimit[];
  offersAfterFirstPeriod: readonly DistanceLimit[];
  offerOnRenewal: DistanceLimit;
  /** Households with a disabled member: cap on the offers that would otherwise be "anywhere". */
  disabledHouseholdMaxKm: Param<number>;
  /** 10% above the maximum single-person benefit with the rent component (€780) = €858 a month. */
  pay: { referenceBenefit: Param<number>; minUplift: Param<number>; minMonthlyPay: Param<number> };
}

export interface Rdc2022RuleSet extends RuleSetBase {
  kind: "rdc_2022";
  /** Index 0 = 1st offer, 1 = 2nd (and any later offer). */
  offersOpenEndedFullTime: readonly DistanceLimit[];
  offersTemporaryOrPartTime: readonly DistanceLimit[];
  /** Which contract types are "fixed-term" for this rule (everything not open-ended, conservatively). */
  contractClasses: ContractClasses;
}

export interface Rdc2023RuleSet extends RuleSetBase {
  kind: "rdc_2023";
  /** Italian reason given for every offer. */
  reason: string;
}

export interface AdiSflRuleSet extends RuleSetBase {
  kind: "adi_sfl";
  contractClasses: ContractClasses;
  /** Open-ended offers: anywhere, unless the household has children under 14. */
  openEnded: DistanceLimit;
  openEndedWithChildrenUnder14: DistanceLimit;
  temporary: DistanceLimit;
  /** Part time must be at least this share of full time. */
  minPartTimeRatio: Param<number>;
  /** A job of this length (months, inclusive) suspends the benefit, which then resumes. */
  shortJobMonths: { from: number; to: number };
}

export interface L68RuleSet extends RuleSetBase {
  kind: "l68";
  acceptedCoherence: readonly ProfileCoherence[];
  /** Italian reason of the criteria that could not be read (D.M. 2018 section for disabled people). */
  otherCriteriaToConfirm: string;
}

export type RuleSet = NaspiRuleSet | Rdc2019RuleSet | Rdc2022RuleSet | Rdc2023RuleSet | AdiSflRuleSet | L68RuleSet;

const ANYWHERE: DistanceLimit = { maxKm: null, maxMinutes: null };

const km = (value: number, toConfirm?: true): Param<number> => (toConfirm ? { value, toConfirm } : { value });

/** NASpI / DIS-COLL: only employment contracts listed in art. 25 / D.M. 2018. */
const NASPI_CONTRACT_CLASSES: ContractClasses = {
  permanent: "open_ended",
  fixed_term: "temporary",
  agency: "temporary",
  apprenticeship: "unclear",
  internship: "excluded",
  occasional: "excluded",
  self_employed: "excluded",
  collaboration: "excluded",
};

export const NASPI_DM_2018: NaspiRuleSet = {
  kind: "naspi",
  id: "naspi-discoll-dm-2018",
  version: 1,
  family: "naspi",
  label: "NASpI / DIS-COLL – offerta congrua (D.M. 10 aprile 2018)",
  legalSource:
    "art. 25 D.Lgs. 150/2015; D.M. 10 aprile 2018 (G.U. n. 162 del 14 luglio 2018), su delibera ANPAL n. 2/2018; sanzione: art. 21 c. 7 D.Lgs. 150/2015",
  effectiveFrom: "2018-07-14",
  effectiveTo: null,
  effectiveFromNote:
    "Data di pubblicazione in G.U.; l'entrata in vigore del decreto non è stata letta nel testo (un'eventuale vacatio di 15 giorni la sposterebbe al 29/07/2018).",
  programmes: ["NASPI", "DISCOLL"],
  refusalConsequence: "Decadenza dalla prestazione (art. 21 c. 7 D.Lgs. 150/2015); il CPI comunica il provvedimento ad ANPAL e INPS.",
  notes: [
    "I destinatari dell'Assegno di ricollocazione sono percettori di NASpI: valgono queste regole.",
  ],
  bands: [
    {
      id: "0-6",
      upToMonths: 6,
      label: "fino a 6 mesi",
      acceptedCoherence: ["same_occupation"],
      distance: { maxKm: km(50, true), maxMinutes: km(80, true) },
    },
    {
      id: "6-12",
      upToMonths: 12,
      label: "oltre 6 e fino a 12 mesi",
      acceptedCoherence: ["same_occupation", "same_sector"],
      distance: { maxKm: km(50, true), maxMinutes: km(80, true) },
    },
    {
      id: ">12",
      upToMonths: null,
      label: "oltre 12 mesi",
      acceptedCoherence: ["same_occupation", "same_sector", "other"],
      distance: { maxKm: km(80), maxMinutes: km(100) },
    },
  ],
  contractClasses: NASPI_CONTRACT_CLASSES,
  minContractMonths: { value: 3 },
  minHoursRatioOfLastContract: { value: 0.8 },
  minPayUpliftOverBenefit: { value: 0.2 },
  workerContributionRate: {
    value: 0.0919,
    toConfirm: true,
    note: "Aliquota ordinaria INPS a carico del lavoratore dipendente, usata per stimare la retribuzione netta dei contributi.",
  },
  requiredStatements: ["title", "duties", "requirements", "place", "hours", "contractType", "duration", "payOrCcnl"],
};

export const RDC_DL_4_2019: Rdc2019RuleSet = {
  kind: "rdc_2019",
  id: "rdc-dl-4-2019",
  version: 1,
  family: "rdc",
  label: "Reddito di Cittadinanza – offerta congrua (D.L. 4/2019)",
  legalSource: "art. 4 c. 9 D.L. 4/2019, conv. L. 26/2019",
  effectiveFrom: "2019-04-01",
  effectiveTo: "2021-12-31",
  programmes: ["RDC"],
  refusalConsequence: "Decadenza dal beneficio se la persona non accetta almeno una di tre offerte congrue (o la prima dopo il rinnovo).",
  notes: [
    "I mesi di fruizione si contano dall'inizio del beneficio registrato, non dalla DID.",
    "Le regole del D.M. 10 aprile 2018 (coerenza, contratto, orario) integrano queste: non sono valutate qui.",
  ],
  firstPeriodMonths: 12,
  grantMonths: 18,
  offersFirstPeriod: [{ maxKm: km(100), maxMinutes: km(100) }, { maxKm: km(250), maxMinutes: null }, ANYWHERE],
  offersAfterFirstPeriod: [{ maxKm: km(250), maxMinutes: null }, { maxKm: km(250), maxMinutes: null }, ANYWHERE],
  offerOnRenewal: ANYWHERE,
  disabledHouseholdMaxKm: { value: 250, toConfirm: true, note: "Possibile riduzione successiva a 100 km da confermare." },
  pay: { referenceBenefit: { value: 780 }, minUplift: { value: 0.1 }, minMonthlyPay: { value: 858 } },
};

/** RdC 2022: "fixed-term" offers have the short limit for every offer; apprenticeship counts as open-ended. */
const RDC_2022_CONTRACT_CLASSES: ContractClasses = {
  permanent: "open_ended",
  apprenticeship: "open_ended",
  fixed_term: "temporary",
  agency: "temporary",
  internship: "temporary",
  occasional: "temporary",
  self_employed: "temporary",
  collaboration: "temporary",
};

export const RDC_L_234_2021: Rdc2022RuleSet = {
  kind: "rdc_2022",
  id: "rdc-l-234-2021",
  version: 1,
  family: "rdc",
  label: "Reddito di Cittadinanza – offerta congrua (L. 234/2021)",
  legalSource: "art. 4 c. 9 D.L. 4/2019 come modificato dall'art. 1 c. 74 L. 234/2021",
  effectiveFrom: "2022-01-01",
  effectiveTo: "2022-12-31",
  programmes: ["RDC"],
  refusalConsequence: "1º rifiuto: beneficio ridotto di 5 € al mese; 2º rifiuto: revoca.",
  notes: [
    "La regola sulla retribuzione del 2019 (almeno 858 €/mese) non è riportata per il 2022: non è valutata.",
    "Le regole del D.M. 10 aprile 2018 (coerenza, contratto, orario) integrano queste: non sono valutate qui.",
  ],
  offersOpenEndedFullTime: [{ maxKm: km(80), maxMinutes: km(100) }, ANYWHERE],
  offersTemporaryOrPartTime: [{ maxKm: km(80), maxMinutes: km(100) }, { maxKm: km(80), maxMinutes: km(100) }],
  contractClasses: RDC_2022_CONTRACT_CLASSES,
};

/**
 * 2023: L. 197/2022 removed the word "congrua": refusing the first offer means losing the benefit.
 * The evaluator's question is "can the person refuse this offer without consequences?"; in 2023 the answer
 * is no for any offer, so the verdict is "pass" (binding offer) with a reason that says the congruity
 * test itself no longer applies. A "not applicable" verdict would wrongly suggest the refusal is free.
 */
export const RDC_L_197_2022: Rdc2023RuleSet = {
  kind: "rdc_2023",
  id: "rdc-l-197-2022",
  version: 1,
  family: "rdc",
  label: "Reddito di Cittadinanza – 2023 (L. 197/2022)",
  legalSource: "art. 1 c. 313 L. 197/2022",
  effectiveFrom: "2023-01-01",
  effectiveTo: "2023-12-31",
  programmes: ["RDC"],
  refusalConsequence: "Decadenza dal beneficio al rifiuto della prima offerta.",
  notes: [],
  reason: "non applicabile: dal 2023 il rifiuto della prima offerta comporta la decadenza",
};

const ADI_CONTRACT_CLASSES: ContractClasses = {
  permanent: "open_ended",
  fixed_term: "temporary",
  agency: "temporary",
  apprenticeship: "unclear",
  internship: "excluded",
  occasional: "excluded",
  self_employed: "excluded",
  collaboration: "excluded",
};

const ADI_SFL_RULES = {
  kind: "adi_sfl",
  version: 1,
  legalSource: "art. 9 D.L. 48/2023, conv. L. 85/2023; minimi retributivi: art. 51 D.Lgs. 81/2015",
  contractClasses: ADI_CONTRACT_CLASSES,
  openEnded: ANYWHERE,
  openEndedWithChildrenUnder14: { maxKm: km(80), maxMinutes: km(120) },
  temporary: { maxKm: km(80), maxMinutes: km(120) },
  minPartTimeRatio: { value: 0.6 },
  shortJobMonths: { from: 1, to: 6 },
} as const;

export const ADI_DL_48_2023: AdiSflRuleSet = {
  ...ADI_SFL_RULES,
  id: "adi-dl-48-2023",
  family: "adi",
  label: "Assegno di inclusione – offerta di lavoro (D.L. 48/2023)",
  effectiveFrom: "2024-01-01",
  effectiveTo: null,
  programmes: ["ADI"],
  refusalConsequence: "Il nucleo decade dal beneficio (art. 8 c. 6 D.L. 48/2023).",
  notes: [
    "Un lavoro di durata da 1 a 6 mesi sospende l'ADI, che poi riprende.",
  ],
};

export const SFL_DL_48_2023: AdiSflRuleSet = {
  ...ADI_SFL_RULES,
  id: "sfl-dl-48-2023",
  family: "sfl",
  label: "Supporto per la formazione e il lavoro – offerta di lavoro (D.L. 48/2023)",
  effectiveFrom: "2023-09-01",
  effectiveTo: null,
  programmes: ["SFL"],
  refusalConsequence: "Segnalazione tramite SIISL e revoca del beneficio da parte dell'INPS.",
  notes: ["La partecipazione al SFL va confermata ogni 90 giorni."],
};

export const L68_1999: L68RuleSet = {
  kind: "l68",
  id: "l68-1999",
  version: 1,
  family: "l68",
  label: "Collocamento mirato – offerta congrua (L. 68/1999)",
  legalSource: "L. 68/1999 (art. 10 c. 6 come citato dagli standard dell'Umbria); D.M. 10 aprile 2018, sezione disabili",
  // The D.M. 2018 section for disabled people is what makes the offer "congrua"; before it there was no
  // congrua test to apply, so the rule set starts with the D.M. like the NASpI one.
  effectiveFrom: "2018-07-14",
  effectiveTo: null,
  effectiveFromNote: "Stessa data del D.M. 10 aprile 2018 (pubblicazione in G.U.), che contiene la sezione per le persone con disabilità.",
  programmes: ["L68"],
  refusalConsequence: "Da confermare: la sezione del D.M. 2018 per le persone con disabilità non è stata letta.",
  notes: ["Le offerte riservate L. 68/1999 vanno solo a persone iscritte al collocamento mirato."],
  acceptedCoherence: ["same_occupation"],
  otherCriteriaToConfirm:
    "distanza, contratto, orario e retribuzione per le persone iscritte alla L. 68/1999: contenuto della sezione del D.M. 10 aprile 2018 da confermare",
};

/** The catalogue, in the order evaluations are returned. */
export const RULE_SETS: readonly RuleSet[] = [
  NASPI_DM_2018,
  RDC_DL_4_2019,
  RDC_L_234_2021,
  RDC_L_197_2022,
  SFL_DL_48_2023,
  ADI_DL_48_2023,
  L68_1999,
];

/**
 * Which rule-set family covers each programme. GOL has no congrua rules of its own (its participants are
 * bound by the rules of the benefit they receive, if any). AdR has none either: the Assegno di
 * ricollocazione goes to NASpI recipients, who are bound through their NASPI enrolment.
 */
export const PROGRAMME_FAMILY: Readonly<Record<Programme, RuleSetFamily | null>> = {
  NASPI: "naspi",
  DISCOLL: "naspi",
  ADR: null,
  RDC: "rdc",
  ADI: "adi",
  SFL: "sfl",
  GOL: null,
  L68: "l68",
};

/** Every `toConfirm` parameter of a rule set, by path, so a report can list what is still unconfirmed. */
export function paramsToConfirm(ruleSet: RuleSet): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== "object") return;
    if ("toConfirm" in value && (value as { toConfirm?: unknown }).toConfirm === true) found.push(path);
    for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(ruleSet, "");
  return found;
}
