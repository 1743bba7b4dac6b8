/**
 * Criteria shared by several rule sets: distance, CCNL minimums, contract type, hours against full time,
 * profile coherence. Each returns an Outcome; the rule-set evaluators decide which limits apply.
 */
import { atLeast, atMost, formatNumber, ofPercent, percentWithArticle } from "./format.js";
import { anyToConfirm, fail, pass, unknown, type Outcome } from "./outcome.js";
import type { ContractClasses, DistanceLimit, Param } from "./rule-sets.js";
import type { CongruaOffer, ContractType, ProfileCoherence } from "./types.js";

export const DEFAULT_FULL_TIME_HOURS = 40;

export const CONTRACT_LABEL: Record<ContractType, string> = {
  permanent: "contratto a tempo indeterminato",
  fixed_term: "contratto a tempo determinato",
  agency: "somministrazione",
  apprenticeship: "apprendistato",
  internship: "tirocinio",
  occasional: "lavoro occasionale",
  self_employed: "lavoro autonomo",
  collaboration: "collaborazione",
};

export function fullTimeHours(offer: CongruaOffer): number {
  return offer.fullTimeHoursPerWeek ?? DEFAULT_FULL_TIME_HOURS;
}

/**
 * Within the limit when either known measure (km or public-transport minutes) is within it; outside only
 * when every known measure is outside; unknown when the limit's measures are all unknown.
 * `context` ends the reason: "per chi è disoccupato da 7 mesi (oltre 6 e fino a 12 mesi)".
 */
export function checkDistance(offer: CongruaOffer, limit: DistanceLimit, context: string): Outcome {
  const { maxKm, maxMinutes } = limit;
  if (!maxKm && !maxMinutes) return pass(`sede ovunque in Italia: nessun limite di distanza ${context}`);
  const toConfirm = anyToConfirm(maxKm, maxMinutes);
  const km = maxKm ? offer.distanceKm : null;
  const minutes = maxMinutes ? offer.travelMinutesByPublicTransport : null;
  const limitText = [maxKm && `${formatNumber(maxKm.value)} km`, maxMinutes && `${formatNumber(maxMinutes.value)} minuti con i mezzi pubblici`]
    .filter(Boolean)
    .join(" o ");

  if (km === null && minutes === null) {
    const missing = maxMinutes ? "distanza della sede e tempo di percorrenza non noti" : "distanza della sede non nota";
    return unknown(`${missing}: il limite è ${limitText} ${context}`, toConfirm);
  }
  if (maxKm && km !== null && atMost(km, maxKm.value)) {
    return pass(`sede a ${formatNumber(km)} km: entro il limite di ${formatNumber(maxKm.value)} km ${context}`, anyToConfirm(maxKm));
  }
  if (maxMinutes && minutes !== null && atMost(minutes, maxMinutes.value)) {
    return pass(
      `sede raggiungibile in ${formatNumber(minutes)} minuti con i mezzi pubblici: entro il limite di ${formatNumber(maxMinutes.value)} minuti ${context}`,
      anyToConfirm(maxMinutes),
    );
  }
  // Every known measure is outside the limit.
  const measured: string[] = [];
  const limits: string[] = [];
  if (maxKm && km !== null) {
    measured.push(`a ${formatNumber(km)} km`);
    limits.push(`${formatNumber(maxKm.value)} km`);
  }
  if (maxMinutes && minutes !== null) {
    measured.push(`a ${formatNumber(minutes)} minuti con i mezzi pubblici`);
    limits.push(`${formatNumber(maxMinutes.value)} minuti`);
  }
  const limitWord = limits.length > 1 ? `i limiti di ${limits.join(" e ")}` : `il limite di ${limits.join("")}`;
  let reason = `sede ${measured.join(" e ")}: oltre ${limitWord} ${context}`;
  if (maxMinutes && minutes === null) reason += " (tempo di percorrenza con i mezzi pubblici non noto)";
  if (maxKm && km === null) reason += " (distanza in km non nota)";
  return fail(reason, toConfirm);
}

