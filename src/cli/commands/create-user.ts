import { parseArgs } from "node:util";
import { AppError } from "../../api/errors.js";
import type { AppContext } from "../../context.js";
import { createUser } from "../../users/create-user.js";
import { userCreateSchema } from "../../users/user-schemas.js";

const USAGE = `Uso: npm run cli -- create-user --name "Nome Cognome" --email indirizzo --role RUOLO [--cpi CODICE …] [--employer ID]

  --role      admin | referent | tutor | navigator | employer
  --cpi       codice del CPI (ripetibile; obbligatorio per referent, tutor, navigator), es. TO-MONCALIERI
  --employer  id dell'azienda (obbligatorio per employer)

Stampa il token una sola volta: conservarlo subito (ne resta solo l'impronta). È così che un'installazione
nuova ottiene il suo primo amministratore.`;

/** Creates a user from the command line and prints its first token, once. */
export async function run(ctx: AppContext, args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: "string" },
        email: { type: "string" },
        role: { type: "string" },
        cpi: { type: "string", multiple: true },
        employer: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
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
  try {
    const { user, token } = await createUser(ctx.db, parsed.data, "cli");
    console.log(`Utente creato: ${user.name} <${user.email}>, ruolo ${user.role}${user.cpiCodes.length ? `, CPI ${user.cpiCodes.join(", ")}` : ""}${user.employerId ? `, azienda ${user.employerId}` : ""}.`);
    console.log(`Id: ${user.id}`);
    console.log(`\nToken (mostrato solo ora, conservarlo in modo sicuro):\n\n  ${token}\n`);
    console.log(`Esempio: curl -H "Authorization: Bearer ${token}" http://${ctx.env.HOST}:${ctx.env.PORT}/api/v1/vacancies`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      for (const f of err.fields ?? []) console.error(`  - ${f.field}: ${f.message}`);
      return 1;
    }
    throw err;
  }
}
