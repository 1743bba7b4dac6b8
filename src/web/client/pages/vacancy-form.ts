import { useState } from "preact/hooks";
import type { components } from "../../../api-client/openapi-types.js";
import { answer, lookups, vetrina } from "../api.js";
import { navigate, seg } from "../router.js";
import { canManageVacancies, type Me } from "../session.js";
import { Autocomplete, ErrorBox, Field, html, inputValue, PageTitle, Show, useAction, useLoad } from "../ui.js";
import type { Cpi, Vacancy } from "../types.js";

type VacancyCreate = components["schemas"]["VacancyCreate"];


/** The form's fields, as text the inputs hold. */
interface Draft {
  requestedProfile: string;
  profileTitle: string;
  profileCode: string;
  positions: string;
  companyName: string;
  companyTaxCode: string;
  atecoCode: string;
  contractType: string;
  contractMonths: string;
  hoursPerWeek: string;
  grossMonthlyPay: string;
  contractOfferText: string;
  competencesText: string;
  mustHaveCompetences: string[];
  niceToHaveCompetences: string[];
  workplace: string;
  workplaceLabel: string;
  cpiCode: string;
  shortlistCap: string;
  reservedL68: boolean;
  closingDate: string;
  notes: string;
}

const fromVacancy = (v: Vacancy | null, cpi: string): Draft => ({
  requestedProfile: v?.requestedProfile ?? "",
  profileTitle: v?.profileTitle ?? "",
  profileCode: v?.profileCode ?? "",
  positions: String(v?.positions ?? 1),
  companyName: v?.companyName ?? "",
  companyTaxCode: (v as { companyTaxCode?: string } | null)?.companyTaxCode ?? "",
  atecoCode: v?.atecoCode ?? "",
  contractType: v?.contractType ?? "",
  contractMonths: v?.contractMonths ? String(v.contractMonths) : "",
  hoursPerWeek: v?.hoursPerWeek ? String(v.hoursPerWeek) : "",
  grossMonthlyPay: v?.grossMonthlyPay ? String(v.grossMonthlyPay) : "",
  contractOfferText: v?.contractOfferText ?? "",
  competencesText: v?.competencesText ?? "",
  mustHaveCompetences: v?.mustHaveCompetences ?? [],
  niceToHaveCompetences: v?.niceToHaveCompetences ?? [],
  workplace: v?.workplace?.istatCode ?? "",
  workplaceLabel: v?.workplace ? `${v.workplace.name} (${v.workplace.provinceAcronym})` : "",
  cpiCode: v?.cpi.code ?? cpi,
  shortlistCap: String(v?.shortlistCap ?? 15),
  reservedL68: v?.reservedL68 ?? false,
  closingDate: v?.closingDate ?? "",
  notes: v?.notes ?? "",
});

const optionalNumber = (text: string) => (text.trim() ? Number(text) : undefined);
const optionalText = (text: string) => (text.trim() ? text.trim() : undefined);

/** The body the API takes, from the form's text. */
function toBody(d: Draft): VacancyCreate {
  return {
    requestedProfile: d.requestedProfile.trim(),
    profileTitle: optionalText(d.profileTitle),
    profileCode: optionalText(d.profileCode),
    positions: Number(d.positions),
    companyName: d.companyName.trim(),
    companyTaxCode: d.companyTaxCode.trim(),
    atecoCode: optionalText(d.atecoCode),
    contractType: optionalText(d.contractType),
    contractMonths: optionalNumber(d.contractMonths),
    hoursPerWeek: optionalNumber(d.hoursPerWeek),
    grossMonthlyPay: optionalNumber(d.grossMonthlyPay),
    contractOfferText: optionalText(d.contractOfferText),
    competencesText: optionalText(d.competencesText),
    mustHaveCompetences: d.mustHaveCompetences,
    niceToHaveCompetences: d.niceToHaveCompetences,
    workplaceIstatCode: d.workplace.trim(),
    cpiCode: d.cpiCode,
    shortlistCap: Number(d.shortlistCap),
    reservedL68: d.reservedL68,
    closingDate: optionalText(d.closingDate),
    notes: optionalText(d.notes),
    // Not on this form: the API's defaults (none asked for, from a CPI).
    requiredLanguages: [],
    requiredLicences: [],
    sourceService: "cpi",
  };
}

