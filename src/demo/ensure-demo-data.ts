import type { AppContext } from "../context.js";

// Placeholder until the demo generator lands.
export async function ensureDemoData(_ctx: AppContext): Promise<void> {}
