// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Parameter serialization, OpenAPI 3 §4.8.12.4 (Style Values) with the examples of the
 * corrected Style Examples table (OpenAPI 3.1.1 / 3.2.0): each style is the RFC 6570
 * expansion it names (simple §3.2.2, label §3.2.5, matrix §3.2.7, form §3.2.8), plus the
 * OpenAPI-only spaceDelimited, pipeDelimited and deepObject query styles.
 *
 * The OpenAPI 3.0.x table writes label/explode=false as `.blue.black.brown`; RFC 6570
 * §3.2.5, which that style is defined by, gives `{.list}` as `.red,green,blue`, and the
 * 3.1.1 table was corrected to say so. We follow the RFC.
 *
 * Values: `undefined` and `null` are omitted; an empty array or object is undefined too
 * (RFC 6570 §2.3), while an empty string is a defined, empty value (`;color`, `.`,
 * `color=`). Dates are written with `toISOString()`. Members nested deeper than RFC 6570
 * can express are written as JSON text, except under deepObject, which nests brackets.
 *
 * Argument errors that the generated types already rule out (a missing path parameter, a
 * CR in a header) throw a TypeError naming the parameter, never quoting its value.
 */
import type { ParameterSpec } from "./operation.js";
import type { OperationPlan } from "./operation-plan.js";

type Scalar = string;
type Shaped =
  | { readonly kind: "primitive"; readonly value: Scalar }
  | { readonly kind: "array"; readonly items: readonly Scalar[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, Scalar])[] };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** RFC 3986 §2.2 reserved characters, kept unencoded where `allowReserved` asks for it. */
const RESERVED_TRIPLETS = /%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2B|2C|3B|3D)/g;

/**
 * RFC 6570 §3.2.1: everything outside the unreserved set (RFC 3986 §2.3: ALPHA, DIGIT,
 * "-", ".", "_", "~") is percent-encoded as UTF-8. encodeURIComponent also spares
 * `!'()*`, which are sub-delims and so are encoded here. A lone surrogate (not UTF-16,
 * which encodeURIComponent throws on) becomes U+FFFD.
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD")).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A query value. With `allowReserved` (OpenAPI §4.8.12.2, RFC 6570 §3.2.3), reserved
 * characters and existing percent-encoded triplets pass through, except "#" and "&": either
 * would end the value and let it start a fragment or another parameter, which no parameter
 * may do.
 */
export function percentEncodeQuery(text: string, allowReserved: boolean): string {
  if (!allowReserved) return percentEncode(text);
  return text
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part, i) => (i % 2 === 1 ? part : percentEncode(part).replace(RESERVED_TRIPLETS, (t) => decodeURIComponent(t))))
    .join("");
}

function scalar(value: unknown): Scalar {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The RFC 6570 view of a value: undefined (omitted), a string, a list or an associative array. */
function shape(parameter: ParameterSpec, value: unknown): Shaped | undefined {
  if (value === undefined || value === null) return undefined;
  // `content: application/json` parameters (OpenAPI §4.8.12.3) are one string: the JSON text.
  if (parameter.json) return { kind: "primitive", value: JSON.stringify(value) };
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined && item !== null).map(scalar);
    return items.length === 0 ? undefined : { kind: "array", items };
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined && member !== null)
      .map(([key, member]) => [key, scalar(member)] as const);
    return entries.length === 0 ? undefined : { kind: "object", entries };
  }
  return { kind: "primitive", value: scalar(value) };
}

// ---------------------------------------------------------------------------------------
// Path (§4.8.12.4: matrix, label, simple)

/**
 * One path parameter's expansion. Every character outside the unreserved set is
 * percent-encoded (`allowReserved` applies to query parameters only), so a value can
 * never contribute "/", "?" or "#" (RFC 3986 §3.3); only the style's own delimiters are
 * literal.
 */
export function serializePathParameter(parameter: ParameterSpec, value: unknown): string {
  const shaped = shape(parameter, value);
  if (shaped === undefined) return "";
  const explode = parameter.explode;
  const enc = (text: string) => percentEncode(text);
  if (parameter.style === "label") {
    // RFC 6570 §3.2.5: prefix ".", list separator "," unexploded and "." exploded.
    const separator = explode ? "." : ",";
    if (shaped.kind === "primitive") return `.${enc(shaped.value)}`;
    if (shaped.kind === "array") return `.${shaped.items.map(enc).join(separator)}`;
    return `.${shaped.entries.map(([k, v]) => (explode ? `${enc(k)}=${enc(v)}` : `${enc(k)},${enc(v)}`)).join(separator)}`;
  }
  if (parameter.style === "matrix") {
    // RFC 6570 §3.2.7: ";name=value", and ";name" alone for an empty value.
    const name = percentEncode(parameter.name);
    const pair = (key: string, text: string) => (text === "" ? `;${key}` : `;${key}=${enc(text)}`);
    if (shaped.kind === "primitive") return pair(name, shaped.value);
    if (shaped.kind === "array") {
      return explode ? shaped.items.map((item) => pair(name, item)).join("") : `;${name}=${shaped.items.map(enc).join(",")}`;
    }
    return explode
      ? shaped.entries.map(([k, v]) => pair(enc(k), v)).join("")
      : `;${name}=${shaped.entries.map(([k, v]) => `${enc(k)},${enc(v)}`).join(",")}`;
  }
  // "simple", and the only style left that makes sense in a path for anything else.
  return simple(shaped, explode, enc);
}