/** Publish a vacancy, or edit one (only the fields changed are sent), with autocomplete for occupation, competences and comune. */
export function VacancyFormPage({ me, params }: { me: Me; params: Record<string, string> }) {
  const id = params.id;
  const existing = useLoad(() => (id ? answer(vetrina().GET("/api/v1/vacancies/{id}", { params: { path: { id } } })) : Promise.resolve(null)), [id]);
  const cpis = useLoad(() => answer(vetrina().GET("/api/v1/cpis")), []);
  if (!canManageVacancies(me)) return html`<${PageTitle} text="Offerta" /><p>Solo i referenti e l'amministrazione pubblicano offerte.</p>`;
  return html`<${Show} loaded=${existing} what="dell'offerta">${(v: Vacancy | null) => html`<${Show} loaded=${cpis} what="dei CPI">${(all: Cpi[]) => html`
    <${VacancyForm} vacancy=${v} cpis=${all.filter((c) => me.role === "admin" || me.cpiCodes.includes(c.code) || c.code === v?.cpi.code)} />
  `}</${Show}>`}</${Show}>`;
}

function VacancyForm({ vacancy, cpis }: { vacancy: Vacancy | null; cpis: Cpi[] }) {
  const initial = fromVacancy(vacancy, cpis[0]?.code ?? "");
  const [d, setD] = useState<Draft>(initial);
  const contractTypes = useLoad(() => answer(vetrina().GET("/api/v1/code-lists/{list}", { params: { path: { list: "contract-types" } } })), []);
  const action = useAction();
  const set = (changes: Partial<Draft>) => setD((old) => ({ ...old, ...changes }));
  const text = (key: keyof Draft) => (e: Event) => set({ [key]: inputValue(e) } as Partial<Draft>);
  const submit = async (event: Event) => {
    event.preventDefault();
    let saved: Vacancy | undefined;
    const body = toBody(d);
    const ok = await action.run(async () => {
      if (vacancy) {
        const before = toBody(initial) as Record<string, unknown>;
        const changed = Object.fromEntries(Object.entries(body).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
        if (Object.keys(changed).length === 0) throw new Error("Nessun campo modificato.");
        saved = await answer(vetrina().PATCH("/api/v1/vacancies/{id}", { params: { path: { id: vacancy.id } }, body: changed }));
      } else saved = await answer(vetrina().POST("/api/v1/vacancies", { body }));
    });
    if (ok && saved) navigate(`/offerte/${seg(saved.id)}`);
  };
  return html`
    <${PageTitle} text=${vacancy ? `Modifica: ${vacancy.requestedProfile}` : "Nuova offerta"} />
    <form class="vacancy-form" onSubmit=${submit} novalidate>
      <fieldset><legend>Profilo</legend>
        <${Field} label="Profilo richiesto (come scritto dall'azienda)" id="requestedProfile"><input id="requestedProfile" required value=${d.requestedProfile} onInput=${text("requestedProfile")} /></${Field}>
        <${Autocomplete} label="Professione nella classificazione (CP2011)" name="profile" lookup=${lookups.occupations} initial=${d.profileTitle}
          hint="Scrivi almeno due lettere e scegli dall'elenco"
          onPick=${(picked: { code: string; label: string } | null, typed: string) => set(picked ? { profileTitle: picked.label.replace(/ \([\d.]+\)$/, ""), profileCode: picked.code } : { profileTitle: typed, profileCode: "" })} />
        <${Field} label="Posizioni" id="positions"><input id="positions" type="number" min="1" max="9999" required value=${d.positions} onInput=${text("positions")} /></${Field}>
      </fieldset>
      <fieldset><legend>Azienda e sede</legend>
        <${Field} label="Nome azienda" id="companyName"><input id="companyName" required value=${d.companyName} onInput=${text("companyName")} /></${Field}>
        <${Field} label="Codice fiscale dell'azienda" id="companyTaxCode" hint="11 cifre"><input id="companyTaxCode" required inputmode="numeric" value=${d.companyTaxCode} onInput=${text("companyTaxCode")} aria-describedby="companyTaxCode-hint" /></${Field}>
        <${Field} label="Codice ATECO" id="atecoCode" hint="per esempio 52.10"><input id="atecoCode" value=${d.atecoCode} onInput=${text("atecoCode")} aria-describedby="atecoCode-hint" /></${Field}>
        <${Autocomplete} label="Comune della sede di lavoro" name="workplace" lookup=${lookups.comuni} initial=${d.workplaceLabel} required
          onPick=${(picked: { code: string } | null, typed: string) => set({ workplace: picked ? picked.code : typed.replace(/ \([A-Z]{2}\)$/, "") })} />
        <${Field} label="Centro per l'impiego" id="cpiCode"><select id="cpiCode" value=${d.cpiCode} onChange=${text("cpiCode")}>
          ${cpis.map((c) => html`<option value=${c.code}>${c.name}</option>`)}
        </select></${Field}>
      </fieldset>
      <fieldset><legend>Contratto</legend>
        <${Field} label="Tipo di contratto" id="contractType"><select id="contractType" value=${d.contractType} onChange=${text("contractType")}>
          <option value="">Non indicato</option>
          ${(contractTypes.data ?? []).map((c) => html`<option value=${c.code}>${c.label}</option>`)}
        </select></${Field}>
        <${Field} label="Durata in mesi" id="contractMonths"><input id="contractMonths" type="number" min="1" max="120" value=${d.contractMonths} onInput=${text("contractMonths")} /></${Field}>
        <${Field} label="Ore settimanali" id="hoursPerWeek"><input id="hoursPerWeek" type="number" min="1" max="60" value=${d.hoursPerWeek} onInput=${text("hoursPerWeek")} /></${Field}>
        <${Field} label="Retribuzione lorda mensile (€)" id="grossMonthlyPay"><input id="grossMonthlyPay" type="number" min="0" value=${d.grossMonthlyPay} onInput=${text("grossMonthlyPay")} /></${Field}>
        <${Field} label="Proposta contratto (testo)" id="contractOfferText"><textarea id="contractOfferText" value=${d.contractOfferText} onInput=${text("contractOfferText")}></textarea></${Field}>
      </fieldset>
      <fieldset><legend>Competenze – requisiti</legend>
        <${CompetenceList} label="Competenze indispensabili" values=${d.mustHaveCompetences} onChange=${(list: string[]) => set({ mustHaveCompetences: list })} />
        <${CompetenceList} label="Competenze gradite" values=${d.niceToHaveCompetences} onChange=${(list: string[]) => set({ niceToHaveCompetences: list })} />
        <${Field} label="Competenze – requisiti (testo)" id="competencesText"><textarea id="competencesText" value=${d.competencesText} onInput=${text("competencesText")}></textarea></${Field}>
      </fieldset>
      <fieldset><legend>Rosa e scadenze</legend>
        <${Field} label="Tetto della rosa" id="shortlistCap" hint="15 salvo diversa richiesta dell'azienda"><input id="shortlistCap" type="number" min="1" max="200" value=${d.shortlistCap} onInput=${text("shortlistCap")} aria-describedby="shortlistCap-hint" /></${Field}>
        <div class="check"><input id="reservedL68" type="checkbox" checked=${d.reservedL68} onChange=${(e: Event) => set({ reservedL68: (e.target as HTMLInputElement).checked })} /><label for="reservedL68">Riservata al collocamento mirato (L. 68/1999)</label></div>
        <${Field} label="Data di chiusura" id="closingDate"><input id="closingDate" type="date" value=${d.closingDate} onInput=${text("closingDate")} /></${Field}>
        <${Field} label="Note" id="notes"><textarea id="notes" value=${d.notes} onInput=${text("notes")}></textarea></${Field}>
      </fieldset>
      <${ErrorBox} error=${action.error} />
      <button type="submit" disabled=${action.busy}>${vacancy ? "Salva le modifiche" : "Pubblica l'offerta"}</button>
    </form>`;
}

let lists = 0;

/** A list of competences: each picked from the dictionary (or typed as written), removable one by one. */
function CompetenceList({ label, values, onChange }: { label: string; values: string[]; onChange: (list: string[]) => void }) {
  const [typed, setTyped] = useState("");
  const [round, setRound] = useState(0);
  const [id] = useState(() => `cl-${++lists}`);
  const add = () => {
    const value = typed.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setTyped("");
    setRound((n) => n + 1);
  };
  return html`<div class="competences" role="group" aria-labelledby=${id}>
    <p id=${id} class="label">${label}</p>
    ${values.length > 0 && html`<ul class="chips">${values.map((v) => html`<li>${v} <button type="button" class="link" onClick=${() => onChange(values.filter((x) => x !== v))}>Togli<span class="sr-only"> ${v}</span></button></li>`)}</ul>`}
    <div class="row">
      <${Autocomplete} key=${round} label=${`Aggiungi a «${label.toLowerCase()}»`} name=${id} lookup=${lookups.competences} onPick=${(picked: { label: string } | null, text: string) => setTyped(picked ? picked.label : text)} />
      <button type="button" class="secondary" onClick=${add}>Aggiungi</button>
    </div>
  </div>`;
}
