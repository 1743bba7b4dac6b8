import type { CandidateFacts } from "./match-types.js";

// A list scores thousands of people on the same day: format that day once.
let lastDate: Date | null = null;
let lastDay = "";
const dayOf = (on: Date) => {
  if (on !== lastDate) {
    lastDate = on;
    lastDay = on.toISOString().slice(0, 10);
  }
  return lastDay;
};

/** The programmes a person is in on a given day (started, and not ended before it). */
export function activeProgrammes(person: CandidateFacts, on: Date): string[] {
  if (person.programmes.length === 0) return [];
  const day = dayOf(on);
  return person.programmes.filter((p) => p.start <= day && (p.end === null || p.end >= day)).map((p) => p.programme);
}
