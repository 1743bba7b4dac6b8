import { z } from "./zod-setup.js";

type Optionalised<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>, z.input<T[K]>>> };

/**
 * The shape of a partial update from the shape of a create: every field optional and, crucially,
 * without its default, so a field left out of a PATCH keeps its stored value instead of being reset.
 */
export function partialUpdateShape<T extends z.ZodRawShape>(shape: T): Optionalised<T> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => {
      const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType);
      return [key, inner.optional()];
    }),
  ) as Optionalised<T>;
}
