import { html } from "htm/preact";
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { match, navigate, useLocation } from "./router.js";
import { ROLE_LABELS, signOut, storedMe, type Me, type Role } from "./session.js";
import { SignInPage } from "./pages/sign-in.js";
import { ShowcasePage } from "./pages/showcase.js";
import { VacancyPage } from "./pages/vacancy.js";
import { MatchesPage } from "./pages/matches.js";
import { ShortlistPage } from "./pages/shortlist.js";
import { ProposalsPage } from "./pages/proposals.js";
import { FeedPage } from "./pages/feed.js";
import { WatchListPage } from "./pages/watch-list.js";
import { EmployerLinkPage } from "./pages/employer-link.js";
import { VacancyFormPage } from "./pages/vacancy-form.js";
import { CandidateMatchesPage } from "./pages/candidate-matches.js";
import { UsersPage } from "./pages/admin-users.js";
import { ImportsPage } from "./pages/admin-imports.js";
import { JobsPage } from "./pages/admin-jobs.js";
import { ConditionalityPage } from "./pages/conditionality.js";

interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const OPERATORS: readonly Role[] = ["admin", "referent", "tutor", "navigator"];

/** What each role finds in the navigation: only the pages it may use. */
export const NAV: readonly NavItem[] = [
  { href: "/vetrina", label: "Vetrina", roles: [...OPERATORS, "employer"] },
  { href: "/offerte/nuova", label: "Nuova offerta", roles: ["admin", "referent"] },
  { href: "/segnalazioni", label: "Segnalazioni", roles: OPERATORS },
  { href: "/attenzione", label: "Lista di attenzione", roles: ["admin", "navigator"] },
  { href: "/condizionalita", label: "Condizionalità", roles: ["admin", "referent"] },
  { href: "/novita", label: "Novità", roles: [...OPERATORS, "employer"] },
  { href: "/admin/utenti", label: "Utenti", roles: ["admin"] },
  { href: "/admin/importazioni", label: "Importazioni", roles: ["admin"] },
  { href: "/admin/job", label: "Job pianificati", roles: ["admin"] },
];

type Page = (props: { me: Me; params: Record<string, string> }) => ComponentChildren;

/** Pages in order: the first pattern that matches wins ("/offerte/nuova" before "/offerte/:id"). */
const PAGES: [string, Page][] = [
  ["/vetrina", ShowcasePage],
  ["/offerte/nuova", VacancyFormPage],
  ["/offerte/:id/modifica", VacancyFormPage],
  ["/offerte/:id/abbinamenti", MatchesPage],
  ["/offerte/:id/rosa", ShortlistPage],
  ["/offerte/:id", VacancyPage],
  ["/persone/:id/offerte", CandidateMatchesPage],
  ["/segnalazioni", ProposalsPage],
  ["/novita", FeedPage],
  ["/attenzione", WatchListPage],
  ["/condizionalita", ConditionalityPage],
  ["/admin/utenti", UsersPage],
  ["/admin/importazioni", ImportsPage],
  ["/admin/job", JobsPage],
];

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

export function App() {
  const { path } = useLocation();
  // The employer's delivery link needs no account: its token is in the address.
  const link = match("/link/:token", path);
  if (link) return html`<${Layout} me=${null}><${EmployerLinkPage} token=${link.token} /></${Layout}>`;
  const me = storedMe();
  if (path === "/accedi") return html`<${Layout} me=${me}><${SignInPage} /></${Layout}>`;
  if (!me) return html`<${Redirect} to=${`/accedi?dopo=${encodeURIComponent(path + location.search)}`} />`;
  if (path === "/" || path === "") return html`<${Redirect} to="/vetrina" />`;
  for (const [pattern, Page] of PAGES) {
    const params = match(pattern, path);
    if (params) return html`<${Layout} me=${me}><${Page} me=${me} params=${params} /></${Layout}>`;
  }
  return html`<${Layout} me=${me}><h1>Pagina inesistente</h1><p><a href="/vetrina">Torna alla vetrina</a></p></${Layout}>`;
}

function Layout({ me, children }: { me: Me | null; children: ComponentChildren }) {
  const { path } = useLocation();
  const items = me ? NAV.filter((item) => item.roles.includes(me.role)) : [];
  return html`
    <a class="skip" href="#contenuto">Vai al contenuto</a>
    <header class="top">
      <div class="brand"><a href=${me ? "/vetrina" : "/accedi"}>Vetrina delle opportunità</a></div>
      ${items.length > 0 &&
      html`<nav aria-label="Navigazione principale">
        <ul>
          ${items.map((item) => html`<li><a href=${item.href} aria-current=${path === item.href || path.startsWith(`${item.href}/`) ? "page" : undefined}>${item.label}</a></li>`)}
        </ul>
      </nav>`}
      ${me &&
      html`<div class="who">
        <span>${me.name} · ${ROLE_LABELS[me.role]}</span>
        <button type="button" class="link" onClick=${() => {
          signOut();
          navigate("/accedi");
        }}>Esci</button>
      </div>`}
    </header>
    <main id="contenuto">${children}</main>
    <footer class="bottom"><p>Vetrina delle opportunità · Centri per l'impiego</p></footer>
  `;
}
