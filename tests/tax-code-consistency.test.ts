import { describe, expect, it } from "vitest";
import { ageOn, birthDateFromTaxCode } from "../src/candidates/birth-date.js";
import { birthPartOf, taxCodeDisagreements } from "../src/candidates/tax-code-consistency.js";
import { personTaxCode } from "../src/demo/tax-codes.js";
import { firstNameLetters, surnameLetters, taxCodeCheckCharacter } from "../src/validation/tax-code-letters.js";
import { FOREIGN_GROUPS, ITALIAN_FEMALE_NAMES, ITALIAN_MALE_NAMES, ITALIAN_SURNAMES } from "../src/demo/names.js";
import { isValidPersonTaxCode, withoutOmocodia } from "../src/validation/tax-code.js";
import { useTestApp } from "./helpers/test-app.js";
import { candidateBody } from "./helpers/sample-bodies.js";
import { mariaRossiTaxCode } from "./helpers/consistent-tax-codes.js";

/** The code with its i-th from the right digit positions replaced by omocodia letters, check character recomputed. */
function omocode(code: string, substitutions: number): string {
  const positions = [14, 13, 12, 10, 9, 7, 6].slice(0, substitutions);
  const chars = [...code.slice(0, 15)];
  for (const i of positions) chars[i] = "LMNPQRSTUV"[Number(chars[i])]!;
  const first15 = chars.join("");
  return first15 + taxCodeCheckCharacter(first15);
}

describe("surname and first-name letters", () => {
  const surnames: [string, string][] = [
    ["Rossi", "RSS"], // consonants first
    ["Bianchi", "BNC"],
    ["Fo", "FOX"], // too short: vowels, then X
    ["Ai", "AIX"],
    ["Oe", "OEX"],
    ["Hu", "HUX"],
    ["Esposito", "SPS"],
    ["De Luca", "DLC"], // spaces ignored
    ["D'Angelo", "DNG"], // apostrophes ignored
    ["Nicolò", "NCL"], // accents dropped
    ["Audisio", "DSA"],
  ];
  it.each(surnames)("surname %s → %s", (name, letters) => expect(surnameLetters(name)).toBe(letters));

  const names: [string, string][] = [
    ["Maria", "MRA"],
    ["Marco", "MRC"], // three consonants: all of them
    ["Gianfranco", "GFR"], // four or more: 1st, 3rd, 4th
    ["Alessandro", "LSN"],
    ["Federica", "FRC"],
    ["Luca", "LCU"],
    ["Ugo", "GUO"],
    ["Al", "LAX"],
    ["Maria Grazia", "MGR"],
  ];
  it.each(names)("first name %s → %s", (name, letters) => expect(firstNameLetters(name)).toBe(letters));
});

describe("birth date, sex and omocodia", () => {
  const months = "ABCDEHLMPRST";
  it.each([...months].map((letter, i) => [letter, i + 1] as const))("month letter %s is month %i", (letter, month) => {
    const code = personTaxCode({ lastName: "Rossi", firstName: "Mario", sex: "M", birthDate: new Date(Date.UTC(1985, month - 1, 10)), birthPlaceCode: "A562" });
    expect(code[8]).toBe(letter);
    expect(birthPartOf(code)).toEqual({ twoDigitYear: 85, month, day: 10, sex: "M" });
  });

  it("women's days are increased by 40", () => {
    const code = personTaxCode({ lastName: "Rossi", firstName: "Maria", sex: "F", birthDate: new Date(Date.UTC(1992, 2, 5)), birthPlaceCode: "L219" });
    expect(code.slice(9, 11)).toBe("45");
    expect(birthPartOf(code)).toEqual({ twoDigitYear: 92, month: 3, day: 5, sex: "F" });
    expect(taxCodeDisagreements(code, { sex: "F", birthDate: new Date("1992-03-05T00:00:00Z") })).toEqual([]);
    expect(taxCodeDisagreements(code, { sex: "M" }).map((p) => p.field)).toEqual(["taxCode", "sex"]);
    expect(taxCodeDisagreements(code, { birthDate: new Date("1992-03-06T00:00:00Z") }).map((p) => p.field)).toEqual(["taxCode", "birthDate"]);
  });

  it("omocodia letters read back as the digits they replace, at every level", () => {
    const base = "RSSMRA85T10A562S";
    expect(withoutOmocodia("RSSMRA85T10A56NS")).toBe("RSSMRA85T10A562S");
    for (let level = 1; level <= 7; level++) {
      const code = omocode(base, level);
      expect(isValidPersonTaxCode(code), code).toBe(true);
      expect(withoutOmocodia(code).slice(0, 15)).toBe(base.slice(0, 15));
      expect(taxCodeDisagreements(code, { lastName: "Rossi", firstName: "Mario", sex: "M", birthDate: new Date("1985-12-10T00:00:00Z") })).toEqual([]);
    }
  });

  it("a disagreement names the tax code and the field, in Italian", () => {
    const problems = taxCodeDisagreements("RSSMRA85T10A562S", { lastName: "Bianchi", firstName: "Mario" });
    expect(problems.map((p) => p.field)).toEqual(["taxCode", "lastName"]);
    expect(problems[0]!.message).toContain("cognome");
    expect(problems[1]!.message).toMatch(/non corrisponde.*«BNC».*«RSS»/);
  });

  it("every demo name makes a code that agrees with it (the demo tax codes still pass)", () => {
    const people = [
      ...ITALIAN_SURNAMES.flatMap((lastName) => [...ITALIAN_MALE_NAMES.map((firstName) => ({ firstName, lastName, sex: "M" as const })), ...ITALIAN_FEMALE_NAMES.map((firstName) => ({ firstName, lastName, sex: "F" as const }))]),
      ...FOREIGN_GROUPS.flatMap((g) => g.surnames.flatMap((lastName) => [...g.male.map((firstName) => ({ firstName, lastName, sex: "M" as const })), ...g.female.map((firstName) => ({ firstName, lastName, sex: "F" as const }))])),
    ];
    const birthDate = new Date("1980-07-31T00:00:00Z");
    const disagreeing = people.filter((p) => taxCodeDisagreements(personTaxCode({ ...p, birthDate, birthPlaceCode: "L219" }), { ...p, birthDate }).length > 0);
    expect(people.length).toBeGreaterThan(1000);
    expect(disagreeing).toEqual([]);
  });
});

