import { AVAILABILITY, PROGRAMMES } from "../candidates/candidate-schemas.js";
import { educationLevel, languageName, languageWithLevel } from "../reference/code-lists.js";
import { foldName } from "../reference/fold-name.js";
import { CellError, isoDay, parseDate, parseItalianNumber, splitList } from "./cell-values.js";

/**
 * The list-valued cells of the people file, each read and written here side by side so that what
 * candidatesToCsv writes is exactly what the import reads. Items are separated by ";", the parts of
 * an item by "|" (or by spaces for programmes and languages, which read naturally that way).
 * Readers return the raw values the candidate schema validates; they throw CellError for an item
 * that cannot be read.
 */

type Programme = (typeof PROGRAMMES)[number];
type Availability = (typeof AVAILABILITY)[number];

const dateText = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : isoDay(d));
/**
 * Free text inside a list cell: ";" and "|" are the cell's own separators, so a value that contains one
 * (some official ATECO labels do) is written with "," and "/" instead of being cut in two on reading.
 */
export const partText = (text: string) => text.replace(/;/g, ",").replace(/\|/g, "/");

/** Decimal comma, never a dot, so "12.5" is not read back as twelve thousand five hundred. */
export const numberText = (n: number) => String(n).replace(".", ",");

function dayOf(text: string, what: string): string {
  const d = parseDate(text);
  if (!d) throw new CellError(`${what}: data mancante`);
  return isoDay(d);
}

// "NASpI", "Dis-Coll", "L. 68" → the programme codes.
const PROGRAMME_ALIASES: Record<string, Programme> = { L6899: "L68", L681999: "L68", REDDITODICITTADINANZA: "RDC", ASSEGNODIINCLUSIONE: "ADI" };

/** "NASPI 2026-01-10 850; GOL 2026-02-01": programme, start date, optional end date, optional monthly amount. */
export function readProgrammes(text: string | undefined) {
  return splitList(text).map((item) => {
    const [head = "", ...rest] = item.split(/\s+/);
    const code = head.toUpperCase().replace(/[^A-Z0-9]/g, "");
    const programme = (PROGRAMMES as readonly string[]).includes(code) ? (code as Programme) : PROGRAMME_ALIASES[code];
    if (!programme) throw new CellError(`Programma sconosciuto «${head}» (ammessi: ${PROGRAMMES.join(", ")})`);
    const dates: string[] = [];
    let monthlyAmount: number | undefined;
    for (const token of rest) {
      if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(token)) dates.push(dayOf(token, programme));
      else if ((monthlyAmount = parseItalianNumber(token)) === undefined) throw new CellError(`${programme}: valore non riconosciuto «${token}»`);
    }
    if (dates.length === 0) throw new CellError(`${programme}: manca la data di inizio (es. «${programme} 2026-01-10»)`);
    if (dates.length > 2) throw new CellError(`${programme}: al massimo due date (inizio e fine)`);
    return { programme, startDate: dates[0]!, ...(dates[1] ? { endDate: dates[1] } : {}), ...(monthlyAmount !== undefined ? { monthlyAmount } : {}) };
  });
}

export function writeProgrammes(items: { programme: string; startDate: Date | string; endDate?: Date | string | undefined; monthlyAmount?: number | undefined }[]): string {
  return items
    .map((p) => [p.programme, dateText(p.startDate), p.endDate ? dateText(p.endDate) : null, p.monthlyAmount !== undefined ? numberText(p.monthlyAmount) : null].filter(Boolean).join(" "))
    .join("; ");
}

/** "Magazziniere; Carrellista | 8.1.3.1.0": title, optionally its CP2011 code. */
export function readProfiles(text: string | undefined) {
  return splitList(text).map((item) => {
    const [title = "", code] = item.split("|").map((s) => s.trim());
    return code ? { title, code } : { title };
  });
}

export function writeProfiles(items: { title: string; code?: string | undefined }[]): string {
  return items.map((p) => (p.code ? `${partText(p.title)} | ${p.code}` : partText(p.title))).join("; ");
}

