export const ROLES = ["admin", "referent", "tutor", "navigator", "employer"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as resolved from the API token once per request. */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
  cpiCodes: string[];
  employerId: string | null;
}

export const OPERATOR_ROLES: readonly Role[] = ["admin", "referent", "tutor", "navigator"];

/** The service acting on its own (command line, scheduled jobs): full scope, recorded without a user. */
export const SYSTEM_ACTOR: Actor = { userId: "system", name: "Vetrina (sistema)", role: "admin", cpiCodes: [], employerId: null };

/** The user id to record for an actor; the system has none. */
export const recordedUserId = (actor: Actor | null): string | null =>
  actor && actor.userId !== SYSTEM_ACTOR.userId ? actor.userId : null;
