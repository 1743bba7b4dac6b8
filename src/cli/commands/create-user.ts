import type { AppContext } from "../../context.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import { createUser } from "../../users/create-user.js";
import { userCreateSchema } from "../../users/user-schemas.js";
import { optionalDays, printToken, runUserCommand } from "./user-commands.js";

const USAGE = `Uso: npm run cli -- create-user --name "Nome Cognome" --email indirizzo --role RUOLO [--cpi CODICE …] [--employer ID] [--expires-in-days N]

  --role             admin | referent | tutor | navigator | employer
  --cpi              codice del CPI (ripetibile; obbligatorio per referent, tutor, navigator), es. TO-MONCALIERI
  --employer         id dell'azienda (obbligatorio per employer)
  --expires-in-days  durata del token in giorni (predefinita: TOKEN_TTL_DAYS)

Stampa il token una sola volta: conservarlo subito (ne resta solo l'impronta). È così che un'installazione
nuova ottiene il suo primo amministratore.`;

/** Creates a user from the command line and prints its first token, once. */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  const options = {
    name: { type: "string" },
    email: { type: "string" },
    role: { type: "string" },
    cpi: { type: "string", multiple: true },
    employer: { type: "string" },
    "expires-in-days": { type: "string" },
  } as const;
  return runUserCommand(args, USAGE, options, async (values) => {
    const parsed = userCreateSchema.safeParse({
      name: values.name,
      email: values.email,
      role: values.role,
      cpiCodes: values.cpi ?? [],
      ...(values.employer ? { employerId: values.employer } : {}),
    });
    if (!parsed.success) {
      console.error("Dati non validi:");
      for (const issue of parsed.error.issues) console.error(`  - ${issue.path.join(".") || "(utente)"}: ${issue.message}`);
      console.error(`\n${USAGE}`);
      return 2;
    }
    const token = { label: "cli", ttlDays: ctx.env.TOKEN_TTL_DAYS, expiresInDays: optionalDays(values["expires-in-days"]) };
    const { user, token: secret, tokenExpiresAt } = await createUser(ctx.db, parsed.data, { actor: SYSTEM_ACTOR, route: "cli create-user", token });
    console.log(`Utente creato: ${user.name} <${user.email}>, ruolo ${user.role}${user.cpiCodes.length ? `, CPI ${user.cpiCodes.join(", ")}` : ""}${user.employerId ? `, azienda ${user.employerId}` : ""}.`);
    console.log(`Id: ${user.id}`);
    printToken(secret, tokenExpiresAt);
    console.log(`Esempio: curl -H "Authorization: Bearer ${secret}" http://${ctx.env.HOST}:${ctx.env.PORT}/api/v1/vacancies`);
    return 0;
  });
}
