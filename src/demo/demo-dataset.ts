import { utcDay } from "./dates.js";
import { EmployerGenerator, type DemoEmployer } from "./employer-generator.js";
import { occupationPool, type OccupationPool } from "./occupation-pool.js";
import { EmailRegistry } from "./people.js";
import { PersonGenerator, type DemoCandidate } from "./person-generator.js";
import { SeededRandom } from "./seeded-random.js";
import { generateStaff, type DemoStaff, type DemoUser } from "./staff-generator.js";
import { demoTerritory, type Territory } from "./territory.js";
import type { CatchmentRow, Cpi } from "../reference/cpis.js";
import { VacancyGenerator, type DemoVacancy } from "./vacancy-generator.js";

/** The demo's default size: a believable region of two. */
export const DEMO_SIZES = { vacancies: 300, candidates: 3000 } as const;

/** About two and a half offers per employer, as in a showcase over six months. */
export function defaultEmployerCount(vacancies: number): number {
  return Math.max(20, Math.round(vacancies / 2.5));
}

/** The fixed part of a demo: who runs the showcase and which employers exist. */
export interface DemoBase {
  seed: number;
  /** Reference day: every date is relative to it, so a seed and a day give the same data. */
  today: Date;
  territory: Territory;
  pool: OccupationPool;
  staff: DemoStaff;
  employers: DemoEmployer[];
  /** Staff and employer users together (one per role at least). */
  users: DemoUser[];
}

export interface DemoDataset extends DemoBase {
  vacancies: DemoVacancy[];
  candidates: DemoCandidate[];
}

export interface DemoOptions {
  seed: number;
  vacancies?: number;
  candidates?: number;
  employers?: number;
  /** Defaults to the current UTC day. */
  today?: Date;
  /** The CPIs to populate and their loaded catchments; the seeded CPIs by default (demoCpis). */
  cpis?: readonly Cpi[];
  catchment?: readonly CatchmentRow[];
}

/** Staff, employers and employer users. Pure: seed, sizes and reference data in, records out. */
export function generateDemoBase(seed: number, employerCount: number, today: Date = utcDay(new Date()), territory: Territory = demoTerritory()): DemoBase {
  const root = new SeededRandom(seed, "vetrina-demo");
  const pool = occupationPool();
  const emails = new EmailRegistry();
  const staff = generateStaff(root.fork("staff"), territory, emails, today);
  const employerRng = root.fork("employers");
  const generator = new EmployerGenerator(employerRng, territory, pool, emails, today);
  const employers = Array.from({ length: employerCount }, () => generator.generate());
  // An HR user for about a quarter of the employers; the first one always, so the role is never missing.
  const employerUsers = employers.filter((_, i) => i === 0 || employerRng.chance(0.25)).map((e) => generator.employerUser(e));
  return { seed, today: utcDay(today), territory, pool, staff, employers, users: [...staff.users, ...employerUsers] };
}

export function vacancyGenerator(base: DemoBase): VacancyGenerator {
  return new VacancyGenerator(new SeededRandom(base.seed, "vetrina-demo/vacancies"), base.territory, base.pool, base.staff, base.employers, base.today);
}

export function personGenerator(base: DemoBase): PersonGenerator {
  return new PersonGenerator(base.seed, base.territory, base.pool, base.staff, base.today);
}

/** The whole demo in memory. */
export function generateDemoDataset(options: DemoOptions): DemoDataset {
  const vacancies = options.vacancies ?? DEMO_SIZES.vacancies;
  const candidates = options.candidates ?? DEMO_SIZES.candidates;
  const territory = demoTerritory(options.cpis, options.catchment);
  const base = generateDemoBase(options.seed, options.employers ?? defaultEmployerCount(vacancies), options.today, territory);
  const vg = vacancyGenerator(base);
  const pg = personGenerator(base);
  return {
    ...base,
    vacancies: Array.from({ length: vacancies }, () => vg.generate()),
    candidates: Array.from({ length: candidates }, (_, i) => pg.generate(i)),
  };
}
