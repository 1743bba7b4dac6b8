import type { z } from "zod";

export interface FieldError {
  field: string;
  message: string;
}

/** Stable machine-readable codes; clients switch on these, never on the Italian message. */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_UPLOAD: 400,
  UNKNOWN_REFERENCE: 422,
  TOO_MANY_ROWS: 422,
  NOT_QUALIFIED: 422,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.status = ERROR_CODES[code];
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

/** Parses input with a zod schema, turning failures into a 400 that names every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where = ""): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError("VALIDATION_FAILED", "Dati non validi: correggere i campi indicati.", fieldsFromZod(result.error, where));
  }
  return result.data;
}
