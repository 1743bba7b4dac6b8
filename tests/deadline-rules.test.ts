import { describe, expect, it } from "vitest";
import { loadEnv } from "../src/config/env.js";
import { addDays, dayOf, daysBetween } from "../src/deadlines/calendar-day.js";
import { DEADLINE_KIND_LABELS, DEADLINE_KINDS, DEADLINE_STAGE_LABELS, DEADLINE_STAGES } from "../src/deadlines/deadline-kinds.js";
import { deadlineSettings, deadlinesOn, stageOn, vacancyDeadlines, type DeadlineSettings, type VacancyDeadlineFacts } from "../src/deadlines/deadline-rules.js";
import { describeDeadline } from "../src/deadlines/deadline-views.js";

const DEFAULTS: DeadlineSettings = { listDays: 20, selectionDays: 7, outcomeCheckDays: 15, dueSoonDays: 3 };
const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

/** An open vacancy that arrived on 1 December 2026, with nothing else done yet. */
const vacancy = (over: Partial<VacancyDeadlineFacts> = {}): VacancyDeadlineFacts => ({
  status: "open",
  arrivalDate: at("2026-12-01"),
  selectionRequestedAt: null,
  selectionStartedAt: null,
  sentLists: [],
  ...over,
});
const sent = (sentAt: string, checked: string | null = null, declined: string | null = null) => ({
  sentAt: at(sentAt),
  outcomeCheckedAt: checked ? at(checked) : null,
  declinedAt: declined ? at(declined) : null,
});

const summary = (facts: VacancyDeadlineFacts, day: string, settings = DEFAULTS) =>
  deadlinesOn(facts, settings, day).map((d) => `${d.kind} ${d.startsOn}→${d.dueOn} ${d.stage} ${d.daysLeft}${d.metOn ? ` fatto ${d.metOn}` : ""}`);

describe("Italian calendar days", () => {
  it.each([
    ["2026-12-01T00:00:00Z", "2026-12-01"],
    ["2026-12-01T22:59:59Z", "2026-12-01"],
    ["2026-12-01T23:00:00Z", "2026-12-02"], // midnight in Rome (winter, UTC+1)
    ["2026-07-01T21:59:59Z", "2026-07-01"],
    ["2026-07-01T22:00:00Z", "2026-07-02"], // midnight in Rome (summer, UTC+2)
  ])("%s is the Italian day %s", (instant, day) => {
    expect(dayOf(new Date(instant))).toBe(day);
  });

  it("adds days across months, years and the change of time", () => {
    expect(addDays("2026-12-01", 20)).toBe("2026-12-21");
    expect(addDays("2026-12-20", 15)).toBe("2027-01-04");
    expect(addDays("2026-03-20", 15)).toBe("2026-04-04");
    expect(addDays("2028-02-20", 10)).toBe("2028-03-01");
    expect(daysBetween("2026-12-21", "2026-12-18")).toBe(-3);
  });
});

describe("list deadline (rosa): sent within 20 days of the arrival", () => {
  it.each([
    ["2026-12-01", "rosa 2026-12-01→2026-12-21 nei_termini 20"],
    ["2026-12-17", "rosa 2026-12-01→2026-12-21 nei_termini 4"],
    ["2026-12-18", "rosa 2026-12-01→2026-12-21 in_scadenza 3"],
    ["2026-12-21", "rosa 2026-12-01→2026-12-21 in_scadenza 0"],
    ["2026-12-22", "rosa 2026-12-01→2026-12-21 scaduta -1"],
    ["2027-01-30", "rosa 2026-12-01→2026-12-21 scaduta -40"],
  ])("not sent, on %s: %s", (day, expected) => {
    expect(summary(vacancy(), day)).toEqual([expected]);
  });

  it.each([
    ["sent on the due day", "2026-12-21T16:00:00Z", "rispettata", "2026-12-21"],
    ["sent the day after", "2026-12-22T08:00:00Z", "rispettata_in_ritardo", "2026-12-22"],
    ["sent at 00:30 of the day after, Italian time", "2026-12-21T23:30:00Z", "rispettata_in_ritardo", "2026-12-22"],
    ["sent on the arrival day", "2026-12-01T09:00:00Z", "rispettata", "2026-12-01"],
  ])("%s: %s", (_what, sentAt, stage, metOn) => {
    const [rosa] = deadlinesOn(vacancy({ status: "list_sent", sentLists: [sent(sentAt)] }), DEFAULTS, "2027-01-10");
    expect(rosa).toMatchObject({ kind: "rosa", stage, metOn, dueOn: "2026-12-21" });
  });

  it("is met by the first list sent, whatever came later", () => {
    const [rosa] = vacancyDeadlines(vacancy({ status: "list_sent", sentLists: [sent("2026-12-28"), sent("2026-12-10")] }), DEFAULTS);
    expect(rosa).toMatchObject({ kind: "rosa", metOn: "2026-12-10" });
  });
});

