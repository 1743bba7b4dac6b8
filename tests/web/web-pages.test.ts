import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildWeb } from "../../scripts/build-web.js";
import { useTestApp } from "../helpers/test-app.js";
import { candidateBody, vacancyBody, WAREHOUSE_WORKER } from "../helpers/sample-bodies.js";
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
        ...WAREHOUSE_WORKER,
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
    // Two people who do not qualify by themselves: a tutor puts them forward by hand.
    for (const n of [5, 6]) await person(n, { declaredProfiles: [{ title: "Commessa" }], competences: ["Gestione della cassa"], experiences: [] });
    // The second vacancy's list is in preparation already: proposals are accepted into it.
    const built = await h.as(h.p.referent).post(`/api/v1/vacancies/${ids.cook}/shortlist`, {});
    expect(built.status, JSON.stringify(built.body)).toBe(201);
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
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Vetrina", "Nuova offerta", "Segnalazioni", "Condizionalità", "Novità"]);

    await page.getByLabel("Cerca", { exact: true }).fill("magazziniere");
    await page.getByRole("button", { name: "Cerca", exact: true }).click();
    await page.getByRole("link", { name: "Magazziniere", exact: true }).waitFor();
    const facet = page.getByRole("group", { name: "Contratto" });
    await facet.getByText("tempo determinato").waitFor();
    expect(await facet.textContent()).toMatch(/tempo determinato\s*\(2\)/);
    await screenshot(page, "vetrina");
    await page.getByRole("group", { name: "Stato" }).getByLabel(/^Aperta/).check();
    await page.waitForURL(/status=open/);
    await expect.poll(() => page.locator("#risultati + [role=status]").textContent()).toBe("1 offerta");
    // Near a comune typed by name, picked from the suggestions: the distance shows on each offer.
    const near = page.getByLabel("Vicino al comune");
    await near.pressSequentially("Moncal");
    await page.locator(`#${await near.getAttribute("list")} option[value="Moncalieri (TO)"]`).waitFor({ state: "attached" });
    await near.fill("Moncalieri (TO)");
    await page.getByLabel("Entro km").fill("20");
    await page.getByRole("button", { name: "Cerca", exact: true }).click();
    await page.waitForURL(/nearComune=001156/);
    await page.locator(".card .meta", { hasText: /a \d+(,\d)? km/ }).first().waitFor();
    await expectAccessible(page, "la vetrina");

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
    await page.getByText("Inviata all'azienda", { exact: true }).waitFor();
    await page.getByLabel("E-mail del referente aziendale").fill("hr@logistica.example.it");
    await page.getByRole("button", { name: "Rilascia un collegamento" }).click();
    await page.getByText("Collegamento (mostrato una sola volta)").waitFor();
    ids.link = (await page.locator("[role=status] a").getAttribute("href"))!;
    expect(ids.link).toMatch(/^http:\/\/.*\/link\/[\w-]+$/);
    noProblems();
  });

  it("a tutor proposes people from the matches; the referent accepts one and declines the other with a reason", async () => {
    await fresh();
    await signIn(page, base, h.p.tutor);
    const nav = page.getByRole("navigation", { name: "Navigazione principale" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Vetrina", "Segnalazioni", "Novità"]);
    await page.goto(`${base}/offerte/${ids.cook}/abbinamenti`);
    await page.getByRole("heading", { name: "Persone in ordine di idoneità" }).waitFor();
    // The ranking leaves the two out: the tutor finds them among their own people.
    await page.getByLabel("Cerca fra le tue persone (profilo, competenze, codice fiscale)").fill("commessa");
    await page.locator("#segnala-altra ~ div").getByRole("button", { name: "Cerca" }).click();
    await page.locator("#segnala-altra ~ div").locator(".hits, p[role=status], .error").first().waitFor();
    for (const [n, note] of [
      [5, "Ha lavorato sei anni in magazzino"],
      [6, "Patentino del muletto"],
    ] as const) {
      await page.getByRole("button", { name: new RegExp(`^Segnala\\W+Giulia Prova ${n}$`) }).click();
      await page.getByLabel(`Perché Giulia Prova ${n} è adatta/o all'offerta`).fill(note);
      await page.getByRole("button", { name: "Invia la segnalazione" }).click();
      await page.getByText("Segnalazione inviata al referente.").waitFor();
    }
    await expectAccessible(page, "le persone adatte viste da un tutor");
    await page.getByRole("link", { name: "Segnalazioni" }).click();
    await page.getByRole("heading", { level: 1, name: "Le mie segnalazioni" }).waitFor();
    await expect.poll(() => page.locator(".card").count()).toBe(2);
    noProblems();

    await fresh();
    await signIn(page, base, h.p.referent);
    await page.getByRole("link", { name: "Segnalazioni" }).click();
    await page.getByRole("heading", { level: 1, name: "Segnalazioni da esaminare" }).waitFor();
    await expect.poll(() => page.locator(".card").count()).toBe(2);
    await expectAccessible(page, "le segnalazioni da esaminare");
    await screenshot(page, "segnalazioni");
    const card = (n: number) => page.locator(".card", { hasText: `Giulia Prova ${n},` });
    await card(5).getByRole("button", { name: "Accetta e metti in rosa" }).click();
    await expect.poll(() => page.locator(".card").count()).toBe(1);
    await card(6).getByRole("button", { name: "Rifiuta…" }).click();
    await card(6).getByLabel("Motivo del rifiuto").selectOption({ label: "Rosa già completa" });
    await card(6).getByRole("button", { name: "Rifiuta la segnalazione" }).click();
    await page.getByText("Nessuna segnalazione.").waitFor();
    await page.getByLabel("Stato").selectOption({ label: "Tutti" });
    await card(6).getByText(/Rosa già completa/).waitFor();
    await page.goto(`${base}/offerte/${ids.cook}/rosa`);
    const accepted = page.locator("table.entries tr", { has: page.getByRole("rowheader", { name: /Giulia Prova 5/ }) });
    await accepted.waitFor();
    expect(await accepted.textContent()).toContain("Segnalazione accettata");
    noProblems();

    await fresh();
    await signIn(page, base, h.p.tutor);
    await page.goto(`${base}/segnalazioni`);
    await card(6).getByText(/Decisione di Referente Torino .*: Rosa già completa/).waitFor();
    expect(await card(5).locator(".badge").textContent()).toMatch(/^Accettata/);
    noProblems();
  });

  it("a navigator lands on the watch list and reads the feed", async () => {
    await fresh();
    await signIn(page, base, h.p.navigator);
    await page.waitForURL("**/attenzione");
    const nav = page.getByRole("navigation", { name: "Navigazione principale" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Vetrina", "Segnalazioni", "Lista di attenzione", "Novità"]);
    const row = page.getByRole("row", { name: /Giulia Prova 9/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Assegno di inclusione");
    expect(await page.locator(".figures").textContent()).toMatch(/beneficiari\s*1/);
    await expectAccessible(page, "la lista di attenzione");
    await screenshot(page, "lista-attenzione");
    await row.getByRole("link", { name: "Giulia Prova 9" }).click();
    await page.getByRole("heading", { level: 1, name: "Offerte adatte alla persona" }).waitFor();
    await page.locator(".figures").getByText("offerte in elenco").waitFor();
    await expectAccessible(page, "le offerte adatte a una persona");
    await page.getByRole("link", { name: "Novità" }).click();
    await page.getByRole("heading", { level: 1, name: "Novità" }).waitFor();
    await page.getByRole("status").first().waitFor();
    await expectAccessible(page, "le novità");
    noProblems();
  });

  it("the employer opens the delivery link, records an outcome and sees it kept", async () => {
    expect(ids.link).not.toBe("");
    await fresh();
    // The address carries the service's configured host (PUBLIC_BASE_URL); the test server has its own port.
    await page.goto(`${base}${new URL(ids.link).pathname}`);
    await page.getByRole("heading", { level: 1, name: "Rosa di candidati: Magazziniere" }).waitFor();
    await expect.poll(() => page.locator(".card").count()).toBe(2);
    expect(await page.getByRole("navigation", { name: "Navigazione principale" }).count()).toBe(0);
    await expectAccessible(page, "la pagina dell'azienda");
    await screenshot(page, "azienda");
    const outcome = () => page.locator(".card").first().getByLabel(/^Esito per /);
    await outcome().selectOption({ label: "Colloquio svolto" });
    await expect.poll(() => outcome().isEnabled()).toBe(true);
    await page.reload();
    await page.locator(".card").first().waitFor();
    expect(await outcome().inputValue()).toBe("interviewed");
    noProblems();
  });

  it("the employer signed in with a token reads the sent list: only the people sent, the outcome recorded through the link", async () => {
    await fresh();
    await signIn(page, base, h.p.employer);
    await page.goto(`${base}/offerte/${ids.warehouse}/rosa`);
    await page.getByRole("heading", { level: 2, name: "Persone inviate" }).waitFor();
    const rows = page.locator("table.entries tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    // What the operators see of the list (counts, cap, history, removals) is not in the employer's answer.
    expect(await page.getByText("su un tetto di").count()).toBe(0);
    const chosen = await Promise.all([0, 1].map((i) => rows.nth(i).getByLabel(/^Esito per /).inputValue()));
    expect(chosen.sort()).toEqual(["", "interviewed"]);
    await page.getByRole("button", { name: /rifiuta/i }).first().waitFor();
    await expectAccessible(page, "la rosa inviata, vista dall'azienda");
    noProblems();
  });

  it("a referent records a congrua offer from the sent list, its refusal, and reports the conditionality event", async () => {
    await fresh();
    await signIn(page, base, h.p.referent);
    await page.goto(`${base}/offerte/${ids.warehouse}/rosa`);
    await page.getByRole("button", { name: "Registra offerta congrua a Giulia Prova 1" }).click();
    await page.getByText("Offerta congrua registrata").click();
    await page.getByRole("link", { name: "esito" }).click();
    await page.getByRole("heading", { name: "Offerte congrue fatte alla persona" }).waitFor();
    const offer = page.locator("#offerte-congrue ~ ol .card").first();
    await offer.getByLabel("Esito dell'offerta").selectOption({ label: "Rifiutata senza giustificato motivo" });
    await offer.getByRole("button", { name: "Registra l'esito" }).click();
    await offer.getByText("esito: Rifiutata senza giustificato motivo").waitFor();
    // The warehouse offer is not congrua for a NASpI recipient (it leaves out terms the rule asks for): no event.
    expect(await offer.textContent()).toContain("Non congrua");
    await page.getByLabel("Fatto", { exact: true }).selectOption({ label: "Mancata presentazione a un appuntamento o a una convocazione del CPI" });
    await page.getByRole("button", { name: "Registra il fatto" }).click();
    await page.getByText("Registrato: da comunicare ad ANPAL e INPS.").waitFor();
    await expectAccessible(page, "le offerte congrue e la condizionalità di una persona");
    await screenshot(page, "persona");
    noProblems();

    await page.getByRole("link", { name: "Condizionalità" }).click();
    await page.getByRole("heading", { level: 1, name: "Condizionalità" }).waitFor();
    await page.getByLabel("Centro per l'impiego").selectOption({ label: "CPI Torino - Via Bologna" });
    await page.getByRole("row", { name: /Giulia Prova 1/ }).first().waitFor();
    await page.getByRole("button", { name: "Esporta le segnalazioni non ancora esportate" }).click();
    const exported = page.locator("#esportazioni ~ table tbody tr").first();
    await exported.waitFor();
    const download = page.waitForEvent("download");
    await exported.getByRole("button", { name: /Scarica il CSV/ }).click();
    expect(fs.readFileSync((await (await download).path())!, "utf8")).toContain("Prova 1");
    await expectAccessible(page, "la condizionalità");
    await screenshot(page, "condizionalita");
    await exported.getByRole("button", { name: "Segna come comunicata" }).click();
    await exported.getByText(/comunicata il/).waitFor();
    await page.getByText("0 segnalazioni da comunicare").waitFor();
    noProblems();
  });

  it("a referent publishes a vacancy with autocomplete for occupation, competences and comune", async () => {
    await fresh();
    await signIn(page, base, h.p.referent);
    await page.getByRole("link", { name: "Nuova offerta", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Nuova offerta" }).waitFor();
    await page.getByLabel("Profilo richiesto (come scritto dall'azienda)").fill("Carrellista notturno");
    const occupation = page.getByLabel("Professione nella classificazione (CP2011)");
    await occupation.pressSequentially("magazz");
    const occupationOption = page.locator(`#${await occupation.getAttribute("list")} option`).first();
    await occupationOption.waitFor({ state: "attached" });
    await occupation.fill((await occupationOption.getAttribute("value"))!);
    await page.getByLabel("Nome azienda").fill("Logistica Sabauda S.r.l.");
    await page.getByLabel("Codice fiscale dell'azienda").fill(vacancyBody().companyTaxCode as string);
    const comune = page.getByLabel("Comune della sede di lavoro");
    await comune.pressSequentially("Moncal");
    await page.locator(`#${await comune.getAttribute("list")} option[value="Moncalieri (TO)"]`).waitFor({ state: "attached" });
    await comune.fill("Moncalieri (TO)");
    const competence = page.getByLabel("Aggiungi a «competenze indispensabili»");
    await competence.pressSequentially("carrell");
    await page.locator(`#${await competence.getAttribute("list")} option[value="carrellista"]`).waitFor({ state: "attached" });
    await competence.fill("carrellista");
    await page.getByRole("group", { name: "Competenze indispensabili" }).getByRole("button", { name: "Aggiungi" }).click();
    await page.getByRole("group", { name: "Competenze indispensabili" }).getByText("carrellista").waitFor();
    await page.getByLabel("Tipo di contratto").selectOption({ label: "tempo determinato" });
    await expectAccessible(page, "il modulo di una nuova offerta");
    await screenshot(page, "nuova-offerta");
    await page.getByRole("button", { name: "Pubblica l'offerta" }).click();
    await page.getByRole("heading", { level: 1, name: "Carrellista notturno" }).waitFor();
    const data = page.locator("dl.data");
    expect(await data.textContent()).toContain("Moncalieri (TO)");
    expect(await data.textContent()).toContain("carrellista");
    expect(await data.textContent()).toMatch(/Profilo nella classificazione.*\(\d(\.\d)+\)/);

    // Editing sends only what changed, and the history shows it.
    await page.getByRole("link", { name: "Modifica" }).click();
    await page.getByLabel("Posizioni").fill("3");
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await page.getByRole("heading", { level: 1, name: "Carrellista notturno" }).waitFor();
    expect(await data.textContent()).toContain("3 (coperte 0)");
    await page.getByRole("table").getByText("N. Posizioni: 1 → 3").waitFor();
    noProblems();
  });

  it("an administrator sees the users, uploads a showcase file with its row report and reads the job runs", async () => {
    await fresh();
    await signIn(page, base, h.p.admin);
    const nav = page.getByRole("navigation", { name: "Navigazione principale" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Vetrina", "Nuova offerta", "Segnalazioni", "Lista di attenzione", "Condizionalità", "Novità", "Utenti", "Importazioni", "Job pianificati"]);
    await nav.getByRole("link", { name: "Utenti" }).click();
    await page.getByRole("row", { name: /Tutor Torino/ }).waitFor();
    await expectAccessible(page, "gli utenti");
    await nav.getByRole("link", { name: "Importazioni" }).click();
    await page.getByLabel("File .xlsx o .csv").setInputFiles(new URL("../fixtures/vetrina-piemonte.csv", import.meta.url).pathname);
    await page.getByRole("button", { name: "Carica" }).click();
    const report = page.getByRole("table", { name: "Esito riga per riga" });
    await report.waitFor({ timeout: 30_000 });
    expect(await report.locator("tbody tr").count()).toBeGreaterThan(5);
    await expectAccessible(page, "le importazioni");
    await screenshot(page, "importazione");
    await nav.getByRole("link", { name: "Job pianificati" }).click();
    await page.getByRole("table", { name: "Orari" }).getByText("expire-vacancies").waitFor();
    await expectAccessible(page, "i job");
    noProblems();
  });
});

