/**
 * Pulls externally referenced files into the document (swagger-parser's `bundle`): each external
 * value is inlined once and further uses point at it with local `$ref`s, so schema names that
 * the model stage derives from `#/components/schemas/...` stay intact.
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { resolve } from "node:path";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import { isObject, shortMessage, type JsonObject } from "./json.js";
import type { VersionFamily } from "./version.js";

export async function bundleExternalRefs(file: string, data: JsonObject, family: VersionFamily, allowRemoteRefs = false): Promise<JsonObject> {
  const { input, restore } = parserCompatible(data, family);
  let bundled: unknown;
  try {
    // Files only unless the user allowed remote refs: `http: false` so that nothing here can
    // reach the network (refs.ts has already refused remote $refs; this is the second lock).
    bundled = await SwaggerParser.bundle(resolve(file), input as never, { resolve: { http: allowRemoteRefs ? { redirects: 0 } : false, external: true } } as never);
  } catch (error) {
    // refs.ts has already checked every file and pointer, so this is unexpected; still no stack.
    throw new DiagnosticError([{ severity: "error", file, message: `cannot bundle external $refs: ${shortMessage(error)}` }]);
  }
  if (!isObject(bundled)) throw new DiagnosticError([{ severity: "error", file, message: "cannot bundle external $refs" }]);
  return restore(bundled);
}

/**
 * swagger-parser refuses some documents before resolving anything: an OpenAPI 3.1 document
 * without `paths` (valid per 3.1 §4.8.1, which needs only one of paths, components, webhooks),
 * patch versions it does not list, and a numeric `info.version`. Hand it a copy that passes those gates, and undo the
 * change afterwards. The OpenAPI schemas themselves refuse the same (validate.ts reports them in
 * its own words), so validation reads the same copy.
 */
export function parserCompatible(data: JsonObject, family: VersionFamily, deep = true): { input: JsonObject; restore: (out: JsonObject) => JsonObject } {
  // A reader that changes nothing (validation) gets a shallow copy: only the root and `info` are edited.
  const input = deep ? structuredClone(data) : { ...data };
  if (!deep && isObject(input.info)) input.info = { ...input.info };
  const addedPaths = family !== "2.0" && input.paths === undefined;
  if (addedPaths) input.paths = {};
  const version = input.openapi;
  if (family === "3.0") input.openapi = "3.0.3";
  if (family === "3.1") input.openapi = "3.1.1";
  // `version: 1.0` in YAML is a number; validate.ts reports it, the parser would just throw.
  const info = input.info;
  const numericVersion = isObject(info) && typeof info.version === "number" ? info.version : undefined;
  if (isObject(info) && numericVersion !== undefined) info.version = String(numericVersion);
  return {
    input,
    restore: (out) => {
      if (addedPaths) delete out.paths;
      if (family !== "2.0") out.openapi = version;
      if (numericVersion !== undefined && isObject(out.info)) out.info.version = numericVersion;
      return out;
    },
  };
}
