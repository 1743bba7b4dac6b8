import { ROLES, type Role } from "../../auth/actor.js";
import type { AppContext } from "../../context.js";
import { issueToken } from "../../users/create-user.js";

export const DEMO_TOKEN_LABEL = "demo";

/** Operators are picked from these CPIs first, so the referent, tutor and navigator share a CPI. */
const PREFERRED_CPIS = ["TO-TORINO-VIA-BOLOGNA", "MI-MILANO"];

async function pickUser(ctx: AppContext, role: Role) {
  const include = { cpis: true, employer: true } as const;
  if (role === "employer") {
    // The employer with the most offers, so its user sees something.
    const users = await ctx.db.user.findMany({ where: { role, active: true, employerId: { not: null } }, include, orderBy: { email: "asc" } });
    if (users.length === 0) return null;
    const counts = await ctx.db.vacancy.groupBy({ by: ["employerId"], where: { employerId: { in: users.map((u) => u.employerId!) } }, _count: true });
    const byEmployer = new Map(counts.map((c) => [c.employerId, c._count]));
    return users.reduce((best, u) => ((byEmployer.get(u.employerId) ?? 0) > (byEmployer.get(best.employerId) ?? 0) ? u : best));
  }
  for (const cpiCode of PREFERRED_CPIS) {
    const user = await ctx.db.user.findFirst({ where: { role, active: true, cpis: { some: { cpiCode } } }, include, orderBy: { email: "asc" } });
    if (user) return user;
  }
  return ctx.db.user.findFirst({ where: { role, active: true }, include, orderBy: { email: "asc" } });
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/**
 * `npm run cli -- demo-tokens`: revokes the earlier demo tokens and issues a fresh one for one user per
 * role, printed with a ready curl example. Never in production.
 */
export async function run(ctx: AppContext, _args: string[]): Promise<number> {
  if (ctx.env.NODE_ENV === "production") {
    console.error("Rifiutato: i token dimostrativi non si emettono con NODE_ENV=production (usare create-user).");
    return 1;
  }
  const picked = [];
  for (const role of ROLES) {
    const user = await pickUser(ctx, role);
    if (user) picked.push({ role, user });
  }
  if (picked.length === 0) {
    console.error("Nessun utente dimostrativo: caricare prima i dati con `npm run seed` (o avviare il servizio su un archivio vuoto).");
    return 1;
  }
  const revoked = await ctx.db.apiToken.updateMany({ where: { label: DEMO_TOKEN_LABEL, revokedAt: null }, data: { revokedAt: new Date() } });
  const rows = [["ruolo", "nome", "e-mail", "CPI / azienda", "token"]];
  const tokens = new Map<Role, string>();
  for (const { role, user } of picked) {
    const token = await issueToken(ctx.db, user.id, DEMO_TOKEN_LABEL, ctx.env.TOKEN_TTL_DAYS);
    tokens.set(role, token);
    const scope = role === "employer" ? (user.employer?.name ?? "") : user.cpis.map((c) => c.cpiCode).join(", ") || "(tutti)";
    rows.push([role, user.name, user.email, scope, token]);
  }
  const missing = ROLES.filter((r) => !tokens.has(r));
  console.log(`Token dimostrativi (etichetta «${DEMO_TOKEN_LABEL}»; ${revoked.count} token precedenti revocati):\n`);
  console.log(table(rows));
  if (missing.length) console.log(`\nNessun utente attivo per: ${missing.join(", ")}.`);
  const base = `http://${ctx.env.HOST}:${ctx.env.PORT}/api/v1`;
  const example = tokens.get("tutor") ?? tokens.get("referent") ?? [...tokens.values()][0]!;
  console.log(`\nEsempio (vetrina, offerte aperte di magazziniere in provincia di Torino):\n`);
  console.log(`  curl -H "Authorization: Bearer ${example}" "${base}/vacancies?q=magazziniere&status=open&province=TO"`);
  return 0;
}
