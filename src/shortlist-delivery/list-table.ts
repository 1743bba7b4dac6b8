import type { MinimisedListView } from "./minimised-list-view.js";

type Person = MinimisedListView["people"][number];

/** The columns of the list as a file (.xlsx, PDF): the same minimised facts as the link shows. */
export const LIST_COLUMNS = [
  "Nome",
  "Disponibile per",
  "Titolo di studio",
  "Esperienze pertinenti",
  "Competenze",
  "Distanza dal luogo di lavoro",
  "Contatti",
  "Esito",
] as const;

const period = (e: Person["experiences"][number]) => `${e.from} – ${e.to ?? "in corso"}`;

function contactCell(p: Person): string {
  const c = p.contact;
  if (c.via === "candidate") return [c.email, c.phone].filter(Boolean).join(" · ") || "Nessun contatto registrato";
  return `${c.label}: ${[c.name, c.email].filter(Boolean).join(", ")} (${c.cpi})`;
}

/** One row per person, in the order of the link's view. */
export function listRows(view: MinimisedListView): string[][] {
  return view.people.map((p) => [
    p.name,
    p.profile.availableFor.join("; "),
    p.profile.education ?? "",
    p.experiences.map((e) => `${e.profileTitle} (${period(e)})`).join("; "),
    p.competences.join("; "),
    p.distanceBandLabel ?? "non indicata",
    contactCell(p),
    p.outcomeLabel,
  ]);
}
