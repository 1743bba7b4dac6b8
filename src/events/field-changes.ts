import type { FieldChange } from "./domain-events.js";

/** A value as an event keeps it: dates as ISO strings, everything else as JSON has it. */
function eventValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(eventValue(a)) === JSON.stringify(eventValue(b));

/**
 * The fields of `next` whose value differs from `current`, with before and after, except the fields in
 * `nameOnly` (personal data: the change is told by its field name alone).
 */
export function fieldChanges<T extends object>(current: T, next: Partial<T>, nameOnly: readonly string[] = []): FieldChange[] {
  return Object.entries(next)
    .filter(([field, after]) => after !== undefined && !same(current[field as keyof T], after))
    .map(([field, after]) =>
      nameOnly.includes(field) ? { field } : { field, before: eventValue(current[field as keyof T]), after: eventValue(after) },
    );
}

/** The names of the fields that changed, for records of people and companies (their values never go in an event). */
export const changedFieldNames = <T extends object>(current: T, next: Partial<T>): string[] => fieldChanges(current, next, Object.keys(next)).map((c) => c.field);
