import { availabilityLabel } from "../candidates/availability-labels.js";
import type { VacancyRecord } from "../vacancies/vacancy-repository.js";
import type { ShortlistEntryRecord, ShortlistRecord } from "./shortlist-repository.js";
import { SHORTLIST_EVENT_LABELS, type ShortlistEventType } from "./shortlist-events.js";
import { ENTRY_SOURCE_LABELS, type EntrySource } from "./entry-sources.js";
import { EXCEPTION_LABEL, type ExceptionExclusion } from "./hard-constraint-exceptions.js";
import {
  CONTACT_STATUS_LABELS,
  OUTCOME_LABELS,
  SHORTLIST_STATUS_LABELS,
  outcomeState,
  type ContactStatus,
  type ShortlistStatus,
} from "./shortlist-states.js";


/** A closed list the employer turned down says so (the table's status stays "closed"). */
export const DECLINED_LABEL = "Rifiutata dall'azienda";

/** A person put on the list despite a hard constraint: which exclusions, and the referent's reason. */
function exceptionView(e: ShortlistEntryRecord) {
  if (e.exceptionExclusions === null) return null;
  return { label: EXCEPTION_LABEL, exclusions: e.exceptionExclusions as unknown as ExceptionExclusion[], reason: e.exceptionReason };
}

/** Matching reasons are stored one per line in the entry's reason; a manual entry keeps the operator's reason. */
export const REASONS_SEPARATOR = "\n";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const fullName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

