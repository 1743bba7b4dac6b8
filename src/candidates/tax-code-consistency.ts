import type { FieldError } from "../errors/app-error.js";
import { withoutOmocodia } from "../validation/tax-code.js";
import { firstNameLetters, MONTH_LETTERS, surnameLetters } from "../validation/tax-code-letters.js";

/**
 * Whether a codice fiscale agrees with what is known of its holder (D.M. 23/12/1976 rules): the
 * surname and first-name letters, the birth date and the sex. Omocodia (digits replaced by letters
 * when two people would share a code) only touches the digit positions, which are read back first.
 */

export interface KnownFacts {
  lastName?: string | undefined;
  firstName?: string | undefined;
  birthDate?: Date | undefined;
  sex?: "M" | "F" | undefined;
}

interface BirthPart {
  twoDigitYear: number;
  /** 1–12 */
  month: number;
  day: number;
  sex: "M" | "F";
}

/** Birth year (two digits), month, day and sex from positions 7–11; days of women are increased by 40. */
export function birthPartOf(taxCode: string): BirthPart {
  const plain = withoutOmocodia(taxCode);
  const encodedDay = Number(plain.slice(9, 11));
  return {
    twoDigitYear: Number(plain.slice(6, 8)),
    month: MONTH_LETTERS.indexOf(plain[8] ?? "") + 1,
    day: encodedDay > 40 ? encodedDay - 40 : encodedDay,
    sex: encodedDay > 40 ? "F" : "M",
  };
}

const italianDate = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");

/**
 * The disagreements between a (valid) codice fiscale and the facts given, each naming the fact's field;
 * when there is any, `taxCode` is named too, since either may be the one mistyped.
 */
export function taxCodeDisagreements(taxCode: string, facts: KnownFacts): FieldError[] {
  const code = taxCode.toUpperCase();
  const birth = birthPartOf(code);
  const problems: FieldError[] = [];
  if (facts.lastName !== undefined && surnameLetters(facts.lastName) !== code.slice(0, 3)) {
    problems.push({ field: "lastName", message: `Il cognome non corrisponde al codice fiscale: darebbe «${surnameLetters(facts.lastName)}», il codice ha «${code.slice(0, 3)}»` });
  }
  if (facts.firstName !== undefined && firstNameLetters(facts.firstName) !== code.slice(3, 6)) {
    problems.push({ field: "firstName", message: `Il nome non corrisponde al codice fiscale: darebbe «${firstNameLetters(facts.firstName)}», il codice ha «${code.slice(3, 6)}»` });
  }
  if (
    facts.birthDate !== undefined &&
    (facts.birthDate.getUTCFullYear() % 100 !== birth.twoDigitYear || facts.birthDate.getUTCMonth() + 1 !== birth.month || facts.birthDate.getUTCDate() !== birth.day)
  ) {
    problems.push({ field: "birthDate", message: `La data di nascita ${italianDate(facts.birthDate)} non corrisponde al codice fiscale` });
  }
  if (facts.sex !== undefined && facts.sex !== birth.sex) {
    problems.push({ field: "sex", message: `Il sesso non corrisponde al codice fiscale (che indica ${birth.sex === "F" ? "femmina" : "maschio"})` });
  }
  if (problems.length === 0) return [];
  return [{ field: "taxCode", message: `Il codice fiscale non corrisponde a: ${problems.map((p) => FACT_LABELS[p.field]).join(", ")}` }, ...problems];
}

const FACT_LABELS: Record<string, string> = { lastName: "cognome", firstName: "nome", birthDate: "data di nascita", sex: "sesso" };
