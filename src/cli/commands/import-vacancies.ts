import type { AppContext } from "../../context.js";
import { runImportCommand } from "../../imports/import-command.js";
import { importVacancies } from "../../imports/import-vacancies.js";

/** `npm run cli -- import-vacancies <file.xlsx|file.csv> [--dry-run]`, as the system actor. */
export function run(ctx: AppContext, args: string[]): Promise<number> {
  return runImportCommand(ctx, args, "import-vacancies", importVacancies);
}