describe("the API refuses a tax code that disagrees with the person's names", () => {
  const h = useTestApp();
  const counts = async () => ({ candidates: await h.t.ctx.db.candidate.count(), indexed: await h.t.ctx.index.count("candidates") });

  it("on registration: 400 naming the tax code and the surname; nothing written", async () => {
    const before = await counts();
    const res = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(1), { lastName: "Bianchi" }));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(["taxCode", "lastName"]);
    expect(await counts()).toEqual(before);
  });

  it("on registration an omocode agrees as the plain code does", async () => {
    const res = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(omocode(mariaRossiTaxCode(2), 3)));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it("on update: a changed tax code must agree with the stored names, changed names with the stored tax code", async () => {
    const created = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(3)));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/api/v1/candidates/${created.body.id}`;
    const marta = personTaxCode({ lastName: "Rossi", firstName: "Marta", sex: "F", birthDate: new Date("1985-12-10T00:00:00Z"), birthPlaceCode: "A562" });

    const badCode = await h.as(h.p.admin).patch(path, { taxCode: marta });
    expect(badCode.status).toBe(400);
    expect(badCode.body.fields.map((f: { field: string }) => f.field)).toEqual(["taxCode", "firstName"]);

    const badName = await h.as(h.p.admin).patch(path, { firstName: "Marta" });
    expect(badName.status).toBe(400);
    expect(badName.body.fields.map((f: { field: string }) => f.field)).toEqual(["taxCode", "firstName"]);
    expect((await h.t.ctx.db.candidate.findUniqueOrThrow({ where: { id: created.body.id } })).firstName).toBe("Maria");

    // Both changed together, agreeing: accepted.
    const both = await h.as(h.p.admin).patch(path, { taxCode: marta, firstName: "Marta" });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(both.body).toMatchObject({ taxCode: marta, firstName: "Marta" });
  });

  it("a record that already disagreed (older data) may still be edited in its other fields", async () => {
    const created = await h.as(h.p.admin).post("/api/v1/candidates", candidateBody(mariaRossiTaxCode(4)));
    await h.t.ctx.db.candidate.update({ where: { id: created.body.id }, data: { lastName: "Bianchi" } });
    const res = await h.as(h.p.admin).patch(`/api/v1/candidates/${created.body.id}`, { email: "nuova@example.it" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe("the birth date a codice fiscale encodes", () => {
  const today = new Date("2026-12-01T00:00:00Z");
  it("settles the century so nobody is younger than 14, and counts whole years", () => {
    // Day 41 is the 1st for a woman; the check character is computed for each body.
    const young = (body: string) => body + taxCodeCheckCharacter(body);
    expect(birthDateFromTaxCode(young("RSSMRA09C41L219"), today)).toBe("2009-03-01");
    expect(birthDateFromTaxCode(young("RSSMRA14C41L219"), today)).toBe("1914-03-01");
    expect(birthDateFromTaxCode(young("RSSMRA85T10L219"), today)).toBe("1985-12-10");
    expect(ageOn("2009-03-01", today)).toBe(17);
    expect(ageOn("2008-12-01", today)).toBe(18);
    expect(ageOn("2008-12-02", today)).toBe(17);
    expect(birthDateFromTaxCode("NOT-A-TAX-CODE", today)).toBeNull();
  });
});
