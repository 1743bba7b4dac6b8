import { italianDay } from "../auth/token-lifetime.js";
import type { ActionStage, DeadlineKind } from "../deadlines/deadline-kinds.js";
import type { ProposalStatus } from "../proposals/proposal-states.js";

/**
 * The Italian text of every e-mail, one pure function per kind. No e-mail carries personal data of a job
 * seeker (names, tax codes, contacts, notes about them): they name the vacancy by its profile and code and
 * send the reader to Vetrina, where access rules and the audit apply.
 */

export interface EmailContent {
  subject: string;
  text: string;
}

/** How every e-mail names the vacancy it is about. */
export interface VacancyRef {
  id: string;
  profile: string;
  companyName: string;
  cpiName: string;
}

const FOOTER = [
  "",
  "--",
  "Messaggio automatico di Vetrina, la vetrina delle opportunità dei centri per l'impiego.",
  "Per i dati delle persone accedere a Vetrina con le proprie credenziali: non sono mai riportati nei messaggi.",
].join("\n");

const vacancyLine = (v: VacancyRef) => `Offerta: «${v.profile}» presso ${v.companyName} (${v.cpiName}), codice offerta ${v.id}.`;

const compose = (subject: string, lines: string[]): EmailContent => ({ subject, text: `${lines.join("\n")}\n${FOOTER}\n` });

/** To the vacancy's referent: a tutor put someone forward. */
export function newProposalEmail(input: { vacancy: VacancyRef; proposalId: string; proposerName: string | null }): EmailContent {
  const who = input.proposerName ? `${input.proposerName} ha segnalato` : "È stata segnalata";
  return compose(`Nuova segnalazione per l'offerta «${input.vacancy.profile}»`, [
    "Gentile referente,",
    "",
    `${who} una persona per un'offerta di cui è referente.`,
    vacancyLine(input.vacancy),
    "",
    `Per vedere la persona segnalata e decidere se accettare la segnalazione, aprire in Vetrina la segnalazione ${input.proposalId}.`,
  ]);
}

export type ProposalDecision = Extract<ProposalStatus, "accettata" | "rifiutata">;

/** To the tutor who made the proposal: the referent's decision, with the reason of a refusal. */
export function proposalDecisionEmail(input: { vacancy: VacancyRef; proposalId: string; decision: ProposalDecision; reason: string | null }): EmailContent {
  return compose(`Segnalazione ${input.decision} per l'offerta «${input.vacancy.profile}»`, [
    "Gentile tutor,",
    "",
    `la sua segnalazione ${input.proposalId} è stata ${input.decision} dal referente dell'offerta.`,
    vacancyLine(input.vacancy),
    ...(input.decision === "accettata" ? ["La persona è entrata nella rosa in preparazione dell'offerta."] : [`Motivo: ${input.reason ?? "non indicato"}.`]),
    "",
    "Per seguire la segnalazione, aprirla in Vetrina.",
  ]);
}

/** The employer contact's own link to the list (src/shortlist-delivery): no account needed. */
export interface EmployerLink {
  url: string;
  expiresAt: Date;
}

/** To the employer's contact: a list was sent; how many people, never who; the link to it when one was issued. */
export function shortlistSentEmail(input: { vacancy: VacancyRef; peopleCount: number; outcomeCheckDue: Date; link?: EmployerLink }): EmailContent {
  const people = input.peopleCount === 1 ? "1 persona" : `${input.peopleCount} persone`;
  const access = input.link
    ? [
        `La rosa, con i profili delle persone, è consultabile senza credenziali a questo indirizzo personale, valido fino al ${italianDay(input.link.expiresAt)} (non inoltrarlo):`,
        input.link.url,
        "Dallo stesso indirizzo potete scaricarla (.xlsx, PDF), registrare gli esiti o rifiutare la rosa indicandone il motivo.",
      ]
    : ["La rosa, con i profili delle persone, è consultabile in Vetrina con le credenziali dell'azienda."];
  return compose(`Rosa di candidati per l'offerta «${input.vacancy.profile}»`, [
    "Gentile referente aziendale,",
    "",
    `il centro per l'impiego ha inviato la rosa di candidati per la vostra offerta: ${people}, di cui è stata verificata la disponibilità.`,
    vacancyLine(input.vacancy),
    "",
    ...access,
    `Entro il ${italianDay(input.outcomeCheckDue)} il centro per l'impiego vi chiederà l'esito (colloqui, assunzioni); potete registrarlo anche direttamente in Vetrina.`,
  ]);
}

/** What each deadline of a vacancy asks of the referent (Umbria E2); the outcome check has its own e-mail. */
const DEADLINE_TASKS: Record<Exclude<DeadlineKind, "verifica_esito">, string> = {
  rosa: "inviare la rosa di candidati all'azienda",
  selezione: "avviare la selezione richiesta dall'azienda",
};

const stageSentence = (stage: ActionStage, dueAt: Date) =>
  stage === "scaduta" ? `La scadenza è passata il ${italianDay(dueAt)}.` : `La scadenza è il ${italianDay(dueAt)}.`;

/** To the vacancy's referent: the list or the selection is due soon, or overdue. */
export function deadlineEmail(input: { vacancy: VacancyRef; deadline: keyof typeof DEADLINE_TASKS; stage: ActionStage; dueAt: Date }): EmailContent {
  const task = DEADLINE_TASKS[input.deadline];
  const state = input.stage === "scaduta" ? "Scadenza superata" : "Scadenza in arrivo";
  return compose(`${state}: ${task} – offerta «${input.vacancy.profile}»`, [
    "Gentile referente,",
    "",
    `per un'offerta di cui è referente occorre ${task}.`,
    vacancyLine(input.vacancy),
    stageSentence(input.stage, input.dueAt),
    "",
    "Aprire l'offerta in Vetrina per proseguire.",
  ]);
}

/** To the vacancy's referent: the outcome of a sent list is to be checked with the employer. */
export function outcomeCheckEmail(input: { vacancy: VacancyRef; stage: ActionStage; dueAt: Date }): EmailContent {
  const state = input.stage === "scaduta" ? "Verifica dell'esito scaduta" : "Verifica dell'esito in arrivo";
  return compose(`${state} – offerta «${input.vacancy.profile}»`, [
    "Gentile referente,",
    "",
    "per un'offerta di cui è referente occorre verificare con l'azienda l'esito della rosa inviata (colloqui, assunzioni).",
    vacancyLine(input.vacancy),
    stageSentence(input.stage, input.dueAt),
    "",
    "Registrare gli esiti nella rosa dell'offerta in Vetrina.",
  ]);
}

/** The most lines a digest lists; the rest are counted and left to the feed. */
const DIGEST_MAX_LINES = 50;

/** To a tutor or navigator: what is new in their feed since the last digest, as the feed titles it. */
export function digestEmail(input: { day: string; items: { kindLabel: string; title: string }[] }): EmailContent {
  const n = input.items.length;
  const shown = input.items.slice(0, DIGEST_MAX_LINES).map((i) => `- ${i.kindLabel}: ${i.title}`);
  const rest = n > DIGEST_MAX_LINES ? [`… e altre ${n - DIGEST_MAX_LINES} novità.`] : [];
  return compose(`Vetrina: ${n === 1 ? "1 novità" : `${n} novità`} del ${input.day} per le persone che segue`, [
    "Gentile operatore,",
    "",
    `ecco le novità del suo notiziario dall'ultimo riepilogo (${n}):`,
    ...shown,
    ...rest,
    "",
    "Per i dettagli aprire il notiziario in Vetrina (GET /api/v1/feed).",
  ]);
}
