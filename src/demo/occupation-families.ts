import type { CONTRACT_TYPES } from "../vacancies/vacancy-schemas.js";

export type ContractType = (typeof CONTRACT_TYPES)[number];
export type SkillLevel = "low" | "mid" | "high";

/**
 * The occupations CPI showcases actually carry, as families of CP2011 units. Only the unit codes and a
 * few patterns are written here: job titles come from the CP2011 file, ESCO labels from the ESCO file
 * and competences from the ANPAL dictionary (see occupation-pool.ts). Every other CP2011 unit of major
 * groups 4–8 is added as a long tail with a small weight.
 */
export interface FamilySpec {
  key: string;
  /** Relative frequency among offers (people follow roughly the same mix). */
  weight: number;
  /** What an operator types in the showcase search box for this family. */
  keyword: string;
  /** CP2011 units (5-level codes) of the family. */
  units: string[];
  /** CP2011 titles of those units to prefer (the rest of the unit is drawn less often). */
  titles?: RegExp;
  /** ESCO occupations (preferred label, masculine form) an employer may write; checked against the ESCO file. */
  esco?: string[];
  /** ANPAL profiles (by name) whose linked competences the family uses. */
  anpalProfiles?: RegExp;
  /** Fallback: ANPAL competences whose text matches. */
  competenceText?: RegExp;
  /** ATECO prefixes of fitting employers ("81.2", "56", "47.11"). */
  ateco: string[];
  /** Employer name words for this kind of business. */
  businessWords: string[];
  licences?: { code: string; p: number }[];
  languages?: { code: string; level: string; p: number }[];
  /** Minimum education level code (education-levels.csv) usually asked. */
  education: string;
  skill: SkillLevel;
  /** Gross monthly pay for full time, € range. */
  pay: [number, number];
  ccnl: string;
  trainings: string[];
  contracts?: Partial<Record<ContractType, number>>;
  /** Typical requirement phrases for "Competenze – requisiti". */
  requirements: string[];
}

