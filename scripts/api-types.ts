// Writes src/api-client/openapi-types.ts from the OpenAPI document of the routes (no database needed).
// Usage: npm run api:types
import fs from "node:fs";
import { loadEnv } from "../src/config/env.js";
import { createLogger } from "../src/logging/logger.js";
import { createApp } from "../src/api/app.js";
import { buildOpenApiDocument } from "../src/api/openapi.js";
import type { AppContext } from "../src/context.js";
import { OPENAPI_TYPES_FILE, openApiTypesSource } from "../src/api-client/generate-types.js";

const env = loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" });
// Mounting the routes registers their contracts; no handler runs, so no store or index is opened.
createApp({ env, log: createLogger(env) } as AppContext);
fs.writeFileSync(OPENAPI_TYPES_FILE, await openApiTypesSource(buildOpenApiDocument()));
console.log(`${OPENAPI_TYPES_FILE} scritto`);
