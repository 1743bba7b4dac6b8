import { personTaxCode } from "../../src/demo/tax-codes.js";

/**
 * The n-th of a series of distinct, valid codici fiscali that agree with the default names of
 * `candidateBody` (Maria Rossi, born in Torino): the birth date moves by one day per n.
 */
export function mariaRossiTaxCode(n: number): string {
  return personTaxCode({ lastName: "Rossi", firstName: "Maria", sex: "F", birthDate: new Date(Date.UTC(1960, 0, 1 + n)), birthPlaceCode: "L219" });
}
