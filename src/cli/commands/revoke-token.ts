import type { AppContext } from "../../context.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import { revokeTokens } from "../../users/manage-tokens.js";
import { runUserCommand, tokenLine, UsageError, userByEmail } from "./user-commands.js";

const USAGE = `Uso: npm run cli -- revoke-token --email indirizzo (--token-id ID | --all)

  --token-id  il token da revocare (gli id li mostra list-tokens)
  --all       tutti i token dell'utente

Il token revocato smette subito di funzionare.`;

export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const options = { email: { type: "string" }, "token-id": { type: "string" }, all: { type: "boolean" } } as const;
  return runUserCommand(args, USAGE, options, async (values) => {
    const tokenId = values["token-id"];
    if (Boolean(tokenId) === Boolean(values.all)) throw new UsageError("Indicare --token-id oppure --all (uno dei due).");
    const user = await userByEmail(ctx, values.email);
    const { revoked, items } = await revokeTokens(ctx.db, SYSTEM_ACTOR, user.id, tokenId, ctx.env.TOKEN_TTL_DAYS, "cli revoke-token");
    console.log(`Token revocati per ${user.name} <${user.email}>: ${revoked}.`);
    for (const t of items) console.log(`  ${tokenLine(t)}`);
    return 0;
  });
}
