import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildWeb } from "../../scripts/build-web.js";
import { useTestApp } from "../helpers/test-app.js";
import { candidateBody, vacancyBody } from "../helpers/sample-bodies.js";
import { codiceFiscale } from "../fixtures/italian-codes.js";
import { daysFromToday } from "../helpers/monitoring-fixtures.js";
import { expectAccessible, launchChromium, listen, openPage, screenshot, signIn } from "./browser.js";

/**
 * The web pages in headless Chromium, on the real service and a real database: the main path of each role,
 * an accessibility check of each page, and the screenshots the README shows.
 */
describe("the web interface in a browser", () => {
  // Page loads carry no token: the anonymous limit would count every asset of every test.
  const h = useTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: "0" });
  let base = "";
  let browser: Browser;
  let stop: (() => Promise<void>)[] = [];
  const ids = { warehouse: "", cook: "", people: [] as string[], beneficiary: "", link: "" };
  let page: Page;
  let problems: string[] = [];

  async function person(n: number, overrides: Record<string, unknown> = {}): Promise<string> {
    const lastName = `Prova ${n}`;
    const res = await h.as(h.p.referent).post(
      "/api/v1/candidates",
      candidateBody(codiceFiscale(lastName, "Giulia", new Date(Date.UTC(1985, 0, n)).toISOString().slice(0, 10), "F", "L219"), {
        firstName: "Giulia",
        lastName,
        email: `giulia.prova${n}@example.it`,
        shareContactsConsent: true,
        declaredProfiles: [{ title: "Magazziniere" }],
        competences: ["Conduzione carrelli elevatori", "Gestione del magazzino"],
        experiences: [{ profileTitle: "Magazziniere", fromDate: "2018-01-01", toDate: "2025-12-31" }],
        ...overrides,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    await buildWeb();
    const server = await listen(h.t.app);
    base = server.base;
    const chromium = await launchChromium();
    browser = chromium.browser;
    stop = [chromium.close, server.close];
    const v = await h.as(h.p.referent).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Magazziniere", profileTitle: "Magazziniere", employerId: h.p.employerId }));
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    ids.warehouse = v.body.id;
    const c = await h.as(h.p.referent).post("/api/v1/vacancies", vacancyBody({ requestedProfile: "Addetto al magazzino ricambi", profileTitle: "Magazziniere", employerId: h.p.employerId }));
    ids.cook = c.body.id;
    for (let n = 1; n <= 4; n++) ids.people.push(await person(n));
    ids.beneficiary = await person(9, {
      programmes: [{ programme: "ADI", startDate: daysFromToday(-100) }],
      householdHasChildrenUnder14: false,
      householdHasDisabledMember: false,
      lastContractHoursPerWeek: 40,
      declaredProfiles: [{ title: "Cuoco" }],
      competences: ["Preparazione primi piatti"],
      experiences: [],
    });
  });

  afterAll(async () => {
    for (const s of stop) await s();
  });

  async function fresh(): Promise<Page> {
    await page?.context().close();
    ({ page, problems } = await openPage(browser, base));
    return page;
  }

  const noProblems = () => expect(problems).toEqual([]);

  it("a referent searches the showcase with facets, opens a vacancy, sees the matches and builds and sends the list", async () => {
    await fresh();
    await signIn(page, base, h.p.referent);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Vetrina delle opportunità");
    const nav = page.getByRole("navigation", { name: "Navigazione principale" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Vetrina", "Nuova offerta", "Segnalazioni", "Novità"]);

    await page.getByLabel("Cerca", { exact: true }).fill("magazziniere");
    await page.getByRole("button", { name: "Cerca", exact: true }).click();
    await page.getByRole("link", { name: "Magazziniere", exact: true }).waitFor();
    const facet = page.getByRole("group", { name: "Contratto" });
    await facet.getByText("tempo determinato").waitFor();
    expect(await facet.textContent()).toMatch(/tempo determinato\s*\(2\)/);
    await expectAccessible(page, "la vetrina");
    await screenshot(page, "vetrina");

    await page.getByRole("link", { name: "Magazziniere", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Magazziniere" }).waitFor();
    await page.getByRole("heading", { name: "Storia dell'offerta" }).waitFor();
    await page.getByText("Referente Torino").first().waitFor();
    await expectAccessible(page, "la pagina dell'offerta");
    await screenshot(page, "offerta");

    await page.getByRole("link", { name: "Persone adatte" }).click();
    await page.getByRole("heading", { name: "Bacino e tetto della rosa" }).waitFor();
    const pool = page.locator(".pool .figures");
    expect(await pool.textContent()).toMatch(/4\s*idonee.*tetto della rosa\s*15/);
    const first = page.locator(".match").first();
    await first.getByText("Dettagli del punteggio e congruità").click();
    const components = first.getByRole("table", { name: "Componenti del punteggio" });
    expect(await components.getByRole("rowheader").allTextContents()).toEqual(expect.arrayContaining(["Profilo", "Competenze", "Territorio"]));
    await expectAccessible(page, "le persone adatte");
    await screenshot(page, "abbinamenti");

    // "Why not" for someone who does not fit: the cook beneficiary.
    await page.getByLabel("Cerca una persona (profilo, competenze, codice fiscale)").fill("cuoco");
    await page.locator("#perche-no ~ div").getByRole("button", { name: "Cerca" }).click();
    await page.getByRole("button", { name: /Spiega il punteggio/ }).first().click();
    await page.getByRole("heading", { name: /Giulia Prova 9: .* punti, non idonea/ }).waitFor();

    await page.getByRole("button", { name: "Costruisci la rosa" }).click();
    await page.waitForURL(`**/offerte/${ids.warehouse}/rosa`);
    const figures = page.locator(".pool .figures");
    await expect.poll(() => figures.textContent()).toMatch(/in rosa\s*4\s*su un tetto di\s*15.*altre idonee fuori dalla rosa\s*0/);
    const rows = page.locator("table.entries tbody tr");
    expect(await rows.count()).toBe(4);
    for (const id of ids.people.slice(0, 2)) await page.locator(`#contact-${id}`).selectOption("available");
    await expect.poll(() => figures.textContent()).toMatch(/disponibili\s*2/);
    await expectAccessible(page, "la rosa in preparazione");
    await screenshot(page, "rosa");
    await page.getByRole("button", { name: /Invia all'azienda \(2 persone disponibili\)/ }).click();
    await page.getByText("Inviata all'azienda").waitFor();
    await page.getByLabel("E-mail del referente aziendale").fill("hr@logistica.example.it");
    await page.getByRole("button", { name: "Rilascia un collegamento" }).click();
    await page.getByText("Collegamento (mostrato una sola volta)").waitFor();
    ids.link = (await page.locator("[role=status] a").getAttribute("href"))!;
    expect(ids.link).toMatch(/^http:\/\/.*\/link\/[\w-]+$/);
    noProblems();
  });
});
