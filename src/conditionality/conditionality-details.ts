/**
 * What a conditionality event keeps beside its columns (the `details` JSON): the sanction decided when it
 * was opened and what it came from — the offer, copied then, or the fact an operator recorded — and, once
 * it goes into an export, the person and the CPI as reported. An export is thus written from its events
 * alone and reads the same every time.
 */
import type { Prisma } from "../generated/prisma/client.js";
import type { RefusalReason } from "../congrua-offers/congrua-offer-states.js";

export interface ReportedPerson {
  taxCode: string;
  firstName: string;
  lastName: string;
}

interface CommonDetails {
  note: string | null;
  /** Set when the event is exported; removed if the person is later erased. */
  person?: ReportedPerson;
  cpiName?: string;
}

/** An event opened by the outcome of a congrua offer (always to report). */
export interface OfferEventDetails extends CommonDetails {
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSetLabel: string;
  ordinal: number;
  sanction: string;
  legalBasis: string;
  toConfirm: boolean;
  outcome: string;
  offer: { profile: string; employerName: string; offeredAt: string; channel: string };
}

/**
 * A fact recorded by an operator. When it opens no event (justified, or no benefit it could cost) it is
 * kept with the reason and without a programme, and is never reported (see reportable-events.ts).
 */
export interface FactEventDetails extends CommonDetails {
  source: "fatto";
  ordinal: number | null;
  sanction: string | null;
  legalBasis: string | null;
  toConfirm: boolean;
  justifiedReason: RefusalReason | null;
  /** Italian: why no event was opened; null when one was. */
  notOpenedReason: string | null;
  recordedById: string | null;
}

export type ConditionalityDetails = OfferEventDetails | FactEventDetails;

export const isFactDetails = (d: ConditionalityDetails): d is FactEventDetails => "source" in d && d.source === "fatto";

export const detailsOf = (e: { details: Prisma.JsonValue }): ConditionalityDetails => e.details as unknown as ConditionalityDetails;

export const detailsJson = (d: ConditionalityDetails): Prisma.InputJsonValue => d as unknown as Prisma.InputJsonValue;
