import fs from "node:fs";
import path from "node:path";
import { AppError, parseInput } from "../../errors/app-error.js";
import { SYSTEM_ACTOR } from "../../auth/actor.js";
import type { AppContext } from "../../context.js";
import { exportVacancies } from "../../exports/export-vacancies.js";
import { vacancySearchSchema } from "../../vacancies/vacancy-schemas.js";

/**
 * `npm run cli -- export-vacancies <out.xlsx> [--status open] [--cpi CODE] [--province TO] …`
 * Every option of GET /vacancies is accepted as `--name value` (repeat or comma-separate lists)
 * and validated by the same schema.
 */
export async function run(ctx: AppContext, args: string[], out = console): Promise<number> {
  const usage = "Uso: npm run cli -- export-vacancies <out.xlsx> [--status open] [--cpi CODICE] [--province TO] [--q testo]";
  const query: Record<string, string | string[]> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (!name || value === undefined) {
      out.error(usage);
      return 2;
    }
    const previous = query[name];
    query[name] = previous === undefined ? value : [...[previous].flat(), value];
  }
  const target = positional[0];
  if (positional.length !== 1 || !target?.toLowerCase().endsWith(".xlsx")) {
    out.error(usage);
    return 2;
  }
  try {
    const filters = parseInput(vacancySearchSchema, query);
    const { rows, data, runId } = await exportVacancies(ctx, SYSTEM_ACTOR, filters, "cli export-vacancies");
    fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    fs.writeFileSync(target, data);
    out.log(`Esportate ${rows} offerte in ${target} (esecuzione ${runId})`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      out.error([err.message, ...err.fields.map((f) => `  - ${f.field}: ${f.message}`)].join("\n"));
      return 2;
    }
    throw err;
  }
}
