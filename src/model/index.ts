/**
 * The model stage: from a loaded document to the ApiModel that emitters read
 * (OpenAPI Object, OpenAPI 3.1 §4.8.1).
 */
import { DiagnosticError, toPointer, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedDocument } from "../load/types.js";
import type { ApiModel, SecuritySchemeModel } from "./types.js";
import { methodName, uniqueNames } from "./naming.js";
import { operationModel, rawOperations } from "./operation.js";
import { isObject, optionalString, type Json } from "./ref.js";
import { securityRequirements } from "./security-requirement.js";
import { EXTENSION, securitySchemeModel } from "./security-scheme.js";
import { schemaDocument } from "./schema-document.js";
import { serversModel } from "./server.js";

export type * from "./types.js";

export function buildModel(loaded: LoadedDocument): ApiModel {
  const document = loaded.document as Json;
  const diagnostics: Diagnostic[] = [];
  const report = (pointer: string, message: string, severity: "error" | "warning" = "warning"): void => {
    diagnostics.push({ severity, file: loaded.file, pointer, ...loaded.locate(pointer), message });
  };

  const components = isObject(document.components) ? document.components : {};
  const rawSchemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const securitySchemes = Object.entries(rawSchemes).flatMap(([name, raw]): SecuritySchemeModel[] => {
    const at = toPointer(["components", "securitySchemes", name]);
    const scheme = securitySchemeModel(document, name, raw, (suffix, message, severity) => report(at + suffix, message, severity));
    return scheme ? [scheme] : [];
  });
  const knownSchemes = new Set(securitySchemes.map((s) => s.name));

  const raws = rawOperations(document);
  const names = uniqueNames(raws.map((r) => methodName(optionalString(r.operation.operationId), r.method, r.path)));
  const operations = raws.map((raw, i) => {
    const security = securityRequirements(document.security, raw.operation.security, knownSchemes, (index, message) => {
      const at = raw.operation.security === undefined ? toPointer(["security", index]) : `${raw.pointer}/security/${index}`;
      report(at, message);
    });
    return operationModel(document, raw, names[i]!, security);
  });

  for (const scheme of securitySchemes) {
    if (scheme.type !== "http" || !scheme.tokenFrom) continue;
    const at = toPointer(["components", "securitySchemes", scheme.name, EXTENSION, "tokenFrom", "operationId"]);
    const issuing = operations.find((op) => op.operationId === scheme.tokenFrom!.operationId);
    if (!issuing) {
      report(at, `no operation has operationId "${scheme.tokenFrom.operationId}"`, "error");
    } else if (issuing.security.some((alternative) => alternative.some(({ scheme: s }) => s === scheme.name))) {
      report(at, `operation "${scheme.tokenFrom.operationId}" issues ${scheme.name} tokens, so it cannot also require ${scheme.name}`, "error");
    } else {
      scheme.tokenFrom.operation = issuing.name;
    }
  }

  const schemas = schemaDocument(loaded.document, (pointer, message) => report(pointer, message));

  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new DiagnosticError(errors);

  const info = document.info as Json;
  const description = optionalString(info.description);
  const requestIdHeader = isObject(document[EXTENSION]) ? optionalString(document[EXTENSION].requestIdHeader) : undefined;
  return {
    title: String(info.title),
    ...(requestIdHeader === undefined ? {} : { requestIdHeader }),
    version: String(info.version),
    ...(description === undefined ? {} : { description }),
    servers: serversModel(document.servers),
    securitySchemes,
    operations,
    schemaDocument: schemas,
    warnings: diagnostics,
  };
}
