/**
 * The `x-gen-auth-client` extension (docs/extension.md) is checked against its JSON Schema
 * (schemas/x-gen-auth-client.schema.json) at load, so a typo in a declared quirk is a
 * located error, not a client that silently does the standard thing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { DiagnosticError, toPointer, type Diagnostic } from "../diagnostics/diagnostic.js";
import { packageRoot } from "../emit/paths.js";
import { isObject, type JsonObject } from "./json.js";
import type { Locate } from "./locate.js";

export const EXTENSION = "x-gen-auth-client";

let validators: { root: ValidateFunction; securityScheme: ValidateFunction } | undefined;

function compile(): NonNullable<typeof validators> {
  const schema = JSON.parse(readFileSync(join(packageRoot, "schemas", `${EXTENSION}.schema.json`), "utf8")) as { $id: string };
  // Formats are not checked (Ajv needs a plugin for them); the runtime parses URLs itself.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema(schema);
  return {
    root: ajv.getSchema(`${schema.$id}#/definitions/root`)!,
    securityScheme: ajv.getSchema(`${schema.$id}#/definitions/securityScheme`)!,
  };
}

function describe(error: ErrorObject): string {
  if (error.keyword === "additionalProperties") {
    return `unknown property "${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
  }
  if (error.keyword === "enum") {
    return `must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return error.message ?? "is not valid";
}

/** Every `x-gen-auth-client` in the document (root and each security scheme), checked. */
export function checkExtensions(file: string, document: JsonObject, locate: Locate): void {
  validators ??= compile();
  const found: { at: (string | number)[]; value: unknown; validate: ValidateFunction }[] = [];
  if (EXTENSION in document) found.push({ at: [EXTENSION], value: document[EXTENSION], validate: validators.root });
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (isObject(scheme) && EXTENSION in scheme) {
      found.push({ at: ["components", "securitySchemes", name, EXTENSION], value: scheme[EXTENSION], validate: validators.securityScheme });
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const { at, value, validate } of found) {
    if (validate(value)) continue;
    for (const error of validate.errors ?? []) {
      // An unknown property is reported at the property itself, where the typo is.
      const extra = error.keyword === "additionalProperties" ? toPointer([(error.params as { additionalProperty: string }).additionalProperty]) : "";
      const pointer = toPointer(at) + error.instancePath + extra;
      diagnostics.push({ severity: "error", file, pointer, ...locate(pointer), message: `${EXTENSION}: ${describe(error)}` });
    }
  }
  if (diagnostics.length > 0) throw new DiagnosticError(diagnostics);
}
