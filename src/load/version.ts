import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { clip, isObject } from "./json.js";
import type { Locate } from "./locate.js";

export type VersionFamily = "2.0" | "3.0" | "3.1";

export interface DetectedVersion {
  family: VersionFamily;
  /** As written in the document: "2.0", "3.0.1", "3.1.0"... */
  version: string;
}

/**
 * Reads the version field. OpenAPI 3.x §4.8.1 (OpenAPI Object): `openapi` is a REQUIRED string
 * "major.minor.patch"; Swagger 2.0 §Swagger Object: `swagger` is the REQUIRED string "2.0".
 * Only the versions the validator and the model understand are accepted; 3.2 changed enough
 * (e.g. `query` operations, `in: querystring`) that it must not pass as 3.1.
 */
export function detectVersion(file: string, data: unknown, locate: Locate): DetectedVersion {
  const error = (pointer: string, message: string): never => {
    const diagnostic: Diagnostic = { severity: "error", file, pointer, message, ...locate(pointer) };
    throw new DiagnosticError([diagnostic]);
  };

  if (!isObject(data) || (!("openapi" in data) && !("swagger" in data))) {
    return error("", "not an OpenAPI document: no `openapi` or `swagger` field");
  }

  if ("openapi" in data) {
    const version = data.openapi;
    if (typeof version !== "string") {
      // `openapi: 3.0` in YAML is the number 3; a common slip worth naming.
      return error("/openapi", `\`openapi\` must be a string such as "3.0.3", not the ${typeof version} ${clip(version)}`);
    }
    if (/^3\.0\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) return { family: "3.0", version };
    if (/^3\.1\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) return { family: "3.1", version };
    return error("/openapi", `unsupported OpenAPI version ${clip(version)} (supported: 2.0, 3.0.x, 3.1.x)`);
  }

  const version = data.swagger;
  if (version === "2.0") return { family: "2.0", version };
  if (typeof version !== "string") {
    return error("/swagger", `\`swagger\` must be the string "2.0", not the ${typeof version} ${clip(version)}`);
  }
  return error("/swagger", `unsupported Swagger version ${clip(version)} (supported: 2.0, 3.0.x, 3.1.x)`);
}
