import type { JobHandler } from "../job-handler.js";

export const deadlineRemindersJob: JobHandler = async () => ({ counts: {} });
