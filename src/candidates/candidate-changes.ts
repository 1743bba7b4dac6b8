import { changedFieldNames } from "../events/field-changes.js";
import type { CandidateRecord } from "./candidate-repository.js";
import type { CandidateUpdateInput } from "./candidate-schemas.js";

const LISTS = ["programmes", "experiences", "trainings"] as const;

/** A stored list as the input would send it (the input's keys, in a stable order), to tell a real change from a resend. */
function sameList(stored: object[], sent: object[]): boolean {
  if (stored.length !== sent.length) return false;
  const keys = [...new Set(sent.flatMap((item) => Object.keys(item)))];
  const canonical = (items: object[]) =>
    items
      .map((item) => JSON.stringify(keys.map((k) => (item as Record<string, unknown>)[k] ?? null)))
      .sort()
      .join("\n");
  return canonical(stored) === canonical(sent);
}

/** The names of the fields an update really changes (never their values: they are a person's data). */
export function candidateChangedFields(current: CandidateRecord, input: CandidateUpdateInput): string[] {
  const { programmes, experiences, trainings, ...scalars } = input;
  const lists = { programmes, experiences, trainings };
  return [
    ...changedFieldNames(current as Record<string, unknown>, scalars),
    ...LISTS.filter((name) => lists[name] !== undefined && !sameList(current[name], lists[name]!)),
  ];
}
