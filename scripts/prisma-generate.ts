// postinstall: generates the Prisma clients into src/generated/prisma (SQLite) and src/generated/prisma-postgres
// (PostgreSQL, from prisma/postgresql/schema.prisma, itself generated from prisma/schema.prisma); both gitignored.
// `prisma generate` never runs the schema engine, but the CLI downloads it first unless
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file, and its download host is unreachable here: point it at
// this very file, which always exists. Migrations use the wasm engine instead (src/db/schema-engine.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const projectRoot = path.resolve(path.dirname(self), "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

const schemas = [path.join("prisma", "schema.prisma"), path.join("prisma", "postgresql", "schema.prisma")];

for (const schema of schemas) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
    cwd: projectRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? self, // a real engine, if given, wins
      CHECKPOINT_DISABLE: "1", // no version-check request to Prisma's servers (unreachable: it would only slow us)
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });

  if (result.status !== 0) {
    // The CLI's own output says what went wrong; npm then stops the install on our exit code.
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    if (result.error) console.error(result.error.message);
    console.error(`prisma generate ${schema} FAILED (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  console.log(`prisma client generated from ${schema} (${Date.now() - started} ms)`);
}
