/**
 * How a person reached a list (ShortlistEntry.source). The way in decides whether the vacancy's referent
 * may see the contacts (and read the record) of a person outside their own CPIs: only people the matching
 * put forward, or whom a tutor proposed and the referent accepted, qualify.
 */
export const ENTRY_SOURCES = ["matching", "manual", "manual_ranked", "proposal"] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export const ENTRY_SOURCE_LABELS: Record<EntrySource, string> = {
  matching: "Abbinamento automatico",
  manual: "Inserimento manuale",
  manual_ranked: "Inserimento manuale tra le persone idonee",
  proposal: "Segnalazione accettata",
};

/**
 * matching: the list was built from the ranking. manual: added by hand, a person of the referent's own
 * CPIs. manual_ranked: added by hand from outside the referent's CPIs, after the matching found the
 * person qualified for the vacancy (score and reason recorded on the entry). proposal: a tutor or
 * navigator proposed the person and the vacancy's referent accepted (the entry names the proposal).
 */
const LEGITIMATE_FOR_REFERENT: Record<EntrySource, boolean> = {
  matching: true,
  manual: false,
  manual_ranked: true,
  proposal: true,
};

/** Whether the way in lets the vacancy's referent see the contacts of a person outside their CPIs. */
export const opensContactsToReferent = (source: string): boolean => LEGITIMATE_FOR_REFERENT[source as EntrySource] ?? false;
