import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface VetrinaProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * One of the project's entry points (`src/main.ts`, `scripts/cli.ts …`) in a process of its own, as an
 * operator would run it: quiet, without scheduler, demo data or rate limits unless `env` says otherwise.
 */
export function startVetrina(args: string[], env: Record<string, string>): VetrinaProcess {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", SCHEDULER: "false", DEMO_DATA: "false", RATE_LIMIT_PER_MINUTE: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

/** Resolves once the service on `port` answers /health. */
export async function untilHealthy(port: number, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`service on port ${port} not healthy after ${timeoutMs} ms`);
}
