import { cefrGap, languageName } from "../reference/code-lists.js";
import { ageOn } from "../candidates/birth-date.js";
import type { MinimumAge } from "../reference/minimum-ages.js";
import { holdsLicence, licenceKind, licenceName } from "../reference/driving-licences.js";
import { km, list } from "./format-reason.js";
import type { CandidateFacts, Exclusion, VacancyFacts } from "./match-types.js";
import { activeProgrammes } from "./active-programmes.js";
import type { TravelLimit } from "./score-territory.js";

/** A language this many CEFR levels below the one asked excludes. */
const LANGUAGE_LEVELS_SHORT = 2;

export interface ConstraintContext {
  distanceKm: number | null;
  limit: TravelLimit;
  /** Beyond this, a person who declared no travel limit is out too: no congrua rule reaches further. */
  maxReferenceKm: number;
  onVacancyList: boolean;
  today: Date;
  /** The minimum age the law sets for the offer's occupation, if any. */
  minimumAge: MinimumAge | null;
}

/**
 * What keeps a person off a vacancy whatever the score, each with its reason: not available, already
 * hired or already on this vacancy's list, a licence (or one implying it), qualification or language the
 * offer requires and the person lacks (undeclared counts as lacking, a language two levels short too), beyond the travel limit the person declared (or, without one,
 * beyond any congrua distance), younger than the law allows for the occupation, a vacancy reserved
 * under L. 68/1999 for a person not registered.
 */
export function hardConstraints(offer: VacancyFacts, person: CandidateFacts, ctx: ConstraintContext): Exclusion[] {
  const out: Exclusion[] = [];
  if (person.availability === "employed") out.push({ code: "already_hired", reason: "Risulta già occupata/o" });
  else if (person.availability !== "available") out.push({ code: "not_available", reason: "Non disponibile al momento" });
  if (ctx.onVacancyList) out.push({ code: "already_on_list", reason: "Già nella rosa di questa offerta" });
  // A licence implies the lesser ones (CE → C, C1, BE, B…: Directive 2006/126/EC art. 6, driving-licences.ts).
  const missing = offer.licences.filter((l) => !holdsLicence(person.licences, l));
  const missingLicences = missing.filter((l) => licenceKind(l) === "patente");
  const missingQualifications = missing.filter((l) => licenceKind(l) === "abilitazione");
  if (missing.length > 0) {
    const parts = [
      ...(missingLicences.length > 0 ? [`Manca la patente richiesta: ${list(missingLicences)}`] : []),
      ...(missingQualifications.length > 0 ? [`Manca l'abilitazione richiesta: ${list(missingQualifications.map(licenceName))}`] : []),
    ];
    out.push({ code: "missing_licence", reason: parts.join("; ") });
  }
  const missingLanguages = offer.languages.filter((req) => !person.languages.some((l) => l.code === req.code));
  if (missingLanguages.length > 0) {
    out.push({ code: "missing_language", reason: `Lingua richiesta non dichiarata: ${list(missingLanguages.map((l) => `${languageName(l.code)} ${l.level}`))}` });
  }
  // One level short is a weaker match (score-requirements.ts); two or more is not the language asked.
  const farBelow = offer.languages.flatMap((req) => {
    const held = person.languages.find((l) => l.code === req.code);
    return held && cefrGap(req.level, held.level) >= LANGUAGE_LEVELS_SHORT ? [`${languageName(req.code)} ${held.level} (richiesto ${req.level})`] : [];
  });
  if (farBelow.length > 0) out.push({ code: "missing_language", reason: `Lingua sotto il livello richiesto: ${list(farBelow)}` });
  // A declared limit is the person's word; without one, only distances no congrua rule reaches exclude
  // (between the reference and that, territory scores nothing and the reason asks to check).
  if (ctx.distanceKm !== null && ctx.limit.declared && ctx.distanceKm > ctx.limit.km) {
    out.push({ code: "beyond_travel", reason: `Sede a ${km(ctx.distanceKm)}, oltre i ${ctx.limit.basis}` });
  } else if (ctx.distanceKm !== null && !ctx.limit.declared && ctx.distanceKm > ctx.maxReferenceKm) {
    out.push({ code: "beyond_travel", reason: `Sede a ${km(ctx.distanceKm)}: distanza massima non dichiarata e oltre i ${km(ctx.maxReferenceKm)} di ogni offerta congrua` });
  }
  if (ctx.minimumAge && person.birthDate && ageOn(person.birthDate, ctx.today) < ctx.minimumAge.age) {
    out.push({ code: "under_age", reason: `Età inferiore ai ${ctx.minimumAge.age} anni richiesti per la professione (${ctx.minimumAge.source})` });
  }
  if (offer.reservedL68 && !activeProgrammes(person, ctx.today).includes("L68")) {
    out.push({ code: "reserved_l68", reason: "Offerta riservata agli iscritti al collocamento mirato (L. 68/1999)" });
  }
  if (!["open", "in_preselection", "list_sent"].includes(offer.status)) {
    out.push({ code: "vacancy_closed", reason: "L'offerta è chiusa" });
  }
  return out;
}
