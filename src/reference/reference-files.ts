import path from "node:path";
import { fileURLToPath } from "node:url";

/** The reference data ships inside the repository (data/reference), found from this file so any cwd works. */
export const REFERENCE_DATA_DIR = fileURLToPath(new URL("../../data/reference/", import.meta.url));

export function referenceFile(...parts: string[]): string {
  return path.join(REFERENCE_DATA_DIR, ...parts);
}
