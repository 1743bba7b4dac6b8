import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import type { AppContext } from "../context.js";

/** The bundle built by `npm run build:web` (scripts/build-web.ts), not committed. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/** The first path segments the single-page client answers; anything else falls through to the 404. */
export const PAGE_ROOTS = ["accedi", "vetrina", "offerte", "segnalazioni", "novita", "attenzione", "condizionalita", "persone", "link", "admin"] as const;

const SHELL = `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vetrina delle opportunità</title>
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<div id="app"><p class="loading">Caricamento…</p></div>
<noscript><p>Per usare la Vetrina serve JavaScript attivo nel browser.</p></noscript>
</body>
</html>
`;

/** The web interface served by Vetrina itself, on the same API: the bundle, its stylesheet and the page shell. */
export function webPages(_ctx: AppContext): Router {
  const r = Router();
  r.use("/assets", express.static(WEB_DIST, { index: false, fallthrough: true, maxAge: 0 }));
  r.get(["/", ...PAGE_ROOTS.flatMap((root) => [`/${root}`, `/${root}/*rest`])], (req, res) => {
    if (!fs.existsSync(path.join(WEB_DIST, "app.js"))) {
      res.status(503).type("text/plain; charset=utf-8").send("Interfaccia web non compilata: eseguire `npm run build:web` (lo fanno già `npm start` e `npm test`).");
      return;
    }
    // The employer's link page carries its token in the path: no referrer may leak it.
    res.set({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
    // Served over plain HTTP (an office intranet without TLS), Helmet's upgrade-insecure-requests would send the
    // browser to https:// for the page's own script and stylesheet, and the page would stay blank.
    const policy = res.getHeader("Content-Security-Policy");
    if (!req.secure && typeof policy === "string") res.set("Content-Security-Policy", policy.replace(/;?\s*upgrade-insecure-requests/, ""));
    res.type("html").send(SHELL);
  });
  return r;
}
