import type { AppContext } from "../../context.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import { listTokens } from "../../users/manage-tokens.js";
import { runUserCommand, tokenLine, userByEmail } from "./user-commands.js";

const USAGE = `Uso: npm run cli -- list-tokens --email indirizzo

Elenca i token dell'utente (id, stato, etichetta, creazione, scadenza, ultimo uso, revoca); mai il token stesso.`;

export async function run(ctx: AppContext, args: string[]): Promise<number> {
  return runUserCommand(args, USAGE, { email: { type: "string" } } as const, async (values) => {
    const user = await userByEmail(ctx, values.email);
    const { items } = await listTokens(ctx.db, SYSTEM_ACTOR, user.id, ctx.env.TOKEN_TTL_DAYS);
    console.log(`Token di ${user.name} <${user.email}>${user.active ? "" : " (utente disattivato: nessun token funziona)"}: ${items.length}`);
    for (const t of items) console.log(`  ${tokenLine(t)}`);
    return 0;
  });
}
