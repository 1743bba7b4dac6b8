import { canManageShortlist, canRecordOutcome } from "../shortlists/shortlist-policies.js";

/** Issuing, listing and revoking an employer's links: whoever manages and sends the list (the referent, the admin). */
export const canManageLinks = canManageShortlist;

/**
 * The sent list as a file (.xlsx, PDF): the people who deal with the employer about it, i.e. those who
 * record its outcomes — the referent, the admin, and the employer owning the vacancy.
 */
export const canDownloadSentList = canRecordOutcome;
