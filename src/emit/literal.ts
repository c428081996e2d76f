/**
 * Plain data (from the model) as a TypeScript value literal, every string encoded, laid out
 * as Prettier lays out object and array literals (see layout.ts).
 */
import { trusted, type Code } from "./code.js";
import { numberLiteral, objectKey, stringLiteral } from "./encode.js";
import { fluid, group, ifBreak, indent, joinDocs, line, print, softline, textWidth, type Doc } from "./layout.js";

export type LiteralValue = string | number | boolean | null | undefined | readonly LiteralValue[] | { readonly [key: string]: LiteralValue };

const COMMA_LINE: Doc = [trusted(","), line];

function entries(value: { readonly [key: string]: LiteralValue }): [string, LiteralValue][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

/**
 * `key: value`. A string value moves to the next line when it does not fit, except after a
 * key shorter than five columns, where that would gain little (Prettier's assignment layout).
 */
export function propertyDoc(key: Code, value: LiteralValue): Doc {
  const valueDoc = literalDoc(value);
  if (typeof value === "string" && textWidth(key.text) >= 5) return [key, trusted(":"), fluid(valueDoc)];
  return [key, trusted(": "), valueDoc];
}

/**
 * Prettier breaks an array of several objects (or arrays) that each have more than one
 * entry, one per line, even when it would fit.
 */
function breaksAlways(items: readonly LiteralValue[]): boolean {
  if (items.length < 2) return false;
  const arrays = items.every((item) => Array.isArray(item) && item.length > 1);
  const objects = items.every((item) => item !== null && typeof item === "object" && !Array.isArray(item) && entries(item as { readonly [key: string]: LiteralValue }).length > 1);
  return arrays || objects;
}

export function literalDoc(value: LiteralValue): Doc {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value === "boolean") return trusted(String(value));
  if (value === undefined) return trusted("undefined");
  if (value === null) return trusted("null");
  if (Array.isArray(value)) {
    const items = value as readonly LiteralValue[];
    if (items.length === 0) return trusted("[]");
    return group(
      [trusted("["), indent([softline, joinDocs(COMMA_LINE, items.map(literalDoc))]), ifBreak(trusted(",")), softline, trusted("]")],
      breaksAlways(items),
    );
  }
  const props = entries(value as { readonly [key: string]: LiteralValue });
  if (props.length === 0) return trusted("{}");
  return group([
    trusted("{"),
    indent([line, joinDocs(COMMA_LINE, props.map(([k, v]) => propertyDoc(objectKey(k), v)))]),
    ifBreak(trusted(",")),
    line,
    trusted("}"),
  ]);
}

/** A literal on one line, laid out as if it started at column `column`. */
export function literal(value: LiteralValue, column = 0): Code {
  return print(literalDoc(value), column);
}

/**
 * The type `as const` would give `value`: `readonly [...]` tuples, `{ readonly key: ... }`
 * objects (`;` between members, as Prettier prints type literals), literal types for
 * strings, numbers and booleans. For the types of plain data that is not itself checked
 * in users' builds (templates/operations.ts.hbs).
 */
export function constTypeDoc(value: LiteralValue): Doc {
  if (value === null || value === undefined || typeof value !== "object") return literalDoc(value);
  if (Array.isArray(value)) {
    const items = value as readonly LiteralValue[];
    if (items.length === 0) return trusted("readonly []");
    return group([trusted("readonly ["), indent([softline, joinDocs(COMMA_LINE, items.map(constTypeDoc))]), ifBreak(trusted(",")), softline, trusted("]")]);
  }
  const props = entries(value as { readonly [key: string]: LiteralValue });
  if (props.length === 0) return trusted("{}");
  return group([
    trusted("{"),
    indent([line, joinDocs([trusted(";"), line], props.map(([k, v]) => [trusted("readonly "), objectKey(k), trusted(": "), constTypeDoc(v)]))]),
    ifBreak(trusted(";")),
    line,
    trusted("}"),
  ]);
}
