/**
 * Validation against the OpenAPI JSON Schemas (2.0, 3.0, 3.1), turned into located diagnostics:
 * Ajv directly for OpenAPI 3.x (the schemas and settings swagger-parser uses), swagger-parser
 * for Swagger 2.0.
 *
 * How swagger-parser 12 reports problems (checked against lib/validators/*.js):
 * - schema errors: one `SyntaxError` whose message lists every Ajv error ("Swagger schema
 *   validation failed.\n  #/paths/~1x/get must have ...") and whose `details` is Ajv's `errors`
 *   array ({instancePath, schemaPath, keyword, params, message}; `instancePath` is already an
 *   RFC 6901 pointer). Ajv runs with allErrors and `validateFormats: false`, so formats such as
 *   `email` are never checked (the 1NCE document's contact e-mail is not an address).
 * - Swagger 2.0 "spec" checks: a `SyntaxError` for the first problem only, with a message such
 *   as "Validation failed. /paths/users/{id}/get has ..." (the path is not pointer-escaped).
 * - version gates in `parse` that throw before validating (see bundle.ts `parserCompatible`).
 */
import { DiagnosticError, fromPointer, toPointer, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parserCompatible } from "./bundle.js";
import { dereferencedView } from "./dereference.js";
import { clip, getAt, isObject, pointerThroughRefs, shortMessage, type JsonObject } from "./json.js";
import type { Locate } from "./locate.js";
import { sortByFileThenLine } from "./refs.js";
import { checkVariants } from "./variants.js";
import type { VersionFamily } from "./version.js";

const MAX_DIAGNOSTICS = 20;

export interface Problem {
  pointer?: string;
  message: string;
}

/**
 * Fields that only document the API (OpenAPI 3.1 §4.8.2 Info, §4.8.3 Contact, §4.8.4 License,
 * §4.8.11 External Documentation). Generated code never reads them, and the documents users
 * generate from are often vendors' they cannot fix: a problem there is a warning, and the bad
 * value is dropped so that what the model stage receives is valid.
 */
const DOCUMENTATION_ONLY = /^\/(info\/(contact|license|termsOfService)|externalDocs|tags\/\d+\/externalDocs)(\/|$)/;

/**
 * Validates `data` (bundled, not yet converted) and throws a DiagnosticError listing up to 20
 * problems, sorted by line. Problems in documentation-only fields come back as warnings, and
 * the offending values are removed from `data`.
 */
export async function validateDocument(file: string, data: JsonObject, family: VersionFamily, locate: Locate): Promise<Diagnostic[]> {
  const problems: Problem[] = [];
  // Checks swagger-parser makes by throwing before it validates anything; report them as the
  // schema would, and let validation of the rest go on.
  if (family === "3.0" && data.paths === undefined) problems.push({ pointer: "", message: "must have required property 'paths'" });
  if (family === "3.1" && data.paths === undefined && data.webhooks === undefined && data.components === undefined) {
    // 3.1 §4.8.1: "at least one of the components, paths, or webhooks fields MUST be present".
    problems.push({ pointer: "", message: "must have at least one of 'paths', 'components' or 'webhooks'" });
  }
  if (isObject(data.info) && typeof data.info.version === "number") {
    problems.push({ pointer: "/info/version", message: "must be string (YAML read a number: put the version in quotes)" });
  }

  const variants = checkVariants(data, family);
  problems.push(...variants.problems);
  const explained = (pointer: string | undefined) =>
    pointer !== undefined && variants.objects.some((o) => pointer === o || pointer.startsWith(`${o}/`));

  problems.push(...throughRefs(await schemaProblems(data, family), data).filter((p) => !explained(p.pointer)));

  const located = (p: Problem, severity: Diagnostic["severity"], message: string): Diagnostic => ({
    severity,
    file,
    ...(p.pointer === undefined ? {} : { pointer: p.pointer, ...locate(p.pointer) }),
    message,
  });
  const ignored = problems.filter((p) => p.pointer !== undefined && DOCUMENTATION_ONLY.test(p.pointer));
  const errors = problems.filter((p) => !ignored.includes(p));
  if (errors.length > 0) {
    throw new DiagnosticError(sortByFileThenLine(dedupe(errors.map((p) => located(p, "error", p.message)))).slice(0, MAX_DIAGNOSTICS));
  }
  const warnings = dedupe(ignored.map((p) => located(p, "warning", `${p.message}; ignored, as documentation-only fields are not used`)));
  for (const pointer of new Set(ignored.map((p) => p.pointer!))) removeAt(data, pointer);
  return sortByFileThenLine(warnings);
}

