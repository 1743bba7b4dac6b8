import type { JobHandler } from "../job-handler.js";

export const rematchChangesJob: JobHandler = async () => ({ counts: {} });