describe("which deadlines a vacancy has, by status and facts", () => {
  const requested = { selectionRequestedAt: at("2026-12-03") };
  it.each<[string, Partial<VacancyDeadlineFacts>, string[]]>([
    ["open, nothing done", {}, ["rosa"]],
    ["in preselection", { status: "in_preselection" }, ["rosa"]],
    ["open, selection asked for", requested, ["rosa", "selezione"]],
    ["list sent, with the list recorded", { status: "list_sent", sentLists: [sent("2026-12-10")] }, ["rosa", "verifica_esito"]],
    ["list sent outside Vetrina (status only)", { status: "list_sent" }, []],
    ["back in preselection after a declined list", { status: "in_preselection", sentLists: [sent("2026-12-10", null, "2026-12-12")] }, ["rosa", "verifica_esito"]],
    ["filled", { status: "filled", ...requested, sentLists: [sent("2026-12-10")] }, []],
    ["cancelled", { status: "cancelled", ...requested }, []],
    ["expired", { status: "expired", ...requested }, []],
  ])("%s: %j", (_what, facts, kinds) => {
    expect(vacancyDeadlines(vacancy(facts), DEFAULTS).map((d) => d.kind)).toEqual(kinds);
  });
});

describe("selection deadline (selezione): started within 7 days of the request", () => {
  const asked = (startedAt: string | null) => vacancy({ selectionRequestedAt: at("2026-12-03T15:00:00Z"), selectionStartedAt: startedAt ? at(startedAt) : null });
  it.each<[string, string | null, string]>([
    ["2026-12-06", null, "selezione 2026-12-03→2026-12-10 nei_termini 4"],
    ["2026-12-07", null, "selezione 2026-12-03→2026-12-10 in_scadenza 3"],
    ["2026-12-10", null, "selezione 2026-12-03→2026-12-10 in_scadenza 0"],
    ["2026-12-11", null, "selezione 2026-12-03→2026-12-10 scaduta -1"],
    ["2026-12-11", "2026-12-10", "selezione 2026-12-03→2026-12-10 rispettata -1 fatto 2026-12-10"],
    ["2026-12-20", "2026-12-12", "selezione 2026-12-03→2026-12-10 rispettata_in_ritardo -10 fatto 2026-12-12"],
  ])("on %s, started %s: %s", (day, startedAt, expected) => {
    expect(summary(asked(startedAt), day).filter((s) => s.startsWith("selezione"))).toEqual([expected]);
  });
});

