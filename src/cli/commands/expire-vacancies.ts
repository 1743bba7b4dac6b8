import type { AppContext } from "../../context.js";
import { expireStaleVacancies } from "../../jobs/expire-vacancies/expire-vacancies.js";

export async function run(ctx: AppContext): Promise<number> {
  const { expired } = await expireStaleVacancies(ctx);
  console.log(`Offerte scadute: ${expired.length}`);
  return 0;
}
