import type { CONTRACT_TYPES } from "../vacancies/vacancy-schemas.js";
import { parseItalianNumber } from "./cell-values.js";

/**
 * Reads the showcase's free-text "Proposta contratto" ("Tempo determinato 6 mesi, full time,
 * 1.400 € lordi mensili") into the structured fields matching and congrua checks use. Only what is
 * written unambiguously is extracted; the text itself is always kept, so nothing is lost when a
 * phrase is not understood.
 */

export type ContractType = (typeof CONTRACT_TYPES)[number];

export interface ContractOffer {
  contractType?: ContractType;
  contractMonths?: number;
  hoursPerWeek?: number;
  grossMonthlyPay?: number;
  ccnl?: string;
}

/** "CCNL Commercio", "C.C.N.L. Turismo - Pubblici esercizi": the agreement as written, up to a separator. */
const CCNL = /\bc\.?\s*c\.?\s*n\.?\s*l\.?\s+([^,;.()\n]{3,80})/i;

const FULL_TIME_HOURS = 40;

// Types that frame the whole relationship win over what they contain: "somministrazione a tempo
// determinato" is agency work, "apprendistato (tempo indeterminato)" an apprenticeship.
const FRAMING: [ContractType, RegExp][] = [
  ["internship", /\b(?:tirocini[oi]|stage)\b/],
  ["apprenticeship", /\bapprendistato\b/],
  ["agency", /\b(?:somministrazione|somministrat[oi]|interinale|tramite agenzia)\b/],
];
// Otherwise the first one mentioned: "tempo determinato con possibilità di indeterminato" is fixed-term.
const PLAIN: [ContractType, RegExp][] = [
  ["fixed_term", /\b(?:tempo determinato|determinato|a termine|t\.\s?d\.|td)(?![a-z])/],
  ["permanent", /\b(?:tempo indeterminato|indeterminato|t\.\s?i\.|ti)(?![a-z])/],
  ["occasional", /\b(?:occasionale|a chiamata|intermittente|lavoro accessorio)\b/],
  ["self_employed", /\b(?:partita iva|p\.\s?iva|autonom[oa]|libero professionista|libera professione)\b/],
  ["collaboration", /\b(?:collaborazione|co\.?\s?co\.?\s?co\.?|co\.?\s?co\.?\s?pro\.?)(?![a-z])/],
];

function contractTypeOf(text: string): ContractType | undefined {
  for (const [type, re] of FRAMING) if (re.test(text)) return type;
  let first: { type: ContractType; at: number } | undefined;
  for (const [type, re] of PLAIN) {
    const at = text.search(re);
    if (at >= 0 && (!first || at < first.at)) first = { type, at };
  }
  return first?.type;
}

/** "6 mesi", "1 anno", "18 mesi": the length of a fixed-term offer (a permanent one has none). */
function monthsOf(text: string): number | undefined {
  const months = /(\d{1,3})\s*(?:mesi|mese)\b/.exec(text);
  if (months) return Number(months[1]);
  const years = /(\d{1,2})\s*ann[oi]\b/.exec(text);
  if (years) return Number(years[1]) * 12;
  if (/\bun anno\b/.test(text)) return 12;
  return undefined;
}

/** "part time 30 ore", "24h settimanali", "6 ore al giorno" (×5), "full time"/"tempo pieno" = 40. */
function hoursOf(text: string): number | undefined {
  const daily = /(\d{1,2}(?:[.,]\d)?)\s*(?:ore|h)\s*(?:al|\/)\s*(?:giorno|die|gg)\b/.exec(text);
  if (daily) return Number(daily[1]!.replace(",", ".")) * 5;
  const weekly = /(\d{1,2}(?:[.,]\d)?)\s*(?:ore|h)(?![a-z])/.exec(text);
  if (weekly) return Number(weekly[1]!.replace(",", "."));
  if (/\b(?:full[\s-]?time|tempo pieno)\b/.test(text)) return FULL_TIME_HOURS;
  return undefined;
}

/**
 * A monthly gross amount: "1.400 €", "€ 1.400,00 lordi", "1400 euro al mese". Amounts stated per
 * hour, per year (RAL) or net are not gross monthly pay and are left to the text.
 */
function payOf(text: string): number | undefined {
  if (/\b(?:ral|annu[oi]|all anno|l anno|netti|netto)\b/.test(text)) return undefined;
  const m = /(?:€\s*(\d[\d.,]*)|(\d[\d.,]*)\s*(?:€|euro\b))(?!\s*(?:\/\s*h|\/\s*ora|l ora|all ora|orari))/.exec(text);
  const raw = m?.[1] ?? m?.[2];
  const amount = raw ? parseItalianNumber(raw.replace(/[.,]$/, "")) : undefined;
  return amount !== undefined && amount >= 200 && amount <= 20000 ? amount : undefined;
}

export function parseContractOffer(text: string | undefined): ContractOffer {
  if (!text) return {};
  const folded = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, " ");
  const offer: ContractOffer = {};
  const type = contractTypeOf(folded);
  if (type) offer.contractType = type;
  const months = type === "permanent" ? undefined : monthsOf(folded);
  if (months !== undefined && months >= 1 && months <= 120) offer.contractMonths = months;
  const hours = hoursOf(folded);
  if (hours !== undefined && hours >= 1 && hours <= 60) offer.hoursPerWeek = hours;
  const pay = payOf(folded);
  if (pay !== undefined) offer.grossMonthlyPay = pay;
  // Read from the original text, so the agreement keeps its capitals as the referent wrote it.
  const ccnl = CCNL.exec(text)?.[1]?.trim();
  if (ccnl) offer.ccnl = `CCNL ${ccnl}`;
  return offer;
}
