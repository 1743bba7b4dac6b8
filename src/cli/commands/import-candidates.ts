import type { AppContext } from "../../context.js";
import { runImportCommand } from "../../imports/import-command.js";
import { importCandidates } from "../../imports/import-candidates.js";

/** `npm run cli -- import-candidates <file.xlsx|file.csv> [--dry-run]`, as the system actor. */
export function run(ctx: AppContext, args: string[]): Promise<number> {
  return runImportCommand(ctx, args, "import-candidates", importCandidates);
}
