/**
 * Loaders for the ANPAL competence files shipped in data/reference/competences: the competence
 * dictionary, the professional profiles and which competences each profile needs. Columns by header
 * name (extra ones ignored, optional ones tolerated when absent), rows without their keys skipped.
 *
 * About 50 texts carry `¿` where an old encoding lost an apostrophe ("dell¿azienda"); labels are
 * repaired here for display, and the analysis treats `¿` as an apostrophe anyway.
 */
import { readCsv } from "../reference/read-csv.js";
import { referenceFile } from "../reference/reference-files.js";

export interface AnpalCompetence {
  code: string;
  label: string;
}

export interface AnpalProfile {
  code: string;
  name: string;
  /** CP2011 4-level category of the profile ("4.3.1.2"), when the file gives one. */
  cp2011Group: string | null;
}

export interface ProfileCompetenceLink {
  profile: string;
  competence: string;
  /** ANPAL's competence type code (cod_tipo_competenza), as published; null when absent. */
  type: string | null;
}

export const COMPETENCE_FILES = {
  competences: referenceFile("competences", "anpal-competences.csv"),
  profiles: referenceFile("competences", "anpal-profiles.csv"),
  links: referenceFile("competences", "anpal-profile-competences.csv"),
} as const;

/** "gestire l¿assistenza" → "Gestire l'assistenza": apostrophe restored, spaces collapsed, first letter up. */
export function cleanAnpalText(text: string): string {
  const clean = text.replace(/¿/g, "'").replace(/\s+/g, " ").trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

export function loadAnpalCompetences(file: string = COMPETENCE_FILES.competences): AnpalCompetence[] {
  const out: AnpalCompetence[] = [];
  for (const r of readCsv(file, ["cod_competenza", "des_competenza"])) {
    const code = (r.cod_competenza ?? "").trim();
    const label = cleanAnpalText(r.des_competenza ?? "");
    if (code && label) out.push({ code, label });
  }
  return out;
}

export function loadAnpalProfiles(file: string = COMPETENCE_FILES.profiles): AnpalProfile[] {
  const out: AnpalProfile[] = [];
  for (const r of readCsv(file, ["cod_profilo", "des_profilo"])) {
    const code = (r.cod_profilo ?? "").trim();
    const name = cleanAnpalText(r.des_profilo ?? "");
    const category = (r.cod_categoriaprofess ?? "").trim();
    if (code && name) out.push({ code, name, cp2011Group: /^\d\.\d\.\d\.\d$/.test(category) ? category : null });
  }
  return out;
}

export function loadProfileCompetenceLinks(file: string = COMPETENCE_FILES.links): ProfileCompetenceLink[] {
  const out: ProfileCompetenceLink[] = [];
  for (const r of readCsv(file, ["cod_profilo", "cod_competenza"])) {
    const profile = (r.cod_profilo ?? "").trim();
    const competence = (r.cod_competenza ?? "").trim();
    if (profile && competence) out.push({ profile, competence, type: (r.cod_tipo_competenza ?? "").trim() || null });
  }
  return out;
}
