/**
 * Responses Object, OpenAPI 3.1 §4.8.16: keys are exact codes, ranges written "1XX" to
 * "5XX" (upper-case X), or "default" for every code not covered individually.
 */
import type { ResponseModel } from "./types.js";
import { preferredMediaType, responseBodyKind } from "./media-type.js";
import { deref, isObject, optionalString, type Json } from "./ref.js";

const STATUS_KEY = /^(?:[1-5]\d\d|[1-5]XX|default)$/;

export function isSuccessStatus(status: string): boolean {
  return status.startsWith("2");
}

/** Exact codes first, then ranges, then "default": the order the runtime matches them in. */
function statusOrder(status: string): number {
  if (status === "default") return 1000;
  if (status.endsWith("XX")) return Number(status[0]) * 100 + 99;
  return Number(status);
}

export function responsesModel(document: Json, raw: unknown): ResponseModel[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw)
    .map(([key, value]) => [key.toUpperCase() === "DEFAULT" ? "default" : key.toUpperCase(), value] as const)
    .filter(([status]) => STATUS_KEY.test(status))
    .sort(([a], [b]) => statusOrder(a) - statusOrder(b))
    .map(([status, value]) => responseModel(document, status, value));
}

function responseModel(document: Json, status: string, raw: unknown): ResponseModel {
  const response = deref(document, raw) ?? {};
  const content = isObject(response.content) ? Object.keys(response.content) : [];
  const mediaType = preferredMediaType(content);
  const description = optionalString(response.description);
  return {
    status,
    success: isSuccessStatus(status),
    ...(description === undefined ? {} : { description }),
    ...(mediaType === undefined ? {} : { mediaType }),
    bodyKind: mediaType === undefined ? "empty" : responseBodyKind(mediaType),
  };
}
