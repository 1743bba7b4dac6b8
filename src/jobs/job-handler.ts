import type { AppContext } from "../context.js";
import type { RunOutcome } from "./job-run.js";

/** Long work may say how far it got (the command line shows a bar). */
export type OnProgress = (done: number, total: number) => void;

/**
 * What a job of one kind does with its payload. It must be safe to run again: a worker killed halfway
 * leaves the job to another, which starts it over.
 */
export type JobHandler = (ctx: AppContext, payload: unknown, onProgress?: OnProgress) => Promise<RunOutcome>;
