import type { JobHandler } from "../job-handler.js";

export const digestsJob: JobHandler = async () => ({ counts: {} });
