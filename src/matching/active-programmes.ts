import type { CandidateFacts } from "./match-types.js";

/** The programmes a person is in on a given day (started, and not ended before it). */
export function activeProgrammes(person: CandidateFacts, on: Date): string[] {
  const day = on.toISOString().slice(0, 10);
  return person.programmes.filter((p) => p.start <= day && (p.end === null || p.end >= day)).map((p) => p.programme);
}
