/**
 * The OpenAPI schema validators `npm run build` precompiles into dist/load/validators/ (standalone
 * code, loaded instead of compiling the schemas in every process) must answer exactly as the
 * validators compiled in process, which the rest of the load tests exercise.
 */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { ValidateFunction } from "ajv";
import { openApiSchemaErrors, type Family } from "../../src/load/openapi-schema.js";

const require = createRequire(import.meta.url);
const built = (family: Family) => resolve(import.meta.dirname, `../../dist/load/validators/openapi-${family}.cjs`);

const documents: Record<Family, unknown[]> = {
  "3.0": [
    { openapi: "3.0.3", info: { title: "ok", version: "1" }, paths: {} },
    { openapi: "3.0.3", info: { title: "no version" }, paths: { "/a": { get: { responses: { "2000": {} } } } } },
    { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { securitySchemes: { K: { type: "apiKey", in: "body", name: "k" } } } },
  ],
  "3.1": [
    { openapi: "3.1.0", info: { title: "ok", version: "1" }, paths: {} },
    { openapi: "3.1.0", info: { title: "t", version: "1" }, webhooks: { a: { post: { responses: { "200": {} } } } }, extra: 1 },
    { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/a": { get: { parameters: [{ in: "query" }], responses: {} } } } },
  ],
};

describe.each(["3.0", "3.1"] as const)("the %s validator npm run build wrote", (family) => {
  it("exists in dist/", () => {
    expect(existsSync(built(family))).toBe(true);
  });

  it("reports what the validator compiled in process reports, error for error", () => {
    const precompiled = require(built(family)) as ValidateFunction;
    const answers = documents[family].map((document) => (precompiled(document) ? [] : precompiled.errors));
    expect(answers[0]).toEqual([]);
    expect(answers.slice(1).every((errors) => (errors?.length ?? 0) > 0)).toBe(true);
    expect(answers).toEqual(documents[family].map((document) => openApiSchemaErrors(family, document)));
  });
});
