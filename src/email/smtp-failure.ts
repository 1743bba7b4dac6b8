/** A failed SMTP attempt as the outbox keeps it. */
export interface SmtpFailure {
  /** Italian, with the server's own words when it answered. */
  message: string;
  /** The server refused this message for good (5xx but 503): sending it again would get the same answer. */
  permanent: boolean;
  /** No SMTP answer (connection refused, timed out, dropped, TLS, DNS), credentials refused or 421: the other messages would fail too. */
  unreachable: boolean;
}

interface NodemailerErrorFields {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
  response?: string;
  message?: string;
}

const MAX_MESSAGE = 1_000;

/** Reads nodemailer's error fields (code, responseCode, permanent, response) into the outbox's terms. */
export function describeSmtpFailure(err: unknown): SmtpFailure {
  const e: NodemailerErrorFields = typeof err === "object" && err !== null ? (err as NodemailerErrorFields) : { message: String(err) };
  const detail = (e.response ?? e.message ?? String(err)).trim();
  const code = e.code ? ` (${e.code})` : "";
  // Refused credentials are the configuration's fault, not the message's: never permanent, and every other
  // message would be refused too.
  if (e.code === "EAUTH" || e.code === "ENOAUTH") {
    return { message: `Autenticazione presso il server SMTP non riuscita${code}: ${detail}`.slice(0, MAX_MESSAGE), permanent: false, unreachable: true };
  }
  if (e.responseCode === undefined) {
    return { message: `Server SMTP non raggiungibile${code}: ${detail}`.slice(0, MAX_MESSAGE), permanent: false, unreachable: true };
  }
  const permanent = e.permanent === true;
  const what = permanent ? "Il server SMTP ha rifiutato il messaggio" : "Il server SMTP ha risposto con un errore temporaneo";
  return { message: `${what} (${e.responseCode}): ${detail}`.slice(0, MAX_MESSAGE), permanent, unreachable: e.responseCode === 421 };
}