/** Active first, best score first (entries without a score after), then by when they were added. */
function ordered(entries: ShortlistEntryRecord[]): ShortlistEntryRecord[] {
  return [...entries].sort(
    (a, b) =>
      Number(a.removedAt !== null) - Number(b.removedAt !== null) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      a.addedAt.getTime() - b.addedAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}

function counts(list: ShortlistRecord) {
  const active = list.entries.filter((e) => e.removedAt === null);
  return {
    onList: active.length,
    available: active.filter((e) => e.contactStatus === "available").length,
    sentToEmployer: list.entries.filter((e) => e.sentToEmployer).length,
    removed: list.entries.length - active.length,
  };
}

function listHeader(list: ShortlistRecord, now: Date) {
  return {
    id: list.id,
    vacancyId: list.vacancyId,
    status: list.status,
    statusLabel: list.declinedAt ? DECLINED_LABEL : SHORTLIST_STATUS_LABELS[list.status as ShortlistStatus],
    cap: list.cap,
    createdAt: list.createdAt.toISOString(),
    createdById: list.createdById,
    sentAt: iso(list.sentAt),
    sentById: list.sentById,
    outcomeCheckDue: day(list.outcomeCheckDue),
    outcomeCheckOverdue: list.status === "sent" && list.outcomeCheckDue !== null && list.outcomeCheckDue < now,
    declinedAt: iso(list.declinedAt),
    declinedReason: list.declinedReason,
  };
}

/** For one entry: null to show the person's contacts, otherwise why they are withheld (in Italian). */
export type ContactsRule = (entry: ShortlistEntryRecord) => string | null;

/** E-mail and phone when the rule allows them; otherwise only the reason they are withheld. */
function contactFields(e: ShortlistEntryRecord, rule: ContactsRule) {
  const withheld = rule(e);
  return withheld === null ? { email: e.candidate.email, phone: e.candidate.phone, contactsWithheld: null } : { contactsWithheld: withheld };
}

/**
 * The operators' view: every entry (removed ones flagged), contact statuses and outcomes. Personal
 * contacts only through the read flow (which audits them), entry by entry as its rule allows; write
 * flows pass no rule and answer without any.
 */
export function toShortlistView(list: ShortlistRecord, contacts: ContactsRule | null, now = new Date()) {
  return {
    ...listHeader(list, now),
    counts: counts(list),
    entries: ordered(list.entries).map((e) => ({
      candidateId: e.candidateId,
      name: fullName(e.candidate),
      comune: e.candidate.domicile.name,
      cpiCode: e.candidate.cpiCode,
      // Whom to ask about a person of another CPI: their centre and their tutor.
      cpi: e.candidate.cpi,
      tutor: e.candidate.tutor,
      ...(contacts ? contactFields(e, contacts) : {}),
      shareContactsConsent: e.candidate.shareContactsConsent,
      availability: e.candidate.availability,
      availabilityLabel: availabilityLabel(e.candidate.availability),
      source: e.source,
      sourceLabel: ENTRY_SOURCE_LABELS[e.source as EntrySource] ?? e.source,
      score: e.score,
      reasons: e.source === "matching" && e.reason ? e.reason.split(REASONS_SEPARATOR) : [],
      reason: e.source === "matching" ? null : e.reason,
      exception: exceptionView(e),
      proposalId: e.proposalId,
      contactStatus: e.contactStatus,
      contactStatusLabel: CONTACT_STATUS_LABELS[e.contactStatus as ContactStatus],
      sentToEmployer: e.sentToEmployer,
      outcome: e.outcome,
      outcomeLabel: e.sentToEmployer ? OUTCOME_LABELS[outcomeState(e.outcome)] : null,
      removed: e.removedAt !== null,
      removedAt: iso(e.removedAt),
      removedReason: e.removedReason,
      addedAt: e.addedAt.toISOString(),
      addedById: e.addedById,
    })),
  };
}
export type ShortlistView = ReturnType<typeof toShortlistView>;

export interface ReferentContact {
  name: string | null;
  email: string | null;
  cpi: string;
}

/**
 * What the employer receives: only the people sent to it, their outcome, and their own contacts only
 * when they consented to share them; otherwise the CPI referent is the contact. No score, reasons,
 * contact statuses or programme facts.
 */
export function toEmployerShortlistView(list: ShortlistRecord, vacancy: VacancyRecord, referent: ReferentContact, now = new Date()) {
  const header = listHeader(list, now);
  return {
    id: header.id,
    vacancyId: header.vacancyId,
    requestedProfile: vacancy.requestedProfile,
    status: header.status,
    statusLabel: header.statusLabel,
    sentAt: header.sentAt,
    outcomeCheckDue: header.outcomeCheckDue,
    entries: ordered(list.entries.filter((e) => e.sentToEmployer)).map((e) => ({
      candidateId: e.candidateId,
      name: fullName(e.candidate),
      comune: e.candidate.domicile.name,
      contact: e.candidate.shareContactsConsent
        ? { via: "candidate" as const, label: "Contatti della persona", email: e.candidate.email, phone: e.candidate.phone }
        : { via: "cpi_referent" as const, label: "Contattare il referente del CPI", name: referent.name, email: referent.email, cpi: referent.cpi },
      outcome: e.outcome,
      outcomeLabel: OUTCOME_LABELS[outcomeState(e.outcome)],
    })),
  };
}
export type EmployerShortlistView = ReturnType<typeof toEmployerShortlistView>;

function valueLabel(type: string, value: string | null): string | null {
  if (value === null) return null;
  switch (type) {
    case "contact":
      return CONTACT_STATUS_LABELS[value as ContactStatus] ?? value;
    case "outcome":
      return OUTCOME_LABELS[value as keyof typeof OUTCOME_LABELS] ?? value;
    case "availability":
      return availabilityLabel(value);
    case "entry_added":
    case "entry_restored":
    case "entry_removed":
      return ENTRY_SOURCE_LABELS[value as EntrySource] ?? value;
    case "created":
    case "sent":
    case "closed":
      return SHORTLIST_STATUS_LABELS[value as ShortlistStatus] ?? value;
    default:
      return value;
  }
}

export interface ShortlistEventRow {
  id: string;
  shortlistId: string;
  candidateId: string | null;
  type: string;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  byUserId: string | null;
  at: Date;
}

export function toShortlistEventView(e: ShortlistEventRow, userNames: Map<string, string>) {
  return {
    id: e.id,
    shortlistId: e.shortlistId,
    at: e.at.toISOString(),
    type: e.type,
    typeLabel: SHORTLIST_EVENT_LABELS[e.type as ShortlistEventType] ?? e.type,
    candidateId: e.candidateId,
    from: e.fromValue,
    fromLabel: valueLabel(e.type, e.fromValue),
    to: e.toValue,
    toLabel: valueLabel(e.type, e.toValue),
    reason: e.reason,
    byUserId: e.byUserId,
    byUserName: e.byUserId ? (userNames.get(e.byUserId) ?? null) : "Vetrina (sistema)",
  };
}
export type ShortlistEventView = ReturnType<typeof toShortlistEventView>;
