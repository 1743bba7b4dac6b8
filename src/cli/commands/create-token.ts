import type { AppContext } from "../../context.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import { issueTokenFor } from "../../users/issue-token.js";
import { optionalDays, printToken, runUserCommand, userByEmail } from "./user-commands.js";

const USAGE = `Uso: npm run cli -- create-token --email indirizzo [--label ETICHETTA] [--expires-in-days N]

  --label            a cosa serve il token (predefinita: «cli»), es. "portatile ufficio"
  --expires-in-days  durata del token in giorni (predefinita: TOKEN_TTL_DAYS)

Emette un nuovo token per un utente attivo e lo stampa una sola volta; i token precedenti restano validi.`;

/** Issues a further token for a user, for example after a loss or an expiry, and prints it once. */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const options = { email: { type: "string" }, label: { type: "string" }, "expires-in-days": { type: "string" } } as const;
  return runUserCommand(args, USAGE, options, async (values) => {
    const user = await userByEmail(ctx, values.email);
    const request = { label: values.label?.trim() || "cli", ttlDays: ctx.env.TOKEN_TTL_DAYS, expiresInDays: optionalDays(values["expires-in-days"]) };
    const issued = await issueTokenFor(ctx.db, SYSTEM_ACTOR, user.id, request, "cli create-token");
    console.log(`Token emesso per ${user.name} <${user.email}>, etichetta «${issued.label}», id ${issued.id}.`);
    printToken(issued.token, issued.expiresAt);
    return 0;
  });
}
