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
import { securitySchemeModel } from "./security-scheme.js";
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

  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new DiagnosticError(errors);

  const info = document.info as Json;
  const description = optionalString(info.description);
  return {
    title: String(info.title),
    version: String(info.version),
    ...(description === undefined ? {} : { description }),
    servers: serversModel(document.servers),
    securitySchemes,
    operations,
    warnings: diagnostics,
  };
}
