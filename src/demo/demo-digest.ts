import { createHash } from "node:crypto";
import type { Db } from "../db/client.js";
import type { DemoDataset } from "./demo-dataset.js";

const sha256 = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Fingerprint of generated records: equal seeds and days give equal digests. */
export function datasetDigest(d: Pick<DemoDataset, "users" | "employers" | "vacancies" | "candidates">): string {
  return sha256([d.users, d.employers, d.vacancies, d.candidates]);
}

/** Fingerprint of what a seed left in the store (people, offers, employers, users), read back in id order. */
export async function storeDigest(db: Db): Promise<string> {
  // Related rows are read table by table: an include over thousands of parents would exceed the
  // adapter's limit on bound parameters.
  const tables = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.userCpi.findMany({ orderBy: [{ userId: "asc" }, { cpiCode: "asc" }] }),
    db.employer.findMany({ orderBy: { id: "asc" } }),
    db.vacancy.findMany({ orderBy: { id: "asc" } }),
    db.vacancyStatusChange.findMany({ orderBy: { id: "asc" } }),
    db.candidate.findMany({ orderBy: { id: "asc" } }),
    db.candidateProgramme.findMany({ orderBy: { id: "asc" } }),
    db.workExperience.findMany({ orderBy: { id: "asc" } }),
    db.training.findMany({ orderBy: { id: "asc" } }),
  ]);
  return sha256(tables);
}
