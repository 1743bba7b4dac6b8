import { z } from "zod";
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";

// Italian messages for every zod failure users see; OpenAPI metadata on every schema.
z.config(z.locales.it());
extendZodWithOpenApi(z);

export { z };