export const FAMILY_SPECS: readonly FamilySpec[] = [
  {
    key: "magazzino", weight: 12, keyword: "magazziniere", units: ["4.3.1.2.0", "8.1.3.2.0"],
    titles: /MAGAZZIN|MULETTIST|CARRELLIST|LOGISTICA|SPEDIZION|IMBALL/,
    esco: ["magazziniere", "operatore di magazzino", "magazziniere addetto alla preparazione degli ordini"], anpalProfiles: /^(Magazziniere|Responsabile magazzino|Addetto alle spedizioni|Addetto\/a ufficio spedizioni)$/i,
    
    ateco: ["52.1", "52.2", "46", "47.11", "10", "49.41"], businessWords: ["Logistica", "Distribuzione", "Depositi", "Magazzini Generali"],
    licences: [{ code: "B", p: 0.5 }], education: "2", skill: "low", pay: [1450, 1750],
    ccnl: "Logistica, trasporto merci e spedizione", requirements: ["Patentino per carrelli elevatori in corso di validità", "Uso del terminale per il picking", "Disponibilità su turni, anche notturni"],
    trainings: ["Abilitazione alla conduzione di carrelli elevatori (muletto)", "Formazione specifica sicurezza rischio medio (8 ore)"],
  },
  {
    key: "pulizie", weight: 10, keyword: "addetto pulizie", units: ["8.1.4.3.0", "8.1.4.1.0"],
    titles: /PULIZI/, esco: ["addetto alle pulizie negli stabili", "addetto alla pulizia delle camere"], anpalProfiles: /^(Addetto alle pulizie a domicilio|Addetto\/a alla lavanderia|Addetto ai piani)$/i, competenceText: /pulizi|sanific|pulitur/i,
     
    ateco: ["81.2"], businessWords: ["Servizi", "Multiservizi", "Pulizie", "Cooperativa Sociale"],
    education: "2", skill: "low", pay: [1250, 1420], ccnl: "Multiservizi (imprese di pulizia)",
    contracts: { fixed_term: 45, permanent: 30, agency: 10, occasional: 5 },
    requirements: ["Esperienza nelle pulizie civili o industriali", "Uso di lavasciuga e monospazzola", "Disponibilità al lavoro a turni spezzati"],
    trainings: ["Corso uso sicuro dei prodotti chimici per la pulizia"],
  },
  {
    key: "oss", weight: 8, keyword: "operatore socio sanitario", units: ["5.3.1.1.0", "5.4.4.3.0"],
    titles: /SOCIO ?SANITARI|SOCIOASSISTENZ|ASSISTENZA DI BASE|AUSILIARI|ASSISTENTE DOMICILIARE/,
    esco: ["ausiliario socio-assistenziale", "assistente socio-sanitario in strutture residenziali per anziani disabili"], anpalProfiles: /^(Operatore A\.S\.A\.)$/i, competenceText: /(igiene|cura) (della|alla) persona|anzian|non autosufficient|assistit/i,
     
    ateco: ["87", "88", "86.10"], businessWords: ["Cooperativa Sociale", "RSA", "Residenza per Anziani", "Servizi Socio Assistenziali"],
    licences: [{ code: "B", p: 0.3 }], education: "3", skill: "mid", pay: [1480, 1720],
    ccnl: "Cooperative sociali", contracts: { fixed_term: 40, permanent: 40, agency: 15 },
    requirements: ["Qualifica OSS (1000 ore) obbligatoria", "Disponibilità a turni diurni e notturni", "Esperienza in RSA o assistenza domiciliare"],
    trainings: ["Qualifica di Operatore Socio Sanitario (1000 ore)", "Corso di primo soccorso (12 ore)"],
  },
  {
    key: "cucina", weight: 6, keyword: "cuoco", units: ["5.2.2.1.0", "5.2.2.2.1", "5.2.2.2.2"],
    titles: /CUOCO|CUCINA|PIZZAIOLO|ROSTICC/, esco: ["cuoco", "capocuoco", "cuoco-grigliere", "lavapiatti"], anpalProfiles: /^(Cuoco|Aiuto cuoco|Responsabile della ristorazione nelle collettivita')$/i,
    
    ateco: ["56.10", "56.2", "55.1"], businessWords: ["Ristorazione", "Ristorante", "Trattoria", "Hotel", "Catering"],
    education: "3", skill: "mid", pay: [1550, 2000], ccnl: "Turismo - Pubblici esercizi",
    contracts: { fixed_term: 55, permanent: 25, apprenticeship: 10, occasional: 5 },
    requirements: ["Attestato HACCP", "Esperienza in cucina tradizionale piemontese o lombarda", "Disponibilità serale e nei fine settimana"],
    trainings: ["Attestato HACCP alimentaristi", "Qualifica professionale di operatore della ristorazione"],
  },
  {
    key: "sala", weight: 7, keyword: "cameriere", units: ["5.2.2.3.2", "5.2.2.3.1", "5.2.2.4.0"],
    titles: /CAMERIER|BARIST|BARMAN|SALA/, esco: ["cameriere", "barista", "capocameriere"], anpalProfiles: /^(Cameriere\/a nella ristorazione|Barista|Responsabile di sala|Sommelier)$/i,
    
    ateco: ["56.10", "56.30", "55.1"], businessWords: ["Ristorante", "Bar", "Caffè", "Hotel", "Ristorazione"],
    languages: [{ code: "001", level: "A2", p: 0.35 }], education: "2", skill: "low", pay: [1400, 1650],
    ccnl: "Turismo - Pubblici esercizi", contracts: { fixed_term: 55, permanent: 20, apprenticeship: 12, occasional: 8 },
    requirements: ["Esperienza nel servizio ai tavoli", "Conoscenza base dell'inglese", "Disponibilità nei fine settimana e festivi"],
    trainings: ["Attestato HACCP alimentaristi", "Corso di caffetteria e bar"],
  },
  {
    key: "vendita", weight: 8, keyword: "commesso", units: ["5.1.2.2.0", "5.1.2.4.0"],
    titles: /COMMESS|CASSIER|ADDETTO ALLE VENDITE|BANCONIST|SCAFFAL/, esco: ["cassiere", "commesso di negozio di abbigliamento", "commesso di negozio specializzato"], anpalProfiles: /^(Addetto alla vendita|Addetto alle casse|Addetto alle operazioni ausiliarie alla vendita|Gestore del punto vendita)$/i,
    
    ateco: ["47.11", "47.19", "47.71", "47.5", "47.2"], businessWords: ["Market", "Supermercati", "Store", "Commerciale", "Abbigliamento"],
    education: "4", skill: "low", pay: [1400, 1650], ccnl: "Commercio, terziario, distribuzione e servizi",
    contracts: { fixed_term: 45, permanent: 20, apprenticeship: 15, agency: 12, internship: 5 },
    requirements: ["Predisposizione al contatto con il pubblico", "Uso del registratore di cassa", "Disponibilità su turni e nel fine settimana"],
    trainings: ["Corso di tecniche di vendita", "Attestato HACCP alimentaristi"],
  },
  {
    key: "autisti", weight: 6, keyword: "autista", units: ["7.4.2.3.0", "7.4.2.1.0", "8.1.3.3.0", "7.4.2.2.0"],
    titles: /AUTISTA|CONDUCENTE|CAMIONISTA|AUTOTRASPORT|FATTORINO|CORRIERE|ADDETTO ALLE CONSEGNE/,
    esco: ["conducente di autocarri", "autista di autobus", "fattorino"], anpalProfiles: /^(Conducente mezzi trasporto merci su strada|Autotrasportatore|conducente di mezzi di trasporto privato|conducente di mezzi di trasporto urbano)$/i,
    
    ateco: ["49.41", "49.3", "53.20", "52.29"], businessWords: ["Trasporti", "Autotrasporti", "Spedizioni", "Express"],
    licences: [{ code: "C", p: 0.6 }, { code: "E", p: 0.35 }, { code: "B", p: 0.95 }], education: "2", skill: "low", pay: [1650, 2100],
    ccnl: "Logistica, trasporto merci e spedizione", requirements: ["Patente C+E e CQC merci", "Carta tachigrafica", "Esperienza nella guida di mezzi pesanti"],
    trainings: ["Carta di qualificazione del conducente (CQC) merci", "Corso ADR trasporto merci pericolose"],
  },
  {
    key: "saldatura", weight: 3, keyword: "saldatore", units: ["6.2.1.2.0", "6.2.1.4.0"],
    titles: /SALDATOR|CARPENTIERE|TAGLIATORE/, esco: ["saldatore", "saldatore di tubi"], anpalProfiles: /^(Saldatore di parti metalliche|Saldatore di acciaio|Carpentiere metallico|calderaio lamierista)$/i,
    
    ateco: ["25.1", "25.6", "28", "33.1"], businessWords: ["Carpenteria", "Meccanica", "Costruzioni Metalliche", "Officine"],
    education: "3", skill: "mid", pay: [1700, 2150], ccnl: "Metalmeccanica industria",
    requirements: ["Saldatura a filo (MIG/MAG) e TIG", "Lettura del disegno tecnico", "Patentino di saldatura gradito"],
    trainings: ["Patentino di saldatura UNI EN ISO 9606-1", "Corso lettura del disegno meccanico"],
  },
  {
    key: "elettricisti", weight: 3, keyword: "elettricista", units: ["6.1.3.7.0", "6.2.4.1.1"],
    titles: /ELETTRICIST|ELETTROTECNIC|IMPIANTI ELETTRIC/, esco: ["elettricista", "elettricista civile", "elettricista industriale"], anpalProfiles: /^(Elettricista installatore|Elettricista addetto alla manutenzione|Elettrotecnico di installazione)$/i,
    
    ateco: ["43.21", "33.14", "27"], businessWords: ["Impianti Elettrici", "Elettroimpianti", "Impianti", "Tecnologie"],
    licences: [{ code: "B", p: 0.8 }], education: "3", skill: "mid", pay: [1650, 2100], ccnl: "Metalmeccanica artigianato",
    contracts: { permanent: 35, fixed_term: 35, apprenticeship: 20, agency: 10 },
    requirements: ["Installazione di impianti elettrici civili e industriali", "Lettura degli schemi elettrici", "Attestato PES/PAV gradito"],
    trainings: ["Corso PES-PAV lavori elettrici (CEI 11-27)", "Qualifica di installatore di impianti elettrici"],
  },
  {
    key: "amministrazione", weight: 6, keyword: "impiegato amministrativo", units: ["4.1.1.2.0", "4.3.2.1.0", "4.1.1.1.0", "4.3.2.2.0"],
    titles: /IMPIEGAT|CONTABIL|SEGRETARI|AMMINISTRATIV|PAGHE/, esco: ["assistente amministrativo", "segretario"], anpalProfiles: /^(Addetto amministrativo alla gestione (clienti|fornitori)|Addetto segreteria tecnica|Addetto\/a paghe e contributi|Addetto alla contabilit.{1,3}piccola media impresa)$/i,
    
    ateco: ["69.20", "82.1", "70.2", "46", "25", "43"], businessWords: ["Studio", "Servizi", "Consulting", "Gestioni"],
    languages: [{ code: "001", level: "B1", p: 0.45 }], education: "4", skill: "mid", pay: [1500, 1900],
    ccnl: "Commercio, terziario, distribuzione e servizi", contracts: { fixed_term: 35, permanent: 35, agency: 12, internship: 10, apprenticeship: 8 },
    requirements: ["Diploma di ragioneria o equivalente", "Buona conoscenza del pacchetto Office", "Esperienza in contabilità generale e fatturazione"],
    trainings: ["Corso di contabilità generale", "Certificazione informatica ICDL Full Standard"],
  },
  {
    key: "produzione", weight: 8, keyword: "operaio", units: ["8.4.3.1.0", "7.2.8.1.0", "7.2.7.9.0"],
    titles: /OPERAI|ADDETT|CONFEZION|MONTATOR|ASSEMBLAT|MANOVAL/, esco: ["operaio manovale industriale", "operaio meccatronico", "assemblatore meccanico"], anpalProfiles: /^(Operatore confezionamento e imballo|Addetto al confezionamento|operaio addetto alla lavorazione meccanica|Operaio materie plastiche|operaio addetto alla finitura)$/i,
    
    ateco: ["10", "22.2", "25", "27", "28", "29"], businessWords: ["Industrie", "Manifatture", "Plast", "Components", "Alimentare"],
    education: "2", skill: "low", pay: [1500, 1800], ccnl: "Metalmeccanica industria", contracts: { agency: 35, fixed_term: 35, permanent: 20, apprenticeship: 10 },
    requirements: ["Disponibilità al lavoro su tre turni", "Esperienza su linee di produzione", "Manualità e precisione"],
    trainings: ["Formazione specifica sicurezza rischio alto (12 ore)", "Corso di controllo qualità di base"],
  },
  {
    key: "edilizia", weight: 4, keyword: "muratore", units: ["6.1.2.1.0", "8.4.2.1.0", "6.1.2.3.0", "6.1.3.2.3"],
    titles: /MURATORE|MANOVALE|CARPENTIERE|PIASTRELLIST|CARTONGESS/, esco: ["muratore in mattoni", "piastrellista", "carpentiere", "manovale edile"], anpalProfiles: /^(Muratore|Manovale edile|Carpentiere edile|Piastrellista|Intonacatore)$/i,
    
    ateco: ["41.2", "43.3", "43.9"], businessWords: ["Costruzioni", "Edilizia", "Edil", "Ristrutturazioni"],
    licences: [{ code: "B", p: 0.7 }], education: "1", skill: "low", pay: [1550, 1950], ccnl: "Edilizia industria",
    requirements: ["Esperienza in cantiere", "Corso sicurezza 16 ore (16ORE-MICS)", "Automunito"],
    trainings: ["Formazione 16 ore prima entrata in cantiere", "Corso montaggio ponteggi (PiMUS)"],
  },
  {
    key: "meccanici", weight: 3, keyword: "meccanico", units: ["6.2.3.1.1", "6.2.3.3.1", "6.2.3.1.2"],
    titles: /MECCANIC|MANUTENTOR|GOMMIST|MOTORIST/, esco: ["meccanico autoriparatore", "meccanico di macchinari industriali"], anpalProfiles: /^(Meccanico auto|Manutentore polivalente|Meccanico addetto alla manutenzione|Elettrauto)$/i,
    
    ateco: ["45.20", "33.12", "28"], businessWords: ["Autofficina", "Car Service", "Meccanica", "Manutenzioni"],
    licences: [{ code: "B", p: 0.9 }], education: "3", skill: "mid", pay: [1600, 2000], ccnl: "Metalmeccanica artigianato",
    requirements: ["Diagnosi e riparazione di veicoli", "Uso di strumenti di diagnosi elettronica", "Qualifica professionale in ambito meccanico"],
    trainings: ["Qualifica di operatore alla riparazione dei veicoli a motore"],
  },
  {
    key: "accoglienza", weight: 3, keyword: "receptionist", units: ["4.2.2.1.0", "4.2.2.2.0", "4.2.2.4.0"],
    titles: /RECEPTION|PORTIER|ACCOGLIENZA|CENTRALINIST|CALL CENTER|OPERATORE TELEFONICO/, esco: ["addetto alla reception", "operatore di call center"], anpalProfiles: /^(Addetto all'accoglienza ed alla reception|Addetto alla accoglienza ed alla reception alberghiera|Centralinista telefonico|Operatore call center)$/i,
    
    ateco: ["55.1", "82.2", "82.11"], businessWords: ["Hotel", "Contact Center", "Servizi", "Congressi"],
    languages: [{ code: "001", level: "B2", p: 0.8 }, { code: "005", level: "B1", p: 0.2 }, { code: "002", level: "B1", p: 0.15 }],
    education: "4", skill: "mid", pay: [1400, 1700], ccnl: "Turismo - Alberghi",
    requirements: ["Ottima conoscenza della lingua inglese", "Uso di gestionali di prenotazione", "Disponibilità su turni"],
    trainings: ["Corso di inglese livello B2", "Corso di tecniche di accoglienza turistica"],
  },
  {
    key: "infanzia-famiglie", weight: 2, keyword: "assistente familiare", units: ["5.4.4.1.0", "5.4.4.2.0"],
    esco: ["assistente familiare", "babysitter"], competenceText: /bambin|anzian|non autosufficient|domestic/i,
    
    ateco: ["88.10", "88.91", "97"], businessWords: ["Cooperativa Sociale", "Servizi alla Persona", "Assistenza Familiare"],
    education: "2", skill: "low", pay: [1100, 1400], ccnl: "Lavoro domestico", contracts: { permanent: 40, fixed_term: 45, occasional: 15 },
    requirements: ["Esperienza nell'assistenza ad anziani non autosufficienti", "Disponibilità alla convivenza", "Conoscenza della lingua italiana"],
    trainings: ["Corso per assistente familiare (qualifica regionale)"],
  },
  {
    key: "verde-agricoltura", weight: 2, keyword: "giardiniere", units: ["6.4.1.3.1", "8.3.1.2.0", "8.3.1.1.0"],
    titles: /GIARDIN|VIVAI|AGRICOL|VENDEMMI|POTATORE|RACCOGLITORE/, esco: ["aiuto giardiniere", "giardiniere paesaggista", "raccoglitore di frutta e ortaggi"], anpalProfiles: /^(operatore del verde|aiuto agricolo stagionale|coltivatore grandi colture)$/i,
    
    ateco: ["81.30", "01.1", "01.2", "01.3"], businessWords: ["Agricola", "Vivai", "Giardini", "Verde"],
    licences: [{ code: "B", p: 0.6 }], education: "1", skill: "low", pay: [1350, 1600], ccnl: "Operai agricoli e florovivaisti",
    contracts: { fixed_term: 65, occasional: 15, permanent: 15, agency: 5 },
    requirements: ["Uso di decespugliatore e motosega", "Lavoro all'aperto", "Disponibilità stagionale"],
    trainings: ["Patentino per l'uso della motosega", "Corso acquisto e uso dei prodotti fitosanitari"],
  },
  {
    key: "idraulici", weight: 2, keyword: "idraulico", units: ["6.1.3.6.1", "6.1.3.6.2"],
    esco: ["idraulico"], anpalProfiles: /^(Installatore impianti sanitari e termici|Frigorista meccanico)$/i,
    
    ateco: ["43.22"], businessWords: ["Termoidraulica", "Impianti", "Idrotermica"],
    licences: [{ code: "B", p: 0.9 }], education: "3", skill: "mid", pay: [1650, 2050], ccnl: "Metalmeccanica artigianato",
    requirements: ["Installazione e manutenzione di impianti termoidraulici", "Patentino FGAS gradito", "Automunito"],
    trainings: ["Certificazione FGAS", "Qualifica di installatore di impianti termoidraulici"],
  },
  {
    key: "ecologia", weight: 1, keyword: "operatore ecologico", units: ["8.1.4.5.0", "8.1.4.4.0"],
    esco: ["operatore ecologico", "addetto alla raccolta di rifiuti"], competenceText: /rifiut|raccolta differenziata|spazzament/i, 
    ateco: ["38.1", "38.2", "45.20"], businessWords: ["Ambiente", "Ecologia", "Servizi Ambientali"],
    licences: [{ code: "B", p: 0.8 }, { code: "C", p: 0.3 }], education: "2", skill: "low", pay: [1500, 1750], ccnl: "Servizi ambientali (Utilitalia)",
    requirements: ["Disponibilità al lavoro a partire dalle 5 del mattino", "Patente C gradita"],
    trainings: ["Formazione specifica sicurezza rischio alto (12 ore)"],
  },
  {
    key: "benessere", weight: 1, keyword: "parrucchiere", units: ["5.4.3.1.0", "5.4.3.2.0"],
    esco: ["parrucchiere", "estetista"], anpalProfiles: /^(Acconciatore|Estetista)$/i, 
    ateco: ["96.02"], businessWords: ["Hair Studio", "Beauty", "Estetica", "Acconciature"],
    education: "3", skill: "mid", pay: [1250, 1550], ccnl: "Acconciatura, estetica (artigianato)",
    contracts: { apprenticeship: 40, fixed_term: 30, permanent: 25, occasional: 5 },
    requirements: ["Qualifica professionale di acconciatore o estetista", "Cura del cliente"],
    trainings: ["Qualifica professionale di acconciatore", "Qualifica professionale di estetista"],
  },
  {
    key: "informatica", weight: 1.5, keyword: "sviluppatore software", units: ["2.1.1.4.1", "3.1.2.1.0", "3.1.2.5.0"],
    esco: ["sviluppatore web", "sviluppatore di applicazioni per dispositivi mobili", "tecnico informatico"], anpalProfiles: /^(Sviluppatore software|Programmatore IT|Analista IT|amministratore di reti|operatore di helpdesk tecnico)$/i,
    
    ateco: ["62", "63.1"], businessWords: ["Software", "Informatica", "Digital", "Tech"],
    languages: [{ code: "001", level: "B2", p: 0.8 }], education: "7", skill: "high", pay: [2100, 3000],
    ccnl: "Commercio, terziario (settore ICT)", contracts: { permanent: 55, fixed_term: 25, internship: 10, apprenticeship: 10 },
    requirements: ["Conoscenza di Java o TypeScript", "Basi di dati relazionali (SQL)", "Inglese tecnico"],
    trainings: ["Corso di sviluppo web full stack (ITS)", "Certificazione cloud di livello base"],
  },
  {
    key: "infermieri", weight: 1.5, keyword: "infermiere", units: ["3.2.1.1.1"],
    esco: ["infermiere generalista"], anpalProfiles: /^(Infermiere professionale)$/i, 
    ateco: ["86.10", "87.10"], businessWords: ["Casa di Cura", "Clinica", "RSA", "Poliambulatorio"],
    education: "7", skill: "high", pay: [1900, 2400], ccnl: "Sanità privata (AIOP)", contracts: { permanent: 60, fixed_term: 35, self_employed: 5 },
    requirements: ["Laurea in Infermieristica e iscrizione all'OPI", "Disponibilità su turni"],
    trainings: ["Corso BLSD (rianimazione e defibrillazione)"],
  },
  {
    key: "contabili", weight: 1.5, keyword: "contabile", units: ["3.3.1.2.1", "3.3.1.1.1"],
    esco: ["contabile", "assistente contabile"], anpalProfiles: /^(Addetto alla contabilit.*|Accounter|Controller di gestione|Addetto alla tesoreria)$/i,
    
    ateco: ["69.20", "70.22", "46"], businessWords: ["Studio Associato", "Consulenti", "Amministrazioni"],
    languages: [{ code: "001", level: "B2", p: 0.5 }], education: "4", skill: "high", pay: [1800, 2500],
    ccnl: "Studi professionali", contracts: { permanent: 50, fixed_term: 35, internship: 10, apprenticeship: 5 },
    requirements: ["Tenuta della contabilità fino al bilancio", "Adempimenti fiscali (IVA, F24)", "Gestionali contabili"],
    trainings: ["Corso di bilancio e fiscalità d'impresa"],
  },
];

/** Major groups of CP2011 whose units make the long tail (clerical, sales and services, crafts, operators, elementary). */
export const LONG_TAIL_MAJOR_GROUPS = ["4", "5", "6", "7", "8"];
/** Units not offered through a CPI showcase: owners, police and armed corps, and the like. */
export const LONG_TAIL_EXCLUDE =
  /ESERCENT|IMPRENDITOR|POLIZIA|GUARDIA DI FINANZA|CORPO FORESTALE|VIGILI|ISTITUTI DI PENA|ASTROLOG|CROUPIER|ALLIBRATOR|RICEVITORI|PESCATORI D|CACCIATORI|MAESTRI DI ARTI/;
/** Share of all offers that go to the long tail. */
export const LONG_TAIL_SHARE = 0.12;

/** Where a long-tail unit works, by the prefix of its CP2011 code (longest prefix wins). */
export const LONG_TAIL_SECTORS: Record<string, { ateco: string[]; words: string[]; ccnl: string }> = {
  "4": { ateco: ["82.1", "69.20", "46"], words: ["Servizi", "Uffici"], ccnl: "Commercio, terziario, distribuzione e servizi" },
  "5.1": { ateco: ["47", "46"], words: ["Commerciale", "Store"], ccnl: "Commercio, terziario, distribuzione e servizi" },
  "5.2": { ateco: ["56", "55"], words: ["Ristorazione", "Hotel"], ccnl: "Turismo - Pubblici esercizi" },
  "5.3": { ateco: ["86", "87"], words: ["Servizi Sanitari"], ccnl: "Sanità privata (AIOP)" },
  "5.4": { ateco: ["96", "88", "93", "80"], words: ["Servizi", "Cooperativa"], ccnl: "Cooperative sociali" },
  "6.1": { ateco: ["43", "41.2"], words: ["Costruzioni", "Edilizia"], ccnl: "Edilizia industria" },
  "6.2": { ateco: ["25", "28", "33"], words: ["Meccanica", "Officine"], ccnl: "Metalmeccanica industria" },
  "6.3": { ateco: ["32", "23", "18"], words: ["Artigiana", "Laboratorio"], ccnl: "Artigianato" },
  "6.4": { ateco: ["01", "02", "03"], words: ["Agricola", "Aziende Agricole"], ccnl: "Operai agricoli e florovivaisti" },
  "6.5": { ateco: ["10", "13", "14", "15", "16", "31"], words: ["Manifatture", "Laboratorio"], ccnl: "Industria alimentare" },
  "7.1": { ateco: ["23", "24", "20", "35"], words: ["Impianti", "Industrie"], ccnl: "Chimica industria" },
  "7.2": { ateco: ["22", "25", "27", "28", "13"], words: ["Industrie", "Produzioni"], ccnl: "Metalmeccanica industria" },
  "7.3": { ateco: ["10", "11"], words: ["Alimentare", "Industrie Alimentari"], ccnl: "Industria alimentare" },
  "7.4": { ateco: ["49", "52", "43"], words: ["Trasporti", "Movimentazione"], ccnl: "Logistica, trasporto merci e spedizione" },
  "8.1": { ateco: ["81", "52", "82"], words: ["Servizi", "Multiservizi"], ccnl: "Multiservizi (imprese di pulizia)" },
  "8.2": { ateco: ["97", "96"], words: ["Servizi"], ccnl: "Lavoro domestico" },
  "8.3": { ateco: ["01", "81.30"], words: ["Agricola", "Verde"], ccnl: "Operai agricoli e florovivaisti" },
  "8.4": { ateco: ["43", "10", "25"], words: ["Costruzioni", "Industrie"], ccnl: "Edilizia industria" },
  "8.5": { ateco: ["01", "02"], words: ["Agricola"], ccnl: "Operai agricoli e florovivaisti" },
  "8.6": { ateco: ["43", "42"], words: ["Costruzioni"], ccnl: "Edilizia industria" },
};
