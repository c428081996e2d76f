/**
 * Swagger 2.0 → OpenAPI 3.0 with @scalar/openapi-upgrader: `host` + `basePath` + `schemes`
 * become `servers`, `definitions` → `components.schemas`, `securityDefinitions` →
 * `components.securitySchemes` (OAuth2 `flow` → `flows`, `basic` → `http`/`basic`), body and
 * formData parameters → `requestBody`.
 */
import { upgradeFromTwoToThree } from "@scalar/openapi-upgrader/2.0-to-3.0";
import { DiagnosticError, fromPointer, toPointer } from "../diagnostics/diagnostic.js";
import { getAt, isObject, shortMessage, type JsonObject } from "./json.js";
import type { Locate } from "./locate.js";

export function convertSwagger2(file: string, data: JsonObject): JsonObject {
  let converted: unknown;
  try {
    // The upgrader edits its argument in place.
    converted = upgradeFromTwoToThree(structuredClone(data));
  } catch (error) {
    throw new DiagnosticError([
      { severity: "error", file, message: `cannot convert Swagger 2.0 to OpenAPI 3.0: ${shortMessage(error)}` },
    ]);
  }
  if (!isObject(converted) || typeof converted.openapi !== "string") {
    throw new DiagnosticError([{ severity: "error", file, message: "cannot convert Swagger 2.0 to OpenAPI 3.0" }]);
  }
  // A JSON round trip: the upgrader shares one schema object between media types, and the model
  // stage should be free to treat each place as its own.
  const { openapi, ...rest } = JSON.parse(JSON.stringify(converted)) as JsonObject;
  // The upgrader adds `openapi` last; readers expect it first.
  const result: JsonObject = { openapi, ...rest };
  repairMovedRefs(result);
  return result;
}

/**
 * Bundling a 2.0 document inlines each external value at its first use and points later uses at
 * it, e.g. `#/paths/~1a/get/responses/200/schema`. The upgrader moves such places (a response's
 * `schema` goes under `content/{media type}`, a body parameter becomes `requestBody`) but only
 * rewrites `$ref`s into `definitions`, `parameters` and `responses`; follow the move here.
 */
function repairMovedRefs(document: JsonObject): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
      const segments = fromPointer(node.$ref.slice(1));
      if (!getAt(document, segments).found) {
        const moved = movedPointer(document, segments);
        if (moved) node.$ref = `#${toPointer(moved)}`;
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
}

function movedPointer(document: JsonObject, segments: string[]): string[] | undefined {
  const firstMediaType = (at: string[]): string | undefined => {
    const content = getAt(document, [...at, "content"]);
    return content.found && isObject(content.value) ? Object.keys(content.value)[0] : undefined;
  };
  const schemaAt = segments.indexOf("schema");
  if (schemaAt < 2) return undefined;
  const owner = segments.slice(0, schemaAt); // the response or parameter that had the schema
  const rest = segments.slice(schemaAt);
  let body: string[] | undefined;
  if (owner[owner.length - 2] === "responses") {
    // `responses` → `components/responses` at the top level (OpenAPI 3.0 §4.7.7 Components Object).
    body = owner.length === 2 ? ["components", ...owner] : owner;
  } else if (owner.length === 2 && owner[0] === "parameters") {
    body = ["components", "requestBodies", owner[1]!];
  } else if (owner[owner.length - 2] === "parameters" && owner[0] === "paths") {
    body = [...owner.slice(0, -2), "requestBody"];
  }
  if (!body) return undefined;
  const mediaType = firstMediaType(body);
  if (mediaType === undefined) return undefined;
  const candidate = [...body, "content", mediaType, ...rest];
  return getAt(document, candidate).found ? candidate : undefined;
}

/** [prefix in the 3.0 result, prefix in the 2.0 source, whether the rest of the pointer carries over] */
const MOVED: ReadonlyArray<readonly [readonly string[], readonly string[], boolean]> = [
  [["components", "schemas"], ["definitions"], true],
  [["components", "parameters"], ["parameters"], true],
  [["components", "requestBodies"], ["parameters"], true],
  [["components", "responses"], ["responses"], true],
  [["components", "securitySchemes"], ["securityDefinitions"], true],
  [["servers"], ["host"], false],
];

/**
 * Where a pointer into the converted document came from in the 2.0 source, for the objects the
 * conversion moves (Swagger 2.0 §Swagger Object vs OpenAPI 3.0 §4.7.1). Best effort: other
 * pointers are tried unchanged, and may not map.
 */
export function swagger2Locator(locate: Locate): Locate {
  return (pointer) => {
    const direct = locate(pointer);
    if (direct) return direct;
    let segments = fromPointer(pointer);
    // `.../responses/{code}/content/{type}/schema` was `.../responses/{code}/schema`.
    const content = segments.indexOf("content");
    if (segments[0] === "paths" && segments[content - 2] === "responses" && segments[content + 2] === "schema") {
      return locate(toPointer([...segments.slice(0, content), ...segments.slice(content + 2)]));
    }
    // An OAuth2 scheme's `flows/{flow}/tokenUrl` was the scheme's own `tokenUrl` (2.0 §Security Scheme Object).
    if (segments[0] === "components" && segments[1] === "securitySchemes" && segments[3] === "flows") {
      segments = [...segments.slice(0, 3), ...segments.slice(5)];
    }
    for (const [from, to, keepRest] of MOVED) {
      if (from.every((segment, i) => segments[i] === segment)) {
        return locate(toPointer([...to, ...(keepRest ? segments.slice(from.length) : [])]));
      }
    }
    return undefined;
  };
}
