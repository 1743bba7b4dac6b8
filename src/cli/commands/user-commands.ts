import { parseArgs, type ParseArgsConfig } from "node:util";
import { AppError, notFound } from "../../errors/app-error.js";
import type { AppContext } from "../../context.js";
import { expiresInDays, italianDay } from "../../auth/token-lifetime.js";
import { email } from "../../validation/common-schemas.js";
import { z } from "../../validation/zod-setup.js";
import type { TokenView } from "../../users/token-view.js";

/** Wrong arguments: the command prints the reason with its usage and exits with 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O }>>["values"];

/**
 * Parses a command's arguments and runs it: `--help` prints the usage, bad arguments exit with 2, a refusal
 * of the service (AppError) prints its Italian reason and exits with 1.
 */
export async function runUserCommand<O extends Options>(args: string[], usage: string, options: O, work: (values: Values<O>) => Promise<number>): Promise<number> {
  try {
    const { values } = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } } });
    if ((values as { help?: boolean }).help) {
      console.log(usage);
      return 0;
    }
    return await work(values as Values<O>);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(err as Error).message}\n\n${usage}`);
      return 2;
    }
    if (err instanceof AppError) {
      console.error(err.message);
      for (const f of err.fields) console.error(`  - ${f.field}: ${f.message}`);
      return 1;
    }
    throw err;
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${option}: ${result.error.issues.map((i) => i.message).join("; ")}`);
  return result.data;
}

/** The user named by `--email`, or a refusal saying no such user exists. */
export async function userByEmail(ctx: AppContext, value: string | undefined) {
  if (value === undefined) throw new UsageError("Indicare l'utente con --email.");
  const user = await ctx.db.user.findUnique({ where: { email: parsed(email, value, "email") } });
  if (!user) throw notFound(`Utente con e-mail ${value}`);
  return user;
}

/** `--expires-in-days N`, bounded like the API's `expiresInDays`. */
export const optionalDays = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : parsed(z.coerce.number().pipe(expiresInDays), value, "expires-in-days");

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("it-IT", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short" }) : "–");

const STATE_LABEL: Record<TokenView["state"], string> = { active: "valido", expired: "scaduto", revoked: "revocato" };

/** One line per token, for the terminal. */
export function tokenLine(t: TokenView): string {
  return `${t.id}  ${STATE_LABEL[t.state].padEnd(8)}  «${t.label}»  creato ${when(t.createdAt)}, scade ${when(t.expiresAt)}, ultimo uso ${when(t.lastUsedAt)}${t.revokedAt ? `, revocato ${when(t.revokedAt)}` : ""}`;
}

/** The secret, shown once, with its expiry. */
export function printToken(secret: string, expiresAt: string): void {
  console.log(`\nToken (mostrato solo ora, conservarlo in modo sicuro; scade il ${italianDay(new Date(expiresAt))}):\n\n  ${secret}\n`);
}
