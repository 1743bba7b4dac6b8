import { useState } from "preact/hooks";
import { answer, clean, vetrina } from "../api.js";
import { seg } from "../router.js";
import type { Me } from "../session.js";
import { ErrorBox, formatDateTime, html, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { FeedItem } from "../types.js";

/** What is new for the signed-in user, newest first; marking everything seen up to the newest. */
export function FeedPage({ me }: { me: Me }) {
  const [cursor, setCursor] = useState<string | undefined>();
  const feed = useLoad(() => answer(vetrina().GET("/api/v1/feed", { params: { query: clean({ cursor, limit: 30 }) } })), [cursor]);
  const action = useAction();
  const markSeen = async (upTo: string) => (await action.run(() => answer(vetrina().POST("/api/v1/feed/seen", { body: { upTo } })))) && feed.reload();
  return html`
    <${PageTitle} text="Novità" />
    <${Show} loaded=${feed} what="delle novità">${(page: { items: FeedItem[]; nextCursor: string | null }) => html`
      <p role="status">${page.items.filter((i) => !i.seen).length} non lette in questa pagina</p>
      ${page.items.length > 0 && page.items.some((i) => !i.seen) && html`<button type="button" onClick=${() => markSeen(page.items[0]!.id)} disabled=${action.busy}>Segna tutte come lette</button>`}
      <${ErrorBox} error=${action.error} />
      ${page.items.length === 0 ? html`<p>Nessuna novità.</p>` : html`<ol class="cards">${page.items.map((i) => html`<li><article class=${`card ${i.seen ? "seen" : "unseen"}`}>
        <h2 class="h3">${i.links.vacancyId ? html`<a href=${`/offerte/${seg(i.links.vacancyId!)}`}>${i.title}</a>` : i.title}</h2>
        <p class="meta"><span class="badge">${i.kindLabel}</span> ${formatDateTime(i.createdAt)}${i.seen ? "" : " · non letta"}</p>
        <p>${i.summary}</p>
        ${i.links.candidateId && me.role !== "employer" && html`<p><a href=${`/persone/${seg(i.links.candidateId)}/offerte`}>Offerte adatte alla persona</a></p>`}
      </article></li>`)}</ol>`}
      ${page.nextCursor && html`<button type="button" class="secondary" onClick=${() => setCursor(page.nextCursor!)}>Più vecchie</button>`}
    `}</${Show}>`;
}