/** "inglese B2; francese madrelingua": the language (name or code) then its level, read as the API reads them. */
export function readLanguages(text: string | undefined) {
  return splitList(text, true).map((item) => {
    const read = languageWithLevel(item);
    if (!read) throw new CellError(`Lingua «${item}»: indicare lingua e livello, es. «inglese B2» o «francese madrelingua»`);
    return read;
  });
}

export function writeLanguages(items: { code: string; level: string }[]): string {
  // The name reads better than the national code ("inglese B2", not "001 B2"); both are read back.
  return items.map((l) => `${languageName(l.code)} ${l.level}`).join("; ");
}

/** "B; C" (commas too). */
export const readList = (text: string | undefined, commas = false) => splitList(text, commas);
export const writeList = (items: readonly string[]) => items.map(partText).join("; ");

/** A code ("7") or a label of the national list; stored as the code. */
export function readEducation(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const entry = educationLevel(text);
  if (!entry) throw new CellError(`Titolo di studio sconosciuto «${text}» (codice 0–12 o denominazione della lista nazionale)`);
  return entry.code;
}

/** "Magazziniere | H | 2019-01-01 | 2022-06-30; …": profile | sector | from | to (sector and end may be empty). */
export function readExperiences(text: string | undefined) {
  return splitList(text).map((item) => {
    const [profileTitle = "", sector = "", from = "", to = ""] = item.split("|").map((s) => s.trim());
    if (!from) throw new CellError(`Esperienza «${profileTitle}»: manca la data di inizio (profilo | settore | dal | al)`);
    return {
      profileTitle,
      ...(sector ? { sector } : {}),
      fromDate: dayOf(from, profileTitle),
      ...(to ? { toDate: dayOf(to, profileTitle) } : {}),
    };
  });
}

export function writeExperiences(items: { profileTitle: string; sector?: string | undefined; fromDate: Date | string; toDate?: Date | string | undefined }[]): string {
  return items
    .map((e) => [partText(e.profileTitle), partText(e.sector ?? ""), dateText(e.fromDate), e.toDate ? dateText(e.toDate) : ""].join(" | "))
    .join("; ");
}

/** "Corso carrellisti | 2023-03-15 | 12": title | completion date | hours (both optional). */
export function readTrainings(text: string | undefined) {
  return splitList(text).map((item) => {
    const [title = "", completed = "", hours = ""] = item.split("|").map((s) => s.trim());
    const h = hours ? parseItalianNumber(hours) : undefined;
    if (hours && h === undefined) throw new CellError(`Formazione «${title}»: ore non valide «${hours}»`);
    return { title, ...(completed ? { completedAt: dayOf(completed, title) } : {}), ...(h !== undefined ? { hours: h } : {}) };
  });
}

export function writeTrainings(items: { title: string; completedAt?: Date | string | undefined; hours?: number | undefined }[]): string {
  return items
    .map((t) => {
      const parts = [partText(t.title), t.completedAt ? dateText(t.completedAt) : "", t.hours !== undefined ? String(t.hours) : ""];
      while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
      return parts.join(" | ");
    })
    .join("; ");
}

const AVAILABILITY_LABELS: Record<Availability, string> = { available: "disponibile", not_available: "non disponibile", employed: "occupato" };
const AVAILABILITY_BY_TEXT = new Map<string, Availability>([
  ...AVAILABILITY.map((a) => [a.replace("_", " "), a] as const),
  ["disponibile", "available"],
  ["non disponibile", "not_available"],
  ["indisponibile", "not_available"],
  ["occupato", "employed"],
  ["occupata", "employed"],
]);

/** "disponibile", "non disponibile", "occupato/a" (or the codes). */
export function readAvailability(text: string | undefined): Availability | undefined {
  if (text === undefined) return undefined;
  const a = AVAILABILITY_BY_TEXT.get(foldName(text).replace(/_/g, " "));
  if (!a) throw new CellError(`Disponibilità «${text}» non riconosciuta: disponibile, non disponibile, occupato`);
  return a;
}

export const writeAvailability = (a: string) => AVAILABILITY_LABELS[a as Availability] ?? a;