/**
 * A path parameter in simple style (or another style that means simple in a path). The
 * generated client picks `expandPath` instead of `expandSimplePath` when a path parameter
 * is label or matrix.
 */
function serializeSimplePathParameter(parameter: ParameterSpec, value: unknown): string {
  if (parameter.style === "label" || parameter.style === "matrix") {
    throw new TypeError(`internal error: path parameter "${parameter.name}" is ${parameter.style} style, which expandSimplePath does not write`);
  }
  const shaped = shape(parameter, value);
  return shaped === undefined ? "" : simple(shaped, parameter.explode, percentEncode);
}

/** RFC 6570 §3.2.2: no prefix, "," between items; exploded objects as "k=v". */
function simple(shaped: Shaped, explode: boolean, enc: (text: string) => string): string {
  if (shaped.kind === "primitive") return enc(shaped.value);
  if (shaped.kind === "array") return shaped.items.map(enc).join(",");
  return shaped.entries.map(([k, v]) => (explode ? `${enc(k)}=${enc(v)}` : `${enc(k)},${enc(v)}`)).join(",");
}

/** WHATWG URL treats ".", "..", and their %2e spellings as dot-segments and removes them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

type Values = Readonly<Record<string, unknown>> | undefined;

/** Expands an operation path's `{name}` templates, every path style (see `expand`). */
export function expandPath(operation: string, plan: OperationPlan, values: Values): string {
  return expand(operation, plan, values, serializePathParameter);
}

/** `expandPath` for clients whose path parameters are all simple style: no label or matrix code. */
export function expandSimplePath(operation: string, plan: OperationPlan, values: Values): string {
  return expand(operation, plan, values, serializeSimplePathParameter);
}

/**
 * Expands `{name}` templates of an operation's path (its literal text and parameters as the
 * operation's plan keeps them). Path parameters are always required (OpenAPI §4.8.12.2), so a
 * missing one is an argument error, as is a value that would become a whole "." or ".."
 * segment: URL parsing would remove it and the request would reach a different resource.
 */
function expand(operation: string, plan: OperationPlan, values: Values, serialize: (parameter: ParameterSpec, value: unknown) => string): string {
  const parameters = plan.parameters;
  if (parameters === undefined) return plan.path;
  const missing: string[] = [];
  const expanded = plan.path
    .split("/")
    .map((segment) => {
      const result = segment.replace(/\{([^{}]+)\}/g, (_, name: string) => {
        const value = values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
        if (value === undefined || value === null) {
          missing.push(name);
          return "";
        }
        return serialize(parameters.get(name) ?? { name, in: "path", style: "simple", explode: false }, value);
      });
      if (result !== segment && DOT_SEGMENT.test(result)) {
        throw new TypeError(`${operation}: a path parameter would make a "." or ".." path segment`);
      }
      return result;
    })
    .join("/");
  if (missing.length > 0) {
    throw new TypeError(`${operation}: missing required path parameter ${missing.map((n) => `"${n}"`).join(", ")}`);
  }
  return expanded;
}

// ---------------------------------------------------------------------------------------
// Query (§4.8.12.4: form, spaceDelimited, pipeDelimited, deepObject)

/**
 * One query parameter as `name=value` pieces, already percent-encoded, to be joined
 * with "&". Styles the table marks n/a for a value's type (a string with pipeDelimited,
 * an exploded spaceDelimited array) fall back to form, so no value is dropped.
 */
export function serializeQueryParameter(parameter: ParameterSpec, value: unknown): string[] {
  if (parameter.style === "deepObject" && !parameter.json && isPlainObject(value)) {
    return deepObject(percentEncode(parameter.name), value, parameter.allowReserved ?? false);
  }
  // The table percent-encodes the delimiters of these two styles: %20 and %7C.
  return formQueryParameter(parameter, value, parameter.style === "spaceDelimited" ? "%20" : parameter.style === "pipeDelimited" ? "%7C" : ",");
}

/** Form style (RFC 6570 §3.2.8), unexploded lists and objects joined by `separator`. */
function formQueryParameter(parameter: ParameterSpec, value: unknown, separator: string): string[] {
  const shaped = shape(parameter, value);
  if (shaped === undefined) return [];
  const allowReserved = parameter.allowReserved ?? false;
  const enc = (text: string) => percentEncodeQuery(text, allowReserved);
  const name = percentEncode(parameter.name);
  if (!parameter.explode && shaped.kind !== "primitive") {
    const flat = shaped.kind === "array" ? shaped.items : shaped.entries.flat();
    return [`${name}=${flat.map(enc).join(separator)}`];
  }
  // Exploded lists repeat the name; exploded objects drop it.
  if (shaped.kind === "primitive") return [`${name}=${enc(shaped.value)}`];
  if (shaped.kind === "array") return shaped.items.map((item) => `${name}=${enc(item)}`);
  return shaped.entries.map(([k, v]) => `${percentEncode(k)}=${enc(v)}`);
}

