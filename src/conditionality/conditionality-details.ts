/**
 * What a conditionality event keeps beside its columns (the `details` JSON): the sanction decided when it
 * was opened and the offer it came from, copied then, and — once it goes into an export — the person and
 * the CPI as reported. An export is thus written from its events alone and reads the same every time.
 */
import type { Prisma } from "../generated/prisma/client.js";

export interface ReportedPerson {
  taxCode: string;
  firstName: string;
  lastName: string;
}

export interface ConditionalityDetails {
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSetLabel: string;
  ordinal: number;
  sanction: string;
  legalBasis: string;
  toConfirm: boolean;
  outcome: string;
  note: string | null;
  offer: { profile: string; employerName: string; offeredAt: string; channel: string };
  /** Set when the event is exported; removed if the person is later erased. */
  person?: ReportedPerson;
  cpiName?: string;
}

export const detailsOf = (e: { details: Prisma.JsonValue }): ConditionalityDetails => e.details as unknown as ConditionalityDetails;

export const detailsJson = (d: ConditionalityDetails): Prisma.InputJsonValue => d as unknown as Prisma.InputJsonValue;
