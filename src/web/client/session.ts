/** Who is signed in: the token typed on the sign-in page, kept for this tab only (sessionStorage). */
export type Role = "admin" | "referent" | "tutor" | "navigator" | "employer";

export interface Me {
  userId: string;
  name: string;
  role: Role;
  cpiCodes: string[];
  employerId: string | null;
}

const TOKEN_KEY = "vetrina.token";
const ME_KEY = "vetrina.me";

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Amministrazione regionale",
  referent: "Referente delle offerte",
  tutor: "Tutor",
  navigator: "Navigator",
  employer: "Azienda",
};

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storedMe(): Me | null {
  const raw = sessionStorage.getItem(ME_KEY);
  return raw ? (JSON.parse(raw) as Me) : null;
}

export function signIn(token: string, me: Me): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(ME_KEY, JSON.stringify(me));
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ME_KEY);
}

export const isOperator = (me: Me): boolean => me.role !== "employer";
export const canManageVacancies = (me: Me): boolean => me.role === "admin" || me.role === "referent";
export const canPropose = (me: Me): boolean => me.role === "tutor" || me.role === "navigator";
