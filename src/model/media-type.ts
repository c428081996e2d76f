/**
 * Media Type Object, OpenAPI 3.1 §4.8.14: which declared media type the client uses,
 * and how its bodies are encoded and read.
 */
import type { BodyEncoding, ResponseBodyKind } from "./types.js";

function essence(mediaType: string): string {
  return mediaType.split(";")[0]!.trim().toLowerCase();
}

export function isJson(mediaType: string): boolean {
  const e = essence(mediaType);
  return e === "application/json" || e.endsWith("+json");
}

export function bodyEncoding(mediaType: string): BodyEncoding {
  const e = essence(mediaType);
  if (isJson(e)) return "json";
  if (e === "application/x-www-form-urlencoded") return "form";
  if (e.startsWith("multipart/")) return "multipart";
  if (e.startsWith("text/")) return "text";
  return "binary";
}

export function responseBodyKind(mediaType: string): ResponseBodyKind {
  const e = essence(mediaType);
  if (isJson(e)) return "json";
  if (e.startsWith("text/") || e === "application/xml") return "text";
  return "binary";
}

/** JSON first (what a typed client serves best), then form, then the document's order. */
export function preferredMediaType(mediaTypes: readonly string[]): string | undefined {
  const rank = (m: string): number => (isJson(m) ? 0 : bodyEncoding(m) === "form" ? 1 : 2);
  return [...mediaTypes].sort((a, b) => rank(a) - rank(b))[0];
}
