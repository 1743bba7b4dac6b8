import { pino, type Logger } from "pino";
import type { Env } from "../config/env.js";

export function createLogger(env: Pick<Env, "LOG_LEVEL" | "NODE_ENV">): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: "vetrina" },
    // Tokens and contacts never reach the logs.
    redact: ["req.headers.authorization", "*.email", "*.phone", "*.taxCode"],
  });
}