/** Pass when the offer states a CCNL: its minimums are then presumed applied; unknown otherwise. */
export function checkCcnlMinimum(offer: CongruaOffer): Outcome {
  const ccnl = offer.ccnl?.trim();
  if (ccnl) return pass(`l'offerta indica il CCNL «${ccnl}»: si presume il rispetto dei minimi contrattuali`);
  return unknown("CCNL non indicato: non si può verificare il rispetto dei minimi contrattuali");
}

/** Contract type against the classes of a rule set (without duration). */
export function checkContractType(offer: CongruaOffer, classes: ContractClasses, allowedText: string): Outcome {
  const type = offer.contractType;
  if (type === null) return unknown(`tipo di contratto non indicato: sono ammessi ${allowedText}`);
  const label = CONTRACT_LABEL[type];
  switch (classes[type]) {
    case "open_ended":
    case "temporary":
      return pass(`${label}: tra i contratti ammessi (${allowedText})`);
    case "unclear":
      return unknown(`${label}: la regola ammette ${allowedText} e non dice nulla di questo contratto; da verificare`);
    case "excluded":
      return fail(`${label}: non è tra i contratti ammessi (${allowedText})`);
  }
}

/** Hours: full time, or part time of at least `minRatio` of full time (ADI/SFL). */
export function checkHoursShareOfFullTime(offer: CongruaOffer, minRatio: Param<number>): Outcome {
  const fullTime = fullTimeHours(offer);
  const hours = offer.hoursPerWeek;
  const toConfirm = anyToConfirm(minRatio);
  const threshold = minRatio.value * fullTime;
  if (hours === null) {
    return unknown(`orario settimanale non indicato: serve il tempo pieno o un part time di almeno ${percentWithArticle(minRatio.value)}`, toConfirm);
  }
  if (atLeast(hours, fullTime)) return pass(`tempo pieno (${formatNumber(hours)} ore settimanali)`, toConfirm);
  const detail = ` del tempo pieno di ${formatNumber(fullTime)} ore (${formatNumber(threshold, 2)} ore)`;
  if (atLeast(hours, threshold)) return pass(`part time di ${formatNumber(hours)} ore settimanali: almeno ${percentWithArticle(minRatio.value)}${detail}`, toConfirm);
  return fail(`part time di ${formatNumber(hours)} ore settimanali: meno ${ofPercent(minRatio.value)}${detail}`, toConfirm);
}

const COHERENCE_TEXT: Record<ProfileCoherence, string> = {
  same_occupation: "offerta per una delle professioni dichiarate o concordate nel patto di servizio",
  same_sector: "offerta nello stesso settore, ma non per una professione dichiarata o concordata",
  other: "offerta in un settore diverso da quelli della persona",
};

function requirementText(accepted: readonly ProfileCoherence[]): string {
  if (accepted.includes("other")) return "è congrua un'offerta in qualsiasi settore";
  if (accepted.includes("same_sector")) return "basta lo stesso settore (anche processi affini con continuità professionale)";
  return "serve una delle professioni dichiarate o concordate nel patto di servizio";
}

/** Profile coherence against the relations a rule (or band) accepts; `requirement` overrides the wording. */
export function checkCoherence(
  coherence: ProfileCoherence | null,
  accepted: readonly ProfileCoherence[],
  context: string,
  requirement = requirementText(accepted),
): Outcome {
  // When every relation is accepted the fact is not needed, so a missing one is not a silent pass.
  if (accepted.includes("same_occupation") && accepted.includes("same_sector") && accepted.includes("other")) {
    return pass(`${context} ${requirement}`);
  }
  if (coherence === null) return unknown(`coerenza con il profilo non nota: ${context} ${requirement}`);
  if (accepted.includes(coherence)) return pass(`${COHERENCE_TEXT[coherence]}: ${context} ${requirement}`);
  return fail(`${COHERENCE_TEXT[coherence]}: ${context} ${requirement}`);
}
