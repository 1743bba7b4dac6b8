import { expireVacanciesJob } from "./expire-vacancies/expire-vacancies.js";
import type { JobHandler } from "./job-handler.js";
import type { JobKind } from "./job-run.js";
import { indexCheckJob } from "./index-check/index-check.js";
import { rematchJob } from "./rematch/rematch-vacancies.js";
import { sendEmailsJob } from "./send-emails/send-emails.js";
import { deadlineRemindersJob } from "./deadline-reminders/deadline-reminders.js";
import { rematchChangesJob } from "./rematch-changes/rematch-changes.js";
import { digestsJob } from "./digests/digests.js";
import { backupJob } from "./backup/backup.js";
import { retentionJob } from "./retention/retention.js";

/** Every kind of persisted job and what runs it: one folder per job under src/jobs. */
export const JOB_HANDLERS: Partial<Record<JobKind, JobHandler>> = {
  "expire-vacancies": expireVacanciesJob,
  rematch: rematchJob,
  "index-check": indexCheckJob,
  "send-emails": sendEmailsJob,
  "deadline-reminders": deadlineRemindersJob,
  "rematch-changes": rematchChangesJob,
  digests: digestsJob,
  backup: backupJob,
  retention: retentionJob,
};