describe("outcome check deadline (verifica_esito): within 15 days of sending the latest list", () => {
  it.each<[string, VacancyDeadlineFacts["sentLists"], string, string]>([
    ["one list, unchecked", [sent("2026-12-10T10:00:00Z")], "2026-12-21", "verifica_esito 2026-12-10→2026-12-25 nei_termini 4"],
    ["one list, due in 3 days", [sent("2026-12-10T10:00:00Z")], "2026-12-22", "verifica_esito 2026-12-10→2026-12-25 in_scadenza 3"],
    ["one list, overdue", [sent("2026-12-10T10:00:00Z")], "2026-12-26", "verifica_esito 2026-12-10→2026-12-25 scaduta -1"],
    ["checked in time", [sent("2026-12-10", "2026-12-24")], "2026-12-26", "verifica_esito 2026-12-10→2026-12-25 rispettata -1 fatto 2026-12-24"],
    ["declined by the employer", [sent("2026-12-10", null, "2026-12-12")], "2026-12-26", "verifica_esito 2026-12-10→2026-12-25 rispettata -1 fatto 2026-12-12"],
    [
      "a second list: its own term, the first list's check does not count",
      [sent("2026-12-05", "2026-12-08"), sent("2026-12-20")],
      "2027-01-02",
      "verifica_esito 2026-12-20→2027-01-04 in_scadenza 2",
    ],
  ])("%s", (_what, lists, day, expected) => {
    expect(summary(vacancy({ status: "list_sent", sentLists: lists }), day).filter((s) => s.startsWith("verifica"))).toEqual([expected]);
  });
});

describe("configured days", () => {
  it("reads the four settings from the environment", () => {
    const env = loadEnv({ DEADLINE_LIST_DAYS: "10", DEADLINE_SELECTION_DAYS: "2", DEADLINE_OUTCOME_CHECK_DAYS: "30", DEADLINE_DUE_SOON_DAYS: "0" });
    expect(deadlineSettings(env)).toEqual({ listDays: 10, selectionDays: 2, outcomeCheckDays: 30, dueSoonDays: 0 });
    expect(deadlineSettings(loadEnv({}))).toEqual(DEFAULTS);
  });

  it.each([
    ["2026-12-10", "nei_termini"],
    ["2026-12-11", "in_scadenza"],
    ["2026-12-12", "scaduta"],
  ])("with 10 days for the list and no warning before the due day, on %s: %s", (day, stage) => {
    const settings = { ...DEFAULTS, listDays: 10, dueSoonDays: 0 };
    const [rosa] = vacancyDeadlines(vacancy(), settings);
    expect(rosa?.dueOn).toBe("2026-12-11");
    expect(stageOn(rosa!, day, settings.dueSoonDays)).toBe(stage);
  });
});

describe("labels and descriptions in Italian", () => {
  it("every kind and stage has a label", () => {
    for (const k of DEADLINE_KINDS) expect(DEADLINE_KIND_LABELS[k]).toMatch(/\S/);
    for (const s of DEADLINE_STAGES) expect(DEADLINE_STAGE_LABELS[s]).toMatch(/\S/);
  });

  it.each([
    ["2026-12-18", "Rosa da inviare all'azienda entro il 21/12/2026 (20 giorni dall'arrivo dell'offerta, il 01/12/2026): mancano 3 giorni"],
    ["2026-12-20", "Rosa da inviare all'azienda entro il 21/12/2026 (20 giorni dall'arrivo dell'offerta, il 01/12/2026): manca 1 giorno"],
    ["2026-12-21", "Rosa da inviare all'azienda entro il 21/12/2026 (20 giorni dall'arrivo dell'offerta, il 01/12/2026): scade oggi"],
    ["2026-12-23", "Rosa da inviare all'azienda entro il 21/12/2026 (20 giorni dall'arrivo dell'offerta, il 01/12/2026): scaduta da 2 giorni"],
  ])("on %s", (day, text) => {
    const [rosa] = deadlinesOn(vacancy(), DEFAULTS, day);
    expect(describeDeadline(rosa!)).toBe(text);
  });

  it("says when a deadline was met, and how late", () => {
    const facts = vacancy({ selectionRequestedAt: at("2026-12-03"), selectionStartedAt: at("2026-12-12") });
    const selection = deadlinesOn(facts, DEFAULTS, "2026-12-20").find((d) => d.kind === "selezione")!;
    expect(describeDeadline(selection)).toBe(
      "Selezione da avviare entro il 10/12/2026 (7 giorni dalla richiesta di selezione, il 03/12/2026): fatto il 12/12/2026, con 2 giorni di ritardo",
    );
  });
});
