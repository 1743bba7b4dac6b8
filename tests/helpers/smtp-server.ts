import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

/** A message as the server received it: the SMTP envelope and the parsed message. */
export interface ReceivedMail {
  envelope: { from: string | null; to: string[] };
  mail: ParsedMail;
}

/**
 * How the server answers, switchable while it runs: accept; a temporary 451 or a permanent 550 to every
 * recipient; or a 421 greeting (too busy) that ends the connection.
 */
export type SmtpBehaviour = "accept" | "temporary" | "permanent" | "busy";

export interface TestSmtpServer {
  host: string;
  port: number;
  received: ReceivedMail[];
  behave(behaviour: SmtpBehaviour): void;
  /** Stops listening: connections are refused until start(). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1, on a free port; every message is parsed with
 * `mailparser` and kept in `received` before the server answers 250, so a send that resolved is there.
 * With `auth`, only those credentials are accepted (AUTH PLAIN/LOGIN over the loopback, without TLS).
 */
export async function startSmtpServer(opts: { auth?: { user: string; pass: string } } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let behaviour: SmtpBehaviour = "accept";
  const options: SMTPServerOptions = {
    logger: false,
    disabledCommands: ["STARTTLS"],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return callback(null, { user: auth.username });
      callback(refusal(535, "5.7.8 Credenziali non valide"));
    },
    onConnect(_session, callback) {
      callback(behaviour === "busy" ? refusal(421, "4.3.2 Server occupato, riprovare più tardi") : null);
    },
    onRcptTo(_address, _session, callback) {
      if (behaviour === "temporary") return callback(refusal(451, "4.3.0 Errore temporaneo del server"));
      if (behaviour === "permanent") return callback(refusal(550, "5.1.1 Casella inesistente"));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
          received.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, mail });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  };

  let server: SMTPServer | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = new SMTPServer(options);
      s.on("error", reject);
      const net = s.listen(port, "127.0.0.1", () => {
        port = (net.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await listen();
  return {
    host: "127.0.0.1",
    get port() {
      return port;
    },
    received,
    behave: (b) => (behaviour = b),
    stop,
    start: listen,
    close: stop,
  };
}
