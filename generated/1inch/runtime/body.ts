// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Request bodies by their declared encoding (OpenAPI 3 §4.8.13 Request Body Object,
 * §4.8.14.3-4 form and multipart considerations), and response bodies by the kind their
 * declared response has (§4.8.17 Response Object `content`).
 *
 * Every encoded body is a string, Blob, ArrayBuffer(View) or FormData: all can be sent
 * again, which a same-origin redirect (307/308) or the one retry after a 401 needs.
 */
import type { BodyEncoding, RequestBodySpec, ResponseBodyKind } from "./operation.js";

export interface EncodedBody {
  readonly body: BodyInit;
  /** Absent for multipart: fetch writes the Content-Type with its boundary (RFC 7578 §4.1). */
  readonly contentType?: string;
}

/** RFC 6838 §4.2.8 structured syntax suffix: `application/json` itself, or any `+json`. */
export function isJsonMediaType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"));
}

/** A media type range such as `*\/*` or `image/*` (RFC 9110 §12.5.1) names no concrete type to send. */
function concrete(mediaType: string, fallback: string): string {
  return mediaType.includes("*") ? fallback : mediaType;
}

function isBinary(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function toBlob(value: Blob | ArrayBuffer | ArrayBufferView): Blob {
  return value instanceof Blob ? value : new Blob([value as BlobPart]);
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * application/x-www-form-urlencoded (WHATWG URL §5, the serializer URLSearchParams
 * implements). The Encoding Object's default for a form body is style form, explode
 * true (OpenAPI §4.8.15): an array repeats its key. For an object-valued property that
 * default would drop the property's name (`R=100&G=200`), losing information, so nested
 * objects are sent as JSON text instead, as OpenAPI 3.0.3 §4.7.13.5 describes ("complex
 * types are stringified"). `undefined` and `null` properties are left out.
 */
export function encodeForm(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof URLSearchParams) return value.toString();
  const form = new URLSearchParams();
  if (typeof value === "object" && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || member === null) continue;
      if (Array.isArray(member)) {
        for (const item of member) if (item !== undefined && item !== null) form.append(key, text(item));
      } else {
        form.append(key, text(member));
      }
    }
  }
  return form.toString();
}

/**
 * multipart/form-data (RFC 7578). OpenAPI §4.8.14.4 gives each property's default part
 * type: binary values (Blob, File, ArrayBuffer, typed arrays) become file parts, arrays
 * become one part per item, primitives are text, and objects are JSON text. Objects go as
 * plain fields rather than `application/json` file parts, which most servers read as an
 * upload; a caller who needs per-part types passes a FormData, which is sent as it is.
 */
export function encodeMultipart(value: unknown): FormData {
  if (value instanceof FormData) return value;
  const form = new FormData();
  const append = (key: string, member: unknown) => {
    if (member === undefined || member === null) return;
    if (isBinary(member)) {
      const blob = toBlob(member);
      form.append(key, blob, typeof File !== "undefined" && blob instanceof File ? blob.name : key);
    } else {
      form.append(key, text(member));
    }
  };
  if (typeof value === "object" && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      if (Array.isArray(member)) for (const item of member) append(key, item);
      else append(key, member);
    }
  }
  return form;
}

/** Encodes a call's body for one declared media type (ranges such as `*\/*` included). */
export type BodyEncoder = (operation: string, mediaType: string, value: unknown) => EncodedBody;

/** The encoders a client uses, by the encoding its document declares (see RuntimeParts). */
export type BodyEncoders = Readonly<Partial<Record<BodyEncoding, BodyEncoder>>>;

export const jsonBody: BodyEncoder = (_, mediaType, value) => ({ body: JSON.stringify(value), contentType: concrete(mediaType, "application/json") });

export const formBody: BodyEncoder = (_, mediaType, value) => ({
  body: encodeForm(value),
  contentType: concrete(mediaType, "application/x-www-form-urlencoded"),
});

export const multipartBody: BodyEncoder = (_, __, value) => ({ body: encodeMultipart(value) });

export const textBody: BodyEncoder = (_, mediaType, value) => ({ body: text(value), contentType: concrete(mediaType, "text/plain") });

export const binaryBody: BodyEncoder = (operation, mediaType, value) => {
  if (typeof value === "string") return { body: value, contentType: concrete(mediaType, "application/octet-stream") };
  if (!isBinary(value)) {
    throw new TypeError(`${operation}: the body must be a Blob, ArrayBuffer or typed array`);
  }
  const fallback = value instanceof Blob && value.type ? value.type : "application/octet-stream";
  return { body: value as BodyInit, contentType: concrete(mediaType, fallback) };
};

/** Every encoder, for code that does not know its operations in advance (tests, tools). */
export const bodyEncoders: Readonly<Record<BodyEncoding, BodyEncoder>> = {
  json: jsonBody,
  form: formBody,
  multipart: multipartBody,
  text: textBody,
  binary: binaryBody,
};

/** The body of one call, or undefined when the caller gave none. */
export function encodeRequestBody(operation: string, spec: RequestBodySpec, value: unknown, encoders: BodyEncoders): EncodedBody | undefined {
  if (value === undefined) return undefined;
  const encode = encoders[spec.encoding];
  // The generated client hands over an encoder for every encoding its operations declare.
  if (encode === undefined) throw new TypeError(`${operation}: no ${spec.encoding} body encoder was given to the runtime`);
  return encode(operation, spec.mediaType, value);
}

/**
 * The Accept header for an operation's declared responses (RFC 9110 §12.5.1). Only the
 * body kinds reach the runtime, not the media types, so text and binary ask broadly.
 */
export function acceptHeader(kinds: Iterable<ResponseBodyKind>): string | undefined {
  const set = new Set(kinds);
  const ranges: string[] = [];
  if (set.has("json")) ranges.push("application/json");
  if (set.has("text")) ranges.push("text/*");
  if (set.has("binary")) ranges.push("*/*");
  return ranges.length > 0 ? ranges.join(", ") : undefined;
}

export type ReadBody =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly problem: string; readonly contentType?: string; readonly rawBody: string };

/** RFC 9110 §6.4.1: these responses never have content, whatever is declared. */
function hasNoContent(response: Response, method: string): boolean {
  return method === "HEAD" || response.status === 204 || response.status === 205 || response.status === 304;
}

/**
 * Reads a response body as its declared kind. A JSON response must say it is JSON and
 * parse: anything else (an HTML error page from a proxy, a body cut short) is reported
 * with the text that came, never silently passed on as data.
 */
export async function readResponseBody(response: Response, kind: ResponseBodyKind, method: string): Promise<ReadBody> {
  if (kind === "empty" || hasNoContent(response, method)) {
    // Not read: the declaration says there is nothing, and the connection can be reused.
    await response.body?.cancel().catch(() => undefined);
    return { ok: true, data: undefined };
  }
  switch (kind) {
    case "json": {
      const contentType = response.headers.get("content-type") ?? undefined;
      const raw = await response.text();
      if (!isJsonMediaType(contentType)) {
        return {
          ok: false,
          problem: `expected a JSON body but got ${contentType === undefined ? "no Content-Type" : contentType.split(";")[0]!.trim()}`,
          ...(contentType === undefined ? {} : { contentType }),
          rawBody: raw,
        };
      }
      try {
        return { ok: true, data: JSON.parse(raw) as unknown };
      } catch {
        return { ok: false, problem: "the JSON body could not be parsed", contentType: contentType!, rawBody: raw };
      }
    }
    case "text":
      return { ok: true, data: await response.text() };
    case "binary":
      return { ok: true, data: await response.arrayBuffer() };
  }
}
