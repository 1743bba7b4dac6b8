/**
 * The three small state machines of a candidate list ("rosa"), each a transition table tested as a table:
 * the list itself, the contact with each person on it, and the employer's outcome for each person sent.
 */

/** A table of allowed moves; a state with no moves is final. */
export type TransitionTable<S extends string> = Record<S, readonly S[]>;

// ── The list ──────────────────────────────────────────────────────────────────────────────────────────
export const SHORTLIST_STATUSES = ["draft", "sent", "closed"] as const;
export type ShortlistStatus = (typeof SHORTLIST_STATUSES)[number];

export const SHORTLIST_STATUS_LABELS: Record<ShortlistStatus, string> = {
  draft: "In preparazione",
  sent: "Inviata all'azienda",
  closed: "Chiusa",
};

/** Closed when the vacancy closes or a new list replaces it; a draft may be replaced before sending. */
const LIST_TRANSITIONS: TransitionTable<ShortlistStatus> = {
  draft: ["sent", "closed"],
  sent: ["closed"],
  closed: [],
};

/** Lists that still count for the vacancy (people on them are not matched again). */
export const OPEN_SHORTLIST_STATUSES: readonly ShortlistStatus[] = ["draft", "sent"];

// ── The contact with a person on the list (D2: availability verified before sending) ─────────────────
export const CONTACT_STATUSES = ["to_contact", "available", "not_available", "unreachable"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  to_contact: "Da contattare",
  available: "Disponibile",
  not_available: "Non disponibile",
  unreachable: "Non raggiungibile",
};

/** Every answer can be taken back to "to contact" for a retry; each change is an event. */
const CONTACT_TRANSITIONS: TransitionTable<ContactStatus> = {
  to_contact: ["available", "not_available", "unreachable"],
  available: ["to_contact"],
  not_available: ["to_contact"],
  unreachable: ["to_contact"],
};

// ── The employer's outcome, only for people sent to it ───────────────────────────────────────────────
export const OUTCOMES = ["interviewed", "hired", "not_selected", "withdrew", "no_show"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** An entry sent to the employer starts with no outcome. */
export type OutcomeState = Outcome | "none";

export const OUTCOME_LABELS: Record<OutcomeState, string> = {
  none: "In attesa di esito",
  interviewed: "Colloquio svolto",
  hired: "Assunta/o",
  not_selected: "Non selezionata/o",
  withdrew: "Ritirata/o",
  no_show: "Non presentata/o",
};

/**
 * Hired only after an interview; withdrew, no-show and hired are final. "Not selected" may still turn
 * into "hired" (the employer's first choice withdrew), and may be said without an interview.
 */
const OUTCOME_TRANSITIONS: TransitionTable<OutcomeState> = {
  none: ["interviewed", "not_selected", "withdrew", "no_show"],
  interviewed: ["hired", "not_selected", "withdrew", "no_show"],
  not_selected: ["hired"],
  hired: [],
  withdrew: [],
  no_show: [],
};

// ── One way to ask every table (proposals use it too) ────────────────────────────────────────────────
export interface StateMachine<S extends string> {
  states: readonly S[];
  labels: Record<S, string>;
  can(from: S, to: S): boolean;
  next(from: S): readonly S[];
  isFinal(state: S): boolean;
}

export function stateMachine<S extends string>(states: readonly S[], labels: Record<S, string>, table: TransitionTable<S>): StateMachine<S> {
  return {
    states,
    labels,
    can: (from, to) => table[from].includes(to),
    next: (from) => table[from],
    isFinal: (state) => table[state].length === 0,
  };
}

export const shortlistStatusMachine = stateMachine(SHORTLIST_STATUSES, SHORTLIST_STATUS_LABELS, LIST_TRANSITIONS);
export const contactStatusMachine = stateMachine(CONTACT_STATUSES, CONTACT_STATUS_LABELS, CONTACT_TRANSITIONS);
export const outcomeMachine = stateMachine<OutcomeState>(["none", ...OUTCOMES], OUTCOME_LABELS, OUTCOME_TRANSITIONS);

/** The stored outcome (null before any) as a state of the outcome table. */
export const outcomeState = (stored: string | null): OutcomeState => (stored ?? "none") as OutcomeState;
