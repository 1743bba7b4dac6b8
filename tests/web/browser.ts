import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import type { Express } from "express";

/**
 * Debian's Chromium, with the flags the closed network needs (shared/notes/offline-toolchain.md). Playwright's
 * launch() already starts it on a new empty profile directory of its own, removed on close.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** The real app on a free loopback port. */
export async function listen(app: Express): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A page that fails the test on what a user would not see but should not happen: a script error, a console
 * error (a CSP refusal among them), or any request leaving the service.
 */
export async function openPage(browser: Browser, base: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "it-IT" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`errore di script: ${e.message}`));
  page.on("console", (m) => {
    // A refused API call (a 4xx the page shows) is logged by the browser as a failed resource: expected.
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push(`richiesta esterna: ${r.url()}`);
  });
  return { page, problems };
}

export async function signIn(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/accedi`);
  await page.getByLabel("Token personale").fill(token);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.waitForURL((url) => url.pathname !== "/accedi");
}

/** axe-core on the page as it is: no violation of serious or critical impact (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) stays as it is.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(axe.source);
  const result = (await page.evaluate(() => {
    const inPage = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
    return inPage.axe.run(inPage.document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  })) as axe.AxeResults;
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), `accessibilità di ${what}`).toEqual([]);
}

const SCREENSHOTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../docs/screenshots");

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
