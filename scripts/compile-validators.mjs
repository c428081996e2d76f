// Part of `npm run build`, after tsc: writes the OpenAPI schema validators as standalone code
// into dist/load/validators/, where dist/load/openapi-schema.js loads them instead of compiling
// the schemas in every process (see there).
import { mkdirSync, writeFileSync } from "node:fs";
import { validatorSource } from "../dist/load/openapi-schema.js";

const folder = new URL("../dist/load/validators/", import.meta.url);
mkdirSync(folder, { recursive: true });
for (const family of ["3.0", "3.1"]) {
  writeFileSync(new URL(`openapi-${family}.cjs`, folder), validatorSource(family));
}
