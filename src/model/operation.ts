/**
 * Path Item and Operation Objects, OpenAPI 3.1 §4.8.8–4.8.10: one OperationModel per
 * method of each path, in document order.
 */
import { toPointer } from "../diagnostics/diagnostic.js";
import type { HttpMethod, OperationModel, SecurityAlternative } from "./types.js";
import { mergeParameters } from "./parameter.js";
import { requestBodyModel } from "./request-body.js";
import { responsesModel } from "./response.js";
import { deref, isObject, optionalString, type Json } from "./ref.js";

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface RawOperation {
  method: HttpMethod;
  path: string;
  pointer: string;
  operation: Json;
  pathItem: Json;
}

/** Every operation of `paths`, in document order. */
export function rawOperations(document: Json): RawOperation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, rawItem]) => {
    const pathItem = deref(document, rawItem);
    if (!pathItem) return [];
    return METHODS.flatMap((method) => {
      const operation = pathItem[method];
      if (!isObject(operation)) return [];
      return [{ method: method.toUpperCase() as HttpMethod, path, pointer: toPointer(["paths", path, method]), operation, pathItem }];
    });
  });
}

export function operationModel(document: Json, raw: RawOperation, name: string, security: SecurityAlternative[]): OperationModel {
  const { operation, pathItem } = raw;
  const operationId = optionalString(operation.operationId);
  const summary = optionalString(operation.summary) ?? optionalString(pathItem.summary);
  const description = optionalString(operation.description) ?? optionalString(pathItem.description);
  const requestBody = requestBodyModel(document, operation.requestBody);
  return {
    name,
    ...(operationId === undefined ? {} : { operationId }),
    method: raw.method,
    path: raw.path,
    pointer: raw.pointer,
    ...(summary === undefined ? {} : { summary }),
    ...(description === undefined ? {} : { description }),
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === "string") : [],
    parameters: mergeParameters(document, pathItem.parameters, operation.parameters),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: responsesModel(document, operation.responses),
    security,
  };
}
