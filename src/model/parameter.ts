/**
 * Parameter Object, OpenAPI 3.1 §4.8.12. Defaults are resolved here once (§4.8.12.4):
 * `style` is "form" for query and cookie, "simple" for path and header; `explode` is true
 * exactly when the style is "form". Path parameters are always required (§4.8.12.2).
 */
import type { ParameterLocation, ParameterModel } from "./types.js";
import { deref, isObject, optionalString, type Json } from "./ref.js";

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];
const STYLES = ["simple", "label", "matrix", "form", "spaceDelimited", "pipeDelimited", "deepObject"] as const;

/**
 * RFC 9110 §7.6.1 and OpenAPI §4.8.12.1: header parameters named Accept, Content-Type or
 * Authorization are ignored; the client sets those itself.
 */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

export function defaultStyle(location: ParameterLocation): ParameterModel["style"] {
  return location === "query" || location === "cookie" ? "form" : "simple";
}

export function parameterModel(document: Json, raw: unknown): ParameterModel | undefined {
  const parameter = deref(document, raw);
  if (!parameter || typeof parameter.name !== "string") return undefined;
  const location = LOCATIONS.find((l) => l === parameter.in);
  if (!location) return undefined;
  if (location === "header" && IGNORED_HEADERS.has(parameter.name.toLowerCase())) return undefined;
  const style = STYLES.find((s) => s === parameter.style) ?? defaultStyle(location);
  const description = optionalString(parameter.description);
  return {
    name: parameter.name,
    in: location,
    required: location === "path" || parameter.required === true,
    ...(description === undefined ? {} : { description }),
    deprecated: parameter.deprecated === true,
    style,
    explode: typeof parameter.explode === "boolean" ? parameter.explode : style === "form",
    allowReserved: parameter.allowReserved === true,
    json: isObject(parameter.content) && Object.keys(parameter.content).some(isJsonMediaType),
  };
}

/**
 * Operation parameters override path-item parameters with the same name and location
 * (§4.8.9.1: "the new definition will override it but can never remove it").
 */
export function mergeParameters(document: Json, pathItemParameters: unknown, operationParameters: unknown): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  for (const list of [pathItemParameters, operationParameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = parameterModel(document, raw);
      if (parameter) byKey.set(`${parameter.in} ${parameter.name}`, parameter);
    }
  }
  return [...byKey.values()];
}

export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || essence.endsWith("+json") || essence === "*/*";
}
