import type { z } from "zod";

export interface FieldError {
  field: string;
  message: string;
}

/** Stable machine-readable codes; clients switch on these, never on the Italian message. */
export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "MALFORMED_JSON",
  "MALFORMED_UPLOAD",
  "UNKNOWN_REFERENCE",
  "TOO_MANY_ROWS",
  "NOT_QUALIFIED",
  "EXCLUDED_NEEDS_CONFIRMATION",
  "VACANCY_CLOSED",
  "INVALID_TRANSITION",
  "CONFLICT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refusal or failure any layer may throw; what it means on the wire is the HTTP layer's business. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} non trovato/a.`);
export const forbidden = (reason: string) => new AppError("FORBIDDEN", reason);

export function fieldsFromZod(error: z.ZodError, prefix = ""): FieldError[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    // Unknown keys are reported on the object; name them so the client sees which field to drop.
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => (path ? `${path}.${k}` : k)) : null;
    return { field: keys ? keys.join(", ") : path || "(corpo)", message: issue.message };
  });
}

/** Parses input with a zod schema, turning failures into VALIDATION_FAILED naming every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where = ""): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError("VALIDATION_FAILED", "Dati non validi: correggere i campi indicati.", fieldsFromZod(result.error, where));
  }
  return result.data;
}
