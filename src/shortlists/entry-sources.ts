/**
 * How a person reached a list (ShortlistEntry.source). The way in decides whether the vacancy's referent
 * may see the contacts of a person outside their own CPIs: only people the matching put forward qualify.
 * An accepted proposal ("segnalazione") will be a second legitimate way in: one more source below, `true`.
 */
export const ENTRY_SOURCES = ["matching", "manual", "manual_ranked"] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export const ENTRY_SOURCE_LABELS: Record<EntrySource, string> = {
  matching: "Abbinamento automatico",
  manual: "Inserimento manuale",
  manual_ranked: "Inserimento manuale tra le persone idonee",
};

/**
 * matching: the list was built from the ranking. manual: added by hand, a person of the referent's own
 * CPIs. manual_ranked: added by hand from outside the referent's CPIs, after the matching found the
 * person qualified for the vacancy (score and reason recorded on the entry).
 */
const LEGITIMATE_FOR_REFERENT: Record<EntrySource, boolean> = {
  matching: true,
  manual: false,
  manual_ranked: true,
};

/** Whether the way in lets the vacancy's referent see the contacts of a person outside their CPIs. */
export const opensContactsToReferent = (source: string): boolean => LEGITIMATE_FOR_REFERENT[source as EntrySource] ?? false;
