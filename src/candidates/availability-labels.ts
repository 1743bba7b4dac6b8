import type { AVAILABILITY } from "./candidate-schemas.js";

/** How a person's availability reads in views and messages. */
export const AVAILABILITY_LABELS: Record<(typeof AVAILABILITY)[number], string> = {
  available: "Disponibile",
  not_available: "Non disponibile",
  employed: "Occupata/o",
};

/** The label of a stored availability (the stored value itself if unknown). */
export const availabilityLabel = (value: string): string => AVAILABILITY_LABELS[value as keyof typeof AVAILABILITY_LABELS] ?? value;