/**
 * swagger-parser validates a `$ref`'d value again at each place that refers to it, and reports
 * the problems there, under a pointer no line answers. Such a problem is moved to where the value
 * is written, and dropped if it is reported there already; otherwise it names the `$ref` too,
 * since the value may be fine where it is and wrong only where it is used (a parameter used as
 * a schema's `items`, enode.io).
 */
function throughRefs(problems: Problem[], data: JsonObject): Problem[] {
  const written = new Set(problems.map((p) => `${p.pointer}\u0000${p.message}`));
  return problems.flatMap((p) => {
    if (p.pointer === undefined) return [p];
    const { path, via } = pointerThroughRefs(data, fromPointer(p.pointer));
    if (via === undefined) return [p];
    const pointer = toPointer(path);
    if (written.has(`${pointer}\u0000${p.message}`)) return [];
    return [{ pointer, message: `${p.message}, where the $ref at ${toPointer(via) || "/"} uses it` }];
  });
}

function removeAt(root: JsonObject, pointer: string): void {
  const segments = fromPointer(pointer);
  const last = segments.pop();
  const parent = getAt(root, segments);
  if (last === undefined || !parent.found) return;
  if (Array.isArray(parent.value)) parent.value.splice(Number(last), 1);
  else if (isObject(parent.value)) delete parent.value[last];
}

/**
 * The OpenAPI schema's complaints, on a dereferenced view of the document (dereference.ts says
 * why). OpenAPI 3.x: Ajv with validators compiled once per process (openapi-schema.ts). Swagger
 * 2.0 documents still go through swagger-parser, whose 2.0 checks beyond the schema (path
 * parameters, duplicate operation ids) have no equivalent here; they are converted to 3.0 and
 * validated again this way.
 */
async function schemaProblems(data: JsonObject, family: VersionFamily): Promise<Problem[]> {
  const { input } = parserCompatible(data, family, false);
  if (family !== "2.0") {
    const { openApiSchemaErrors } = await import("./openapi-schema.js");
    const errors = openApiSchemaErrors(family, dereferencedView(input));
    return errors.length === 0 ? [] : fromAjvErrors(errors as AjvError[]);
  }
  const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
  try {
    await SwaggerParser.validate(structuredClone(input) as never, {
      resolve: { http: false, external: false },
      // Circular schemas are fine for a generator; do not dereference them a second time.
      dereference: { circular: "ignore" },
    } as never);
    return [];
  } catch (error) {
    return problemsFrom(error, data);
  }
}

function problemsFrom(error: unknown, data: JsonObject): Problem[] {
  const details = (error as { details?: unknown } | null)?.details;
  if (Array.isArray(details) && details.length > 0) return fromAjvErrors(details as AjvError[]);
  const message = shortMessage(error).replace(/^Validation failed\.\s*/, "");
  return [{ ...pointerOfSpecMessage(message, data), message }];
}

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Keywords whose error only summarises errors reported under it. */
const SUMMARY = new Set(["oneOf", "anyOf", "allOf", "if", "then", "else", "not", "$ref"]);

/**
 * Ajv reports every failed branch of every `oneOf`; in the OpenAPI schemas most objects are
 * "X or Reference Object", so one mistake yields a cascade ("must have required property
 * '$ref'", "must match exactly one schema in oneOf"...). Keep the errors that say what to fix.
 * (Security schemes and parameters, where the cascade is worst, are checked by variants.ts.)
 */
