import { sendDueEmails } from "../../email/send-due-emails.js";
import type { JobHandler } from "../job-handler.js";

/**
 * Every minute: drains the e-mail outbox. SMTP failures are the messages' own (each has its attempts and
 * back-off), so the job itself succeeds and reports them in its counts.
 */
export const sendEmailsJob: JobHandler = async (ctx) => {
  const { smtpConfigured, ...counts } = await sendDueEmails(ctx);
  return { counts, report: { smtpConfigured } };
};
