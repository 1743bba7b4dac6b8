import { ConfigError, type Env } from "../config/env.js";
import { createLogger } from "../logging/logger.js";
import { createContext } from "../bootstrap.js";
import type { AppContext } from "../context.js";

/** Opens the store and index for a command-line tool, quieter than the service, and always closes them. */
export async function withCliContext(env: Env, work: (ctx: AppContext) => Promise<number>): Promise<number> {
  const ctx = await createContext(env, createLogger({ ...env, LOG_LEVEL: env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL }));
  try {
    return await work(ctx);
  } finally {
    await ctx.db.$disconnect();
  }
}

/** Runs a script's main and exits with its code; configuration errors print as the readable list they are. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ConfigError ? err.message : err);
      process.exit(1);
    },
  );
}
