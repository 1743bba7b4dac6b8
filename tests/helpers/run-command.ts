import { vi } from "vitest";

/** Runs a command, capturing what it prints as a person at the terminal would see it. */
export async function runCommand(command: () => Promise<number>) {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.join(" "));
  const log = vi.spyOn(console, "log").mockImplementation(capture);
  const error = vi.spyOn(console, "error").mockImplementation(capture);
  try {
    return { code: await command(), output: lines.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
