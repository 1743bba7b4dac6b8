/**
 * The API's answers as the pages read them, taken from the types generated from the routes' own zod
 * schemas (`npm run api:types`): a field renamed in a schema breaks the page's type check, not the page.
 */
import type { paths } from "../../api-client/openapi-types.js";

type Method = "get" | "post" | "patch";
type Json<R> = R extends { content: { "application/json": infer T } } ? T : never;
/** The JSON body of a route's success (200, or 201 for what it creates). */
export type Answer<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? Json<Ok>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never;

export type SearchPage = Answer<"/api/v1/vacancies", "get">;
export type Facet = SearchPage["facets"][string][number];
export type VacancyHit = SearchPage["items"][number];
export type Vacancy = Answer<"/api/v1/vacancies/{id}", "get">;
export type HistoryItem = Answer<"/api/v1/vacancies/{id}/history", "get">[number];
export type Deadline = Answer<"/api/v1/deadlines", "get">["items"][number];
export type MatchesPage = Answer<"/api/v1/vacancies/{id}/matches", "get">;
export type Match = MatchesPage["items"][number];
/** One person explained for the offer, qualified or not ("why not"). */
export type MatchDetail = Answer<"/api/v1/vacancies/{id}/matches/{candidateId}", "get">;
export type Component = MatchDetail["components"][number];
export type CongruaVerdict = NonNullable<MatchDetail["congrua"]>;
/** Operators read the whole list; the employer, only the people sent, with the contacts they may use. */
export type Shortlist = Answer<"/api/v1/vacancies/{id}/shortlist", "get">;
export type OperatorShortlist = Extract<Shortlist, { counts: unknown }>;
export type EmployerShortlist = Exclude<Shortlist, OperatorShortlist>;
export type ShortlistEntry = OperatorShortlist["entries"][number];
export type CandidateMatches = Answer<"/api/v1/candidates/{id}/matches", "get">;
export type ImportRun = Answer<"/api/v1/imports/{id}", "get">;
export type RowReport = Answer<"/api/v1/imports/{id}/rows", "get">["items"][number];
export type JobsOverview = Answer<"/api/v1/jobs", "get">;
export type User = Answer<"/api/v1/users", "get">["items"][number];
export type ConditionalityEvent = Answer<"/api/v1/conditionality-events", "get">["items"][number];
export type ConditionalityExport = Answer<"/api/v1/conditionality-events/exports", "get">["items"][number];
export type CongruaOffer = Answer<"/api/v1/candidates/{id}/congrua-offers", "get">["items"][number];
export type LinkView = Answer<"/api/v1/link/{token}", "get">;
export type LinkPerson = LinkView["people"][number];
export type FeedItem = Answer<"/api/v1/feed", "get">["items"][number];
export type Proposal = Answer<"/api/v1/proposals", "get">["items"][number];
export type WatchList = Answer<"/api/v1/watch-list", "get">;
export type WatchItem = WatchList["items"][number];
export type Cpi = Answer<"/api/v1/cpis", "get">[number];
export type PersonHit = Answer<"/api/v1/candidates", "get">["items"][number];
