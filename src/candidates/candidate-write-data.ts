import type { CandidateCreateInput, CandidateUpdateInput } from "./candidate-schemas.js";

/**
 * Turns validated input into Prisma write data. Nested lists are replaced whole when sent, so a
 * correction of the work history never leaves stale rows behind.
 */
export function candidateWriteData(input: CandidateUpdateInput | CandidateCreateInput, replace: boolean) {
  const { programmes, experiences, trainings, ...scalars } = input;
  const nested = <T>(items: T[] | undefined) =>
    items === undefined ? undefined : replace ? { deleteMany: {}, create: items } : { create: items };
  return {
    ...Object.fromEntries(Object.entries(scalars).filter(([, v]) => v !== undefined)),
    programmes: nested(programmes),
    experiences: nested(experiences),
    trainings: nested(trainings),
  };
}
