import { Feed } from "feed";
import type { FeedPage } from "./read-feed.js";

/**
 * The feed as Atom 1.0, for mail clients and intranet readers: the Italian titles and summaries only
 * (ids and vacancy facts), never the payload, since these documents leave Vetrina's access rules.
 */
export function feedAtom(page: FeedPage, where: { baseUrl: string; selfUrl: string; userId: string; now: Date }): string {
  const api = `${where.baseUrl}/api/v1`;
  const feed = new Feed({
    id: `urn:vetrina:notiziario:${where.userId}`,
    title: "Vetrina – il mio notiziario",
    description: "Novità sulle offerte e sulle persone seguite, dalla più recente",
    language: "it",
    updated: page.items[0] ? new Date(page.items[0].createdAt) : where.now,
    generator: "Vetrina",
    link: `${api}/feed`,
    feedLinks: { atom: where.selfUrl },
    copyright: "Centri per l'impiego",
  });
  for (const item of page.items) {
    const { vacancyId, candidateId } = item.links;
    feed.addItem({
      id: `urn:vetrina:notiziario:elemento:${item.id}`,
      title: item.title,
      link: vacancyId ? `${api}/vacancies/${vacancyId}` : candidateId ? `${api}/candidates/${candidateId}` : `${api}/feed`,
      date: new Date(item.createdAt),
      description: item.summary,
      category: [{ name: item.kindLabel, term: item.kind }],
    });
  }
  return feed.atom1();
}
