import type { AppContext } from "../../context.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import { setUserActive } from "../../users/set-user-active.js";
import { runUserCommand, userByEmail } from "./user-commands.js";

/** `deactivate-user` and `reactivate-user`: the same flow in the two directions. */
export function userActivationCommand(active: boolean) {
  const name = active ? "reactivate-user" : "deactivate-user";
  const effect = active
    ? "Riattiva l'utente: tornano validi i suoi token non revocati né scaduti."
    : "Disattiva l'utente: tutti i suoi token smettono subito di funzionare (revocarli con revoke-token --all\nper non farli tornare validi a una riattivazione).";
  const USAGE = `Uso: npm run cli -- ${name} --email indirizzo\n\n${effect}`;
  return async (ctx: AppContext, args: string[]): Promise<number> =>
    runUserCommand(args, USAGE, { email: { type: "string" } } as const, async (values) => {
      const user = await userByEmail(ctx, values.email);
      await setUserActive(ctx.db, SYSTEM_ACTOR, user.id, active, `cli ${name}`);
      console.log(`Utente ${active ? "riattivato" : "disattivato"}: ${user.name} <${user.email}>.`);
      return 0;
    });
}
