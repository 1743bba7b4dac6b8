import type { IndexName } from "./search-index.js";

/**
 * What each index holds, declared up front so that an engine which needs settings (Meilisearch's
 * searchable, filterable and sortable attributes) gets them at init(), and the embedded one lays out
 * its columns from the same lists. The search-document mappings (vacancies, candidates) must only use
 * the fields declared here.
 */
export interface IndexSchema {
  /** Text fields in order of importance; a document's undeclared text fields count as the last one. */
  textFields: readonly string[];
  /** Relative weight of each text field, same order (bm25 column weights in the embedded index). */
  textWeights: readonly number[];
  /** Exact-match fields (single or multi-valued): filters, facets and retrieval keys. */
  filterFields: readonly string[];
  /** Every document may carry a point (radius filter, distance sort) and a date (date sort). */
  geo: true;
  sortable: readonly ("date" | "distance")[];
}

export const INDEX_SCHEMAS: Record<IndexName, IndexSchema> = {
  vacancies: {
    textFields: ["profile", "competences", "company", "notes"],
    textWeights: [10, 4, 2, 1],
    filterFields: ["status", "cpi", "province", "sector", "contractType", "sourceService", "reservedL68", "employer", "occ"],
    geo: true,
    sortable: ["date", "distance"],
  },
  candidates: {
    textFields: ["profile", "competences", "experience", "other"],
    textWeights: [10, 4, 3, 1],
    filterFields: ["cpi", "province", "programme", "availability", "licence", "educationLevel", "tutor", "occcell"],
    geo: true,
    sortable: ["date", "distance"],
  },
};

export const INDEX_NAMES = Object.keys(INDEX_SCHEMAS) as IndexName[];

export function schemaOf(index: IndexName): IndexSchema {
  const s = INDEX_SCHEMAS[index];
  if (!s) throw new Error(`Indice di ricerca sconosciuto: ${String(index)}`);
  return s;
}

/** The declared text field a document's text goes to: itself if declared, else the last one. */
export function textFieldOf(schema: IndexSchema, field: string): string {
  return schema.textFields.includes(field) ? field : schema.textFields[schema.textFields.length - 1]!;
}

/** A document may only carry declared filter fields: an engine with settings could not filter on others. */
export function assertFilterField(schema: IndexSchema, field: string): void {
  if (!schema.filterFields.includes(field)) throw new Error(`Campo di filtro non dichiarato nello schema dell'indice: ${field}`);
}
