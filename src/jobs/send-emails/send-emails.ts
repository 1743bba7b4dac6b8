import type { JobHandler } from "../job-handler.js";

export const sendEmailsJob: JobHandler = async () => ({ counts: {} });
