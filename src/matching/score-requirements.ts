import { cefrGap, educationLevel, languageName } from "../reference/code-lists.js";
import { holdsLicence, licenceName } from "../reference/driving-licences.js";
import { educationRank } from "./education-rank.js";
import { list } from "./format-reason.js";
import type { CandidateFacts, VacancyFacts } from "./match-types.js";
import type { ComponentValue } from "./score-profile.js";


const label = (code: string) => educationLevel(code)?.label.toLowerCase() ?? code;

/**
 * Education, languages and licences as the offer asks them: each asked item counts the same; a
 * language one level short earns half. Undeclared means not met. Licences asked are also a hard
 * constraint (see hard-constraints.ts); here they only contribute to the score of those who have them.
 */
export function scoreRequirements(offer: VacancyFacts, person: CandidateFacts): ComponentValue {
  const items: { met: number; text: string }[] = [];
  if (offer.education !== null) {
    const need = educationRank(offer.education);
    const has = person.education === null ? null : educationRank(person.education);
    items.push(
      has === null
        ? { met: 0, text: `titolo di studio non dichiarato (richiesto: ${label(offer.education)})` }
        : { met: has >= need ? 1 : 0, text: `${label(person.education!)}${has >= need ? "" : ` (richiesto: ${label(offer.education)})`}` },
    );
  }
  for (const req of offer.languages) {
    const held = person.languages.find((l) => l.code === req.code);
    const gap = held ? cefrGap(req.level, held.level) : null;
    const name = languageName(req.code);
    items.push(
      gap === null
        ? { met: 0, text: `${name} non dichiarato (richiesto ${req.level})` }
        : { met: gap <= 0 ? 1 : gap === 1 ? 0.5 : 0, text: `${name} ${held!.level}${gap > 0 ? ` (richiesto ${req.level})` : ""}` },
    );
  }
  for (const licence of offer.licences) {
    const has = holdsLicence(person.licences, licence);
    items.push({ met: has ? 1 : 0, text: has ? licenceName(licence) : `${licenceName(licence)} mancante` });
  }
  if (items.length === 0) return { value: 0, applicable: false, reason: "L'offerta non chiede titoli, lingue o patenti" };
  const value = items.reduce((s, i) => s + i.met, 0) / items.length;
  return { value, applicable: true, reason: `Requisiti: ${list(items.map((i) => i.text))}` };
}
