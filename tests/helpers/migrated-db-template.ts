// Fresh, fully migrated SQLite files for tests. Migrations run once per test process into a template file;
// every caller then gets its own copy (a file copy costs far less than replaying the migrations).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../src/db/migrate.js";

let root: string | undefined;
let template: Promise<string> | undefined;
let copies = 0;

/** One temp folder per process, removed when the process ends (copies may still be open: fine on POSIX). */
function processRoot(): string {
  if (!root) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-test-db-"));
    root = dir;
    process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return root;
}

/** Path of a new SQLite file, in its own folder, with every migration in prisma/migrations applied. */
export async function freshDatabasePath(): Promise<string> {
  template ??= (async () => {
    const file = path.join(processRoot(), "template", "vetrina.db");
    await applyMigrations(file); // closes its connections, so the file is complete on disk for copying
    return file;
  })();
  const source = await template;
  const dir = path.join(processRoot(), `db-${++copies}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, "vetrina.db");
  fs.copyFileSync(source, file);
  return file;
}
