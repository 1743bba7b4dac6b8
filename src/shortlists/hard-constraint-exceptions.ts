import { AppError } from "../errors/app-error.js";
import type { Exclusion, ExclusionCode } from "../matching/match-types.js";

/**
 * Hard constraints the referent may set aside for one person, with a reason (a licence the employer
 * will not insist on, a commute the person accepts, an L. 68 reservation the employer widened). The
 * other exclusions (not available, already hired or on the list, vacancy closed) keep their own refusals.
 */
const CONFIRMABLE: readonly ExclusionCode[] = ["missing_licence", "missing_language", "beyond_travel", "reserved_l68"];

/** As stored on the entry (ShortlistEntry.exceptionExclusions) and shown on the list. */
export type ExceptionExclusion = Exclusion;

export const EXCEPTION_LABEL = "Inserita in deroga ai vincoli dell'abbinamento, con conferma del referente";

/** What the body of a hand-add or of an accepted proposal says about an exception. */
export interface ExceptionConfirmation {
  confirmException?: boolean | undefined;
  exceptionReason?: string | undefined;
}

export interface ConfirmedException {
  exclusions: ExceptionExclusion[];
  reason: string;
}

/** The exclusions of an evaluation that only a confirmed exception lets through. */
export const exclusionsNeedingConfirmation = (exclusions: readonly Exclusion[]): ExceptionExclusion[] =>
  exclusions.filter((e) => CONFIRMABLE.includes(e.code)).map((e) => ({ code: e.code, reason: e.reason }));

/**
 * The exception to record on the entry (null when the person is not excluded); a person excluded
 * without the referent's confirmation and reason is refused, with the exclusions in Italian.
 */
export function confirmedException(exclusions: ExceptionExclusion[], confirmation: ExceptionConfirmation): ConfirmedException | null {
  if (exclusions.length === 0) return null;
  if (confirmation.confirmException !== true || !confirmation.exceptionReason) {
    throw new AppError(
      "EXCLUDED_NEEDS_CONFIRMATION",
      `L'abbinamento esclude la persona da questa offerta (${exclusions.map((e) => e.reason).join("; ")}). ` +
        "Per inserirla comunque il referente conferma l'eccezione (confirmException: true) indicandone il motivo (exceptionReason).",
      exclusions.map((e) => ({ field: "confirmException", message: e.reason })),
    );
  }
  return { exclusions, reason: confirmation.exceptionReason };
}

/** The history line of an entry added despite exclusions. */
export const exceptionNote = (reason: string, exception: ConfirmedException | null): string =>
  exception ? `${reason} — in deroga (${exception.exclusions.map((e) => e.reason).join("; ")}): ${exception.reason}` : reason;
