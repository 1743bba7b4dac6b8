import nodemailer from "nodemailer";
import type { Env } from "../config/env.js";

export type SmtpEnv = Pick<Env, "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD">;

/** Short waits: one unreachable server must not hold the job for minutes (nodemailer waits up to 10 by default). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The SMTP transport built from the environment; null without SMTP_HOST (messages then stay queued).
 * One connection per message: the outbox sends a few at a time and a failure concerns that message only.
 */
export function smtpTransport(env: SmtpEnv) {
  if (!env.SMTP_HOST) return null;
  return nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } } : {}),
    ...TIMEOUTS,
  });
}

export type SmtpTransport = NonNullable<ReturnType<typeof smtpTransport>>;
