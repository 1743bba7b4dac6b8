import type { EventScope } from "../events/event-scope.js";
import { changeVacancyStatusIn } from "./change-vacancy-status.js";
import { findVacancy } from "./vacancy-repository.js";

/**
 * How a vacancy follows its candidate lists (handlers of the shortlist events, in their transaction):
 * a list built puts the vacancy in preselection (also back from "list sent": the employer turned the
 * list down), a list sent moves it to "list sent".
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
