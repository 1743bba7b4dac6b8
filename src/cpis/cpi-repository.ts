import type { DbTx } from "../db/client.js";
import { notFound } from "../errors/app-error.js";
import type { CatchmentView, CpiView } from "./cpi-schemas.js";

const include = { comune: { select: { istatCode: true, name: true } }, _count: { select: { catchment: true } } } as const;

type CpiWithCounts = NonNullable<Awaited<ReturnType<typeof findCpiRow>>>;

function findCpiRow(db: DbTx, code: string) {
  return db.cpi.findUnique({ where: { code }, include });
}

export function cpiView(c: CpiWithCounts): CpiView {
  return {
    code: c.code,
    name: c.name,
    provinceAcronym: c.provinceAcronym,
    comune: { istatCode: c.comune.istatCode, name: c.comune.name },
    address: c.address,
    email: c.email,
    provisional: c.provisional,
    closedAt: c.closedAt?.toISOString() ?? null,
    catchmentSize: c._count.catchment,
  };
}

export async function readCpi(db: DbTx, code: string): Promise<CpiView> {
  const cpi = await findCpiRow(db, code);
  if (!cpi) throw notFound("CPI");
  return cpiView(cpi);
}

/** Every CPI (closed ones too: their records remain), by province and name; optionally the one serving a comune. */
export async function listCpis(db: DbTx, filter: { province?: string | undefined; comune?: string | undefined }): Promise<CpiView[]> {
  const cpis = await db.cpi.findMany({
    where: {
      ...(filter.province ? { provinceAcronym: filter.province.toUpperCase() } : {}),
      ...(filter.comune ? { catchment: { some: { comuneIstatCode: filter.comune } } } : {}),
    },
    include,
    orderBy: [{ provinceAcronym: "asc" }, { name: "asc" }],
  });
  return cpis.map(cpiView);
}

export async function readCatchment(db: DbTx, code: string, moved: CatchmentView["moved"] = []): Promise<CatchmentView> {
  if (!(await db.cpi.findUnique({ where: { code } }))) throw notFound("CPI");
  const rows = await db.cpiCatchment.findMany({
    where: { cpiCode: code },
    include: { comune: { select: { istatCode: true, name: true, provinceAcronym: true } } },
    orderBy: { comune: { nameNormalized: "asc" } },
  });
  return { cpiCode: code, comuni: rows.map((r) => r.comune), moved };
}

/**
 * Makes `istatCodes` the whole catchment of the CPI: comuni served by another CPI move to this one
 * (returned, so the caller can say so), comuni no longer listed are served by none until assigned.
 */
export async function replaceCatchment(tx: DbTx, cpiCode: string, istatCodes: readonly string[]): Promise<CatchmentView["moved"]> {
  const wanted = [...new Set(istatCodes)];
  const others = await tx.cpiCatchment.findMany({ where: { comuneIstatCode: { in: wanted }, cpiCode: { not: cpiCode } } });
  await tx.cpiCatchment.deleteMany({ where: { cpiCode, comuneIstatCode: { notIn: wanted } } });
  await tx.cpiCatchment.deleteMany({ where: { comuneIstatCode: { in: others.map((o) => o.comuneIstatCode) } } });
  const present = new Set((await tx.cpiCatchment.findMany({ where: { cpiCode }, select: { comuneIstatCode: true } })).map((r) => r.comuneIstatCode));
  const missing = wanted.filter((c) => !present.has(c));
  if (missing.length > 0) await tx.cpiCatchment.createMany({ data: missing.map((comuneIstatCode) => ({ comuneIstatCode, cpiCode })) });
  return others.map((o) => ({ istatCode: o.comuneIstatCode, fromCpiCode: o.cpiCode }));
}
