import { foldName } from "../reference/fold-name.js";
import type { Role } from "../auth/actor.js";
import { demoId, EmailRegistry, emailLocalPart, italianName } from "./people.js";
import type { SeededRandom } from "./seeded-random.js";
import type { Territory } from "./territory.js";

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  cpiCodes: string[];
  employerId: string | null;
  createdAt: Date;
}

export interface DemoStaff {
  users: DemoUser[];
  referentByCpi: Map<string, DemoUser>;
  tutorsByCpi: Map<string, DemoUser[]>;
  navigatorsByCpi: Map<string, DemoUser[]>;
}

/** CPIs that always get a navigator, so the demo shows every role in the two largest areas. */
const NAVIGATOR_CPIS = new Set(["TO-TORINO-VIA-BOLOGNA", "MI-MILANO"]);

function cpiDomain(cpiCode: string): string {
  return `cpi-${cpiCode.toLowerCase()}.example.it`;
}

/**
 * The people who run the showcase: the regional agencies' administrators, and per CPI an offer referent,
 * tutors (more in the large areas) and, in some CPIs, a navigator.
 */
export function generateStaff(rng: SeededRandom, territory: Territory, emails: EmailRegistry, today: Date): DemoStaff {
  const users: DemoUser[] = [];
  const referentByCpi = new Map<string, DemoUser>();
  const tutorsByCpi = new Map<string, DemoUser[]>();
  const navigatorsByCpi = new Map<string, DemoUser[]>();
  const make = (role: Role, cpiCodes: string[], domain: string): DemoUser => {
    const n = italianName(rng);
    const user: DemoUser = {
      id: demoId(rng),
      name: `${n.firstName} ${n.lastName}`,
      email: emails.claim(emailLocalPart(n.firstName, n.lastName), domain),
      role,
      cpiCodes,
      employerId: null,
      createdAt: today,
    };
    users.push(user);
    return user;
  };

  // One administrator per regional agency of the regions covered.
  for (const region of territory.regions) make("admin", [], `agenzia-lavoro-${foldName(region.name).replace(/[^a-z]+/g, "-")}.example.it`);
  for (const area of territory.areas) {
    const code = area.cpi.code;
    const domain = cpiDomain(code);
    referentByCpi.set(code, make("referent", [code], domain));
    const tutors = Array.from({ length: area.weight >= 4 ? 3 : area.weight >= 2 ? 2 : rng.int(1, 2) }, () => make("tutor", [code], domain));
    tutorsByCpi.set(code, tutors);
    if (NAVIGATOR_CPIS.has(code) || rng.chance(0.35)) navigatorsByCpi.set(code, [make("navigator", [code], domain)]);
  }
  // Every role shows in any region: a region with few CPIs may have drawn no navigator.
  const heaviest = [...territory.areas].sort((a, b) => b.weight - a.weight)[0];
  if (navigatorsByCpi.size === 0 && heaviest) navigatorsByCpi.set(heaviest.cpi.code, [make("navigator", [heaviest.cpi.code], cpiDomain(heaviest.cpi.code))]);
  return { users, referentByCpi, tutorsByCpi, navigatorsByCpi };
}
