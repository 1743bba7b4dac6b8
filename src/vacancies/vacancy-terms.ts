import { AppError, type FieldError } from "../errors/app-error.js";

/** The dates and contract of an offer as stored (after defaults on publish, after merging on update). */
export interface VacancyTerms {
  arrivalDate: Date;
  publishedAt?: Date | null | undefined;
  closingDate?: Date | null | undefined;
  contractType?: string | null | undefined;
  contractMonths?: number | null | undefined;
}

const italianDate = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");

/** Dates in order (arrival, publication, closing) and no duration for a permanent contract. */
export function vacancyTermsProblems(v: VacancyTerms): FieldError[] {
  const problems: FieldError[] = [];
  if (v.publishedAt && v.publishedAt < v.arrivalDate) {
    problems.push({ field: "publishedAt", message: `La data di pubblicazione precede la data di arrivo dell'offerta (${italianDate(v.arrivalDate)})` });
  }
  if (v.closingDate && v.closingDate < v.arrivalDate) {
    problems.push({ field: "closingDate", message: `La data di chiusura precede la data di arrivo dell'offerta (${italianDate(v.arrivalDate)})` });
  } else if (v.closingDate && v.publishedAt && v.closingDate < v.publishedAt) {
    problems.push({ field: "closingDate", message: `La data di chiusura precede la data di pubblicazione (${italianDate(v.publishedAt)})` });
  }
  if (v.contractType === "permanent" && v.contractMonths != null) {
    problems.push(
      { field: "contractMonths", message: "Un contratto a tempo indeterminato non ha durata in mesi: togliere la durata (null)" },
      { field: "contractType", message: "Tempo indeterminato con una durata in mesi" },
    );
  }
  return problems;
}

export function assertVacancyTerms(v: VacancyTerms): void {
  const problems = vacancyTermsProblems(v);
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", "Dati non validi: date o contratto dell'offerta incoerenti.", problems);
}
