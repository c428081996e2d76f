/** Plain data (from the model) as a TypeScript value literal, every string encoded. */
import { join, trusted, type Code } from "./code.js";
import { numberLiteral, objectKey, stringLiteral } from "./encode.js";

export type LiteralValue = string | number | boolean | null | undefined | readonly LiteralValue[] | { readonly [key: string]: LiteralValue };

export function literal(value: LiteralValue): Code {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value === "boolean") return trusted(String(value));
  if (value === undefined) return trusted("undefined");
  if (value === null) return trusted("null");
  if (Array.isArray(value)) return trusted(`[${join(value.map(literal), ", ").text}]`);
  const entries = Object.entries(value as Record<string, LiteralValue>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return trusted("{}");
  return trusted(`{ ${join(entries.map(([k, v]) => trusted(`${objectKey(k).text}: ${literal(v).text}`)), ", ").text} }`);
}