/** A form-style query parameter; the generated client picks `serializeQuery` when any is not. */
function serializeFormQueryParameter(parameter: ParameterSpec, value: unknown): string[] {
  if (parameter.style !== "form") {
    throw new TypeError(`internal error: query parameter "${parameter.name}" is ${parameter.style} style, which serializeFormQuery does not write`);
  }
  return formQueryParameter(parameter, value, ",");
}

/**
 * deepObject: `color[R]=100`, brackets percent-encoded as the table writes them. The
 * specification leaves nesting undefined; nested objects add a bracket level and arrays
 * repeat the key, which is what the common server parsers (qs, Rails, PHP) read back.
 */
function deepObject(prefix: string, value: Record<string, unknown>, allowReserved: boolean): string[] {
  const pieces: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || member === null) continue;
    const name = `${prefix}%5B${percentEncode(key)}%5D`;
    if (isPlainObject(member)) pieces.push(...deepObject(name, member, allowReserved));
    else if (Array.isArray(member)) {
      for (const item of member) {
        if (item !== undefined && item !== null) pieces.push(`${name}=${percentEncodeQuery(scalar(item), allowReserved)}`);
      }
    } else pieces.push(`${name}=${percentEncodeQuery(scalar(member), allowReserved)}`);
  }
  return pieces;
}

/** All query parameters of a call, joined; "" when there are none. Every query style. */
export function serializeQuery(parameters: readonly ParameterSpec[], values: Values): string {
  return query(parameters, values, serializeQueryParameter);
}

/** `serializeQuery` for clients whose query parameters are all form style: no deepObject or delimited code. */
export function serializeFormQuery(parameters: readonly ParameterSpec[], values: Values): string {
  return query(parameters, values, serializeFormQueryParameter);
}

function query(parameters: readonly ParameterSpec[], values: Values, serialize: (parameter: ParameterSpec, value: unknown) => string[]): string {
  if (!values) return "";
  return parameters
    .filter((p) => p.in === "query" && Object.hasOwn(values, p.name))
    .flatMap((p) => serialize(p, values[p.name]))
    .join("&");
}

// ---------------------------------------------------------------------------------------
// Header (§4.8.12.4: simple) and cookie (form)

/** RFC 9110 §5.5 field-value, as `Headers` accepts it: no CR, LF or NUL, and one byte per character. */
const HEADER_UNSAFE = /[\r\n\0]|[^\x00-\xFF]/;

/**
 * A header parameter's value: simple style, but not percent-encoded. RFC 6570 encoding
 * is for URIs; headers carry the text itself (OpenAPI 3.2 Appendix D).
 */
export function serializeHeaderParameter(operation: string, parameter: ParameterSpec, value: unknown): string | undefined {
  const shaped = shape(parameter, value);
  if (shaped === undefined) return undefined;
  const text = simple(shaped, parameter.explode, (t) => t);
  if (HEADER_UNSAFE.test(text)) {
    throw new TypeError(`${operation}: header parameter "${parameter.name}" contains characters a header cannot carry`);
  }
  return text;
}

export function serializeHeaders(
  operation: string,
  parameters: readonly ParameterSpec[],
  values: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!values) return headers;
  for (const parameter of parameters) {
    if (parameter.in !== "header" || !Object.hasOwn(values, parameter.name)) continue;
    const text = serializeHeaderParameter(operation, parameter, values[parameter.name]);
    if (text !== undefined) headers[parameter.name] = text;
  }
  return headers;
}

/**
 * A cookie parameter as `name=value` pairs (form style). Values are percent-encoded so
 * that none can close the pair with ";" and add a cookie of its own (RFC 6265 §4.1.1
 * forbids ";", ",", whitespace and DQUOTE in cookie-octets). Exploded lists and objects
 * become separate pairs, since "&" means nothing inside a Cookie header.
 */
export function serializeCookieParameter(parameter: ParameterSpec, value: unknown): string[] {
  const shaped = shape(parameter, value);
  if (shaped === undefined) return [];
  const name = percentEncode(parameter.name);
  const enc = (text: string) => percentEncode(text);
  if (shaped.kind === "primitive") return [`${name}=${enc(shaped.value)}`];
  if (!parameter.explode) {
    const flat = shaped.kind === "array" ? shaped.items : shaped.entries.flat();
    return [`${name}=${flat.map(enc).join(",")}`];
  }
  if (shaped.kind === "array") return shaped.items.map((item) => `${name}=${enc(item)}`);
  return shaped.entries.map(([k, v]) => `${enc(k)}=${enc(v)}`);
}

export function serializeCookies(
  parameters: readonly ParameterSpec[],
  values: Readonly<Record<string, unknown>> | undefined,
): string[] {
  if (!values) return [];
  return parameters
    .filter((p) => p.in === "cookie" && Object.hasOwn(values, p.name))
    .flatMap((p) => serializeCookieParameter(p, values[p.name]));
}
