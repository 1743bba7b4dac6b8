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
