import { dayOf, italianDay } from "../deadlines/calendar-day.js";
import { DEADLINE_KIND_LABELS, DEADLINE_STAGE_LABELS, type DeadlineKind, type DeadlineStage } from "../deadlines/deadline-kinds.js";
import { DECLINE_REASON_LABELS, type DeclineReason } from "../proposals/decline-reasons.js";
import { FEED_KIND_LABELS, isFeedKind } from "./feed-kinds.js";

/** The vacancy as feed texts name it: facts of the offer, never of a person. */
export interface FeedVacancy {
  id: string;
  profile: string;
  companyName: string;
  cpiName: string;
}

export interface FeedItemFacts {
  kind: string;
  vacancyId: string | null;
  candidateId: string | null;
  payload: unknown;
}

export interface FeedItemText {
  kindLabel: string;
  title: string;
  summary: string;
}

/**
 * The Italian label, title and summary of an item: the same text in the JSON feed, the Atom feed and the
 * digest e-mail, so it names the person by id only and the vacancy by its own facts (feeds and e-mails
 * end up in mail clients). Pure; the payload is read defensively (items outlive the code that wrote them).
 */
export function describeFeedItem(item: FeedItemFacts, vacancy: FeedVacancy | null): FeedItemText {
  const p = (typeof item.payload === "object" && item.payload !== null ? item.payload : {}) as Record<string, unknown>;
  const offer = vacancy ? `l'offerta «${vacancy.profile}»` : item.vacancyId ? `l'offerta ${item.vacancyId}` : "un'offerta";
  const offerFacts = vacancy ? ` Offerta «${vacancy.profile}» presso ${vacancy.companyName} (${vacancy.cpiName}), codice ${vacancy.id}.` : "";
  const person = item.candidateId ? `la persona ${item.candidateId}` : "una persona";
  const kindLabel = isFeedKind(item.kind) ? FEED_KIND_LABELS[item.kind] : item.kind;
  const text = (title: string, summary: string): FeedItemText => ({ kindLabel, title, summary: `${summary}${offerFacts}` });

  switch (item.kind) {
    case "abbinamento_nuovo":
      return text(`Nuovo abbinamento per ${offer}`, `Per ${person} è idonea ${offer}${scoreText(p.score)}.`);
    case "abbinamento_migliorato":
      return text(`Abbinamento migliorato per ${offer}`, `Per ${person} ${offer} è ora più adatta${scoreText(p.score, p.previousScore)}.`);
    case "segnalazione_nuova":
      return text(`Nuova segnalazione per ${offer}`, `È stata segnalata ${person}: la segnalazione ${String(p.proposalId ?? "")} attende la decisione del referente.`);
    case "segnalazione_decisa": {
      const decision = p.decision === "accettata" ? "accettata" : p.decision === "rifiutata" ? "rifiutata" : String(p.decision ?? "decisa");
      const reason = typeof p.reason === "string" ? ` Motivo: ${DECLINE_REASON_LABELS[p.reason as DeclineReason] ?? p.reason}.` : "";
      return text(`Segnalazione ${decision} per ${offer}`, `La segnalazione ${String(p.proposalId ?? "")} per ${person} è stata ${decision}.${reason}`);
    }
    case "scadenza":
    case "verifica_esito": {
      const deadline = DEADLINE_KIND_LABELS[p.deadline as DeadlineKind] ?? String(p.deadline ?? "Scadenza");
      const stage = DEADLINE_STAGE_LABELS[p.stage as DeadlineStage] ?? String(p.stage ?? "");
      const due = typeof p.dueAt === "string" ? ` entro il ${italianDay(dayOf(new Date(p.dueAt)))}` : "";
      return text(`${deadline} – ${stage.toLowerCase()}: ${offer}`, `${deadline}${due}: ${stage.toLowerCase()}.`);
    }
    case "senza_offerta_coerente":
      return text(`Persona ${item.candidateId ?? ""} senza offerta coerente`, `Nessuna offerta coerente con il profilo è ancora stata proposta a ${person} (RdC, ADI o SFL).`);
    case "offerta_da_preselezionare":
      return text(`In attesa di preselezione: ${offer}`, `Per ${offer} la preselezione non è ancora iniziata.`);
    default:
      return text(kindLabel, `Aggiornamento su ${offer}.`);
  }
}

const scoreText = (score: unknown, previous?: unknown) =>
  typeof score !== "number" ? "" : typeof previous === "number" ? ` (punteggio da ${previous} a ${score})` : ` (punteggio ${score})`;
