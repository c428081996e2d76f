/**
 * Swagger 2.0 → OpenAPI 3.0 with @scalar/openapi-upgrader: `host` + `basePath` + `schemes`
 * become `servers`, `definitions` → `components.schemas`, `securityDefinitions` →
 * `components.securitySchemes` (OAuth2 `flow` → `flows`, `basic` → `http`/`basic`), body and
 * formData parameters → `requestBody`.
 */
import { upgradeFromTwoToThree } from "@scalar/openapi-upgrader/2.0-to-3.0";
import { DiagnosticError, fromPointer, toPointer } from "../diagnostics/diagnostic.js";
import { isObject, shortMessage, type JsonObject } from "./json.js";
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
  return converted;
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