export function fromAjvErrors(errors: readonly AjvError[]): Problem[] {
  const kept: AjvError[] = [];
  let referenceBranchAt: string | undefined;
  for (const e of errors) {
    // The Reference Object branch: 3.0 `Reference`, 3.1 `$defs/reference`, 2.0 `jsonReference`
    // (which also forbids other properties: its errors follow its "required '$ref'" one).
    if (e.keyword === "required" && e.params.missingProperty === "$ref") {
      referenceBranchAt = e.instancePath;
      continue;
    }
    if (referenceBranchAt === e.instancePath && e.keyword === "additionalProperties") continue;
    referenceBranchAt = undefined;
    if (SUMMARY.has(e.keyword) || /\/(Reference|reference|jsonReference)\//.test(e.schemaPath)) continue;
    kept.push(e);
  }

  // `type: strin` in a 2.0 schema fails both "one of the simple types" and "an array of them";
  // the enum says what to write.
  const enumAt = new Set(kept.filter((e) => e.keyword === "enum").map((e) => e.instancePath));
  const problems: Problem[] = [];
  // The same complaint from several branches is merged: `in` must be one of path | query | ...
  const merged = new Map<string, { pointer: string; keyword: string; values: unknown[] }>();
  for (const e of kept) {
    if (e.keyword === "type" && enumAt.has(e.instancePath)) continue;
    const keyword = e.keyword === "const" ? "enum" : e.keyword;
    const values =
      e.keyword === "enum" ? asArray(e.params.allowedValues) : e.keyword === "const" ? [e.params.allowedValue] : e.keyword === "type" ? asArray(e.params.type) : undefined;
    if (!values) {
      problems.push(describe(e));
      continue;
    }
    const key = `${e.instancePath}\u0000${keyword}`;
    const entry = merged.get(key);
    if (entry) entry.values.push(...values);
    else merged.set(key, { pointer: e.instancePath, keyword, values: [...values] });
  }
  for (const { pointer, keyword, values } of merged.values()) {
    const unique = [...new Set(values.map((v) => (keyword === "type" ? String(v) : JSON.stringify(v))))];
    problems.push({
      pointer,
      message: keyword === "type" ? `must be ${unique.join(" or ")}` : `must be one of ${clip(unique.join(", "), 200)}`,
    });
  }
  return problems;
}

function describe(e: AjvError): Problem {
  const extra = e.params.additionalProperty ?? e.params.unevaluatedProperty;
  if ((e.keyword === "additionalProperties" || e.keyword === "unevaluatedProperties") && typeof extra === "string") {
    // Point at the unexpected key itself, so the line is the one to edit.
    const pointer = `${e.instancePath}${toPointer([extra])}`;
    // OpenAPI 3.1 §4.8.8.1: "The field name MUST begin with a forward slash (/)."
    if (e.instancePath === "/paths") return { pointer, message: `path '${clip(extra)}' must begin with "/"` };
    // §4.8.16.2: an HTTP status code, a range such as 2XX, or `default`.
    if (e.instancePath.endsWith("/responses")) {
      return { pointer, message: `'${clip(extra)}' is not a response code (use a status such as 200, a range such as 2XX, or default)` };
    }
    return { pointer, message: `unexpected property '${clip(extra)}' (not allowed here)` };
  }
  return { pointer: e.instancePath, message: clip(e.message ?? `fails "${e.keyword}"`, 200) };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.pointer ?? ""}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const METHODS = "get|put|post|delete|options|head|patch";

/**
 * Swagger 2.0 spec-check messages name an operation as "/paths" + path + "/" + method, unescaped;
 * turn that into a pointer, and find the second of two duplicate operation ids.
 */
function pointerOfSpecMessage(message: string, data: JsonObject): { pointer?: string } {
  const operation = new RegExp(`/paths(/\\S*?)/(${METHODS})(?=[\\s/]|$)`).exec(message);
  if (operation && isObject(data.paths) && Object.prototype.hasOwnProperty.call(data.paths, operation[1]!)) {
    return { pointer: toPointer(["paths", operation[1]!, operation[2]!]) };
  }
  const duplicate = /Duplicate operation id '(.*)'$/.exec(message);
  if (duplicate && isObject(data.paths)) {
    let count = 0;
    for (const [path, item] of Object.entries(data.paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS.split("|")) {
        const op = item[method];
        if (isObject(op) && op.operationId === duplicate[1] && ++count === 2) {
          return { pointer: toPointer(["paths", path, method, "operationId"]) };
        }
      }
    }
  }
  return {};
}
