import type { DomainEventOf } from "../events/domain-events.js";
import type { EventScope } from "../events/event-scope.js";
import { changeVacancyStatusIn } from "./change-vacancy-status.js";
import { findVacancy, findVacancyForView, positionsFilledOf } from "./vacancy-repository.js";

/**
 * How a vacancy follows its candidate lists (handlers of the shortlist events, in their transaction):
 * a list built puts the vacancy in preselection (also back from "list sent"), a list sent moves it to
 * "list sent", a sent list the employer turns down brings it back to preselection, and the hiring that
 * fills the last position asked makes it filled.
 */
export async function followShortlistBuilt(event: { payload: { vacancyId: string } }, scope: EventScope): Promise<void> {
  const { status } = await findVacancy(scope.tx, event.payload.vacancyId);
  if (status === "open" || status === "list_sent") {
    await changeVacancyStatusIn(scope, event.payload.vacancyId, "in_preselection", "Rosa di candidati in preparazione");
  }
}

export async function followShortlistSent(event: { payload: { vacancyId: string } }, scope: EventScope): Promise<void> {
  const { vacancyId } = event.payload;
  const reason = "Rosa di candidati inviata all'azienda";
  const { status } = await findVacancy(scope.tx, vacancyId);
  if (status === "open") await changeVacancyStatusIn(scope, vacancyId, "in_preselection", reason);
  if (status !== "list_sent") await changeVacancyStatusIn(scope, vacancyId, "list_sent", reason);
}

export async function followShortlistDeclined(event: DomainEventOf<"shortlist.declined">, scope: EventScope): Promise<void> {
  const { vacancyId, reason } = event.payload;
  const { status } = await findVacancy(scope.tx, vacancyId);
  if (status === "list_sent") await changeVacancyStatusIn(scope, vacancyId, "in_preselection", `Rosa rifiutata dall'azienda: ${reason}`);
}

/**
 * A CPI closes an offer once every position asked is filled: the hiring that reaches the number makes a
 * vacancy whose list is with the employer "filled" (its lists close with it; late outcomes are still
 * recorded). Earlier hirings only count ("2 of 3"); a vacancy back in preselection is left to the referent.
 */
export async function followOutcomeRecorded(event: DomainEventOf<"shortlist.outcome_recorded">, scope: EventScope): Promise<void> {
  if (event.payload.to !== "hired") return;
  const vacancy = await findVacancyForView(scope.tx, event.payload.vacancyId);
  const filled = positionsFilledOf(vacancy);
  if (vacancy.status === "list_sent" && filled >= vacancy.positions) {
    await changeVacancyStatusIn(scope, vacancy.id, "filled", `Posizioni coperte: ${filled} su ${vacancy.positions}`);
  }
}
