// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Security schemes whose credential the user hands over as it is: apiKey (OpenAPI 3
 * §4.8.27, `type: apiKey`) and the HTTP authentication schemes of `type: http` (RFC 9110
 * §11): Basic (RFC 7617), Bearer (RFC 6750) and any other scheme as a static value.
 *
 * Credentials live only in closures, never in properties, so `util.inspect` or
 * `JSON.stringify` of a scheme (or of a client holding it) shows no secret. Values are
 * checked before they reach `Headers`, whose own TypeError would quote the value.
 */
import type { AppliedCredentials, SchemeAuth } from "./auth.js";
import type { ApiKeyCredential, BasicCredential, BearerCredential } from "./options.js";
import { isAuthError, type AuthError } from "./result.js";

/** A credential given as a value, or as a function called for every request. */
export type DynamicCredential = string | (() => string | Promise<string>);

/**
 * RFC 9110 §5.5: a field value is visible ASCII, spaces and tabs inside, never CR, LF or
 * NUL. obs-text (bytes 0x80-0xFF) is allowed there but means nothing portable, so a
 * credential with it is refused rather than sent mangled.
 */
const FIELD_VALUE = /^[\x21-\x7E](?:[\x20-\x7E\t]*[\x21-\x7E])?$/;

/**
 * RFC 6265 §4.1.1: `cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E`, i.e.
 * no whitespace, DQUOTE, comma, semicolon or backslash: a key with one of those would
 * split the Cookie header and could inject another cookie.
 */
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]+$/;

/** RFC 5234 Appendix B.1: CTL = %x00-1F / %x7F. */
const CONTROL = /[\x00-\x1F\x7F]/;

function authError(scheme: string, reason: AuthError["reason"], message: string, cause?: unknown): AuthError {
  const error: AuthError = { kind: "auth", reason, message, schemes: [scheme] };
  // Non-enumerable: a provider's exception may quote the secret it failed to produce.
  if (cause !== undefined) Object.defineProperty(error, "cause", { value: cause });
  return error;
}

function isPresent(credential: unknown): boolean {
  return credential !== undefined && credential !== null && credential !== "";
}

/**
 * Calls a credential function for one request. An empty string counts as absent (it is
 * what an unset environment variable usually turns into).
 */
async function resolveCredential(scheme: string, credential: () => string | Promise<string>): Promise<string | AuthError> {
  let value: unknown;
  try {
    value = await credential();
  } catch (cause) {
    return authError(scheme, "missing_credentials", `${scheme}: the credential function threw`, cause);
  }
  if (typeof value !== "string" || value === "") {
    return authError(scheme, "missing_credentials", `${scheme}: the credential function returned no value`);
  }
  return value;
}

function checkFieldValue(scheme: string, value: string): AuthError | undefined {
  if (FIELD_VALUE.test(value)) return undefined;
  return authError(
    scheme,
    "invalid_credentials",
    `${scheme}: the credential contains characters that cannot be sent in an HTTP header (RFC 9110 §5.5)`,
  );
}

type Answer = AppliedCredentials | AuthError;

/**
 * A scheme whose credential is a value or a function. A value is turned into its answer
 * once, checked and frozen, and every call gets that answer at once: a static key costs a
 * call nothing but putting its header (the pipeline's check of a frozen record is kept
 * too). A function is called, and its result checked, for every request; so is a value
 * that was refused, so that each call gets an error of its own.
 */
function answering(
  name: string,
  configured: boolean,
  missing: string,
  credential: DynamicCredential,
  answer: (value: string) => Answer,
): SchemeAuth {
  const fixed = configured && typeof credential !== "function" ? freeze(answer(credential)) : undefined;
  return {
    name,
    configured,
    apply: () =>
      !configured
        ? authError(name, "missing_credentials", `${name}: ${missing}`)
        : typeof credential === "function"
          ? resolveCredential(name, credential).then((value) => (isAuthError(value) ? value : answer(value)))
          : isAuthError(fixed)
            ? answer(credential)
            : fixed!,
  };
}

function freeze(answer: Answer): Answer {
  if (!isAuthError(answer)) for (const part of Object.values(answer)) Object.freeze(part);
  return Object.freeze(answer);
}

/**
 * `type: apiKey` (OpenAPI 3 §4.8.27): the key goes in the header, query parameter or
 * cookie named by the scheme, and nowhere else.
 */
export function apiKeyAuth(
  name: string,
  placement: { readonly in: "header" | "query" | "cookie"; readonly name: string },
  credential: ApiKeyCredential | undefined,
): SchemeAuth {
  return answering(name, isPresent(credential), "no API key is configured", credential ?? "", (value) => {
    switch (placement.in) {
      case "header":
        return checkFieldValue(name, value) ?? { headers: { [placement.name]: value } };
      case "query":
        // Any character is fine here: the URL builder percent-encodes it.
        return { query: { [placement.name]: value } };
      case "cookie":
        if (!COOKIE_VALUE.test(value)) {
          return authError(
            name,
            "invalid_credentials",
            `${name}: the API key contains characters that cannot be sent in a cookie (RFC 6265 §4.1.1)`,
          );
        }
        return { cookies: { [placement.name]: value } };
    }
  });
}

/**
 * RFC 7617 §2: "the user-id and password are [...] concatenated using a single colon
 * (':') character" and the result encoded with Base64; "a user-id containing a colon
 * character is invalid". §2.1: the charset is UTF-8, the only one it allows to announce.
 * Neither part may contain control characters.
 *
 * Returns the token68 (without the "Basic " prefix), or undefined when the pair is invalid.
 */
export function encodeBasicCredentials(username: string, password: string): string | undefined {
  if (username.includes(":") || CONTROL.test(username) || CONTROL.test(password)) return undefined;
  // btoa takes a "binary string": one char per byte of the UTF-8 encoding.
  return btoa(Array.from(new TextEncoder().encode(`${username}:${password}`), (byte) => String.fromCharCode(byte)).join(""));
}

/** `type: http, scheme: basic` (RFC 7617): the pair is read, and encoded, when the client is created. */
export function basicAuth(name: string, credential: BasicCredential | undefined): SchemeAuth {
  const configured =
    credential !== undefined &&
    credential !== null &&
    typeof credential.username === "string" &&
    typeof credential.password === "string";
  // Empty when the pair is invalid: a valid one encodes to at least "Og==" (":").
  const token = configured ? (encodeBasicCredentials(credential.username, credential.password) ?? "") : "";
  return answering(name, configured, "no username and password are configured", token, (token) =>
    token === ""
      ? authError(
          name,
          "invalid_credentials",
          `${name}: a Basic user-id must not contain ":" and neither part may contain control characters (RFC 7617 §2)`,
        )
      : { headers: { Authorization: `Basic ${token}` } },
  );
}

/**
 * `type: http, scheme: bearer` (RFC 6750 §2.1): `Authorization: Bearer <token>`. The token
 * is not held to the strict b64token grammar, since opaque vendor tokens often stray from
 * it; it only has to be a valid field value.
 */
export function bearerAuth(name: string, credential: BearerCredential | undefined): SchemeAuth {
  return httpAuth(name, "Bearer", credential);
}

/**
 * Any other `type: http` scheme (RFC 9110 §11.4): `Authorization: <Scheme> <credential>`,
 * the credential sent as the user gives it. The scheme name is written as the document
 * spells it (RFC 9110 §11.1: it is case-insensitive).
 */
export function httpAuth(name: string, scheme: string, credential: DynamicCredential | undefined): SchemeAuth {
  return answering(name, isPresent(credential), "no credential is configured", credential ?? "", (value) => {
    const header = `${scheme} ${value}`;
    return checkFieldValue(name, header) ?? { headers: { Authorization: header } };
  });
}
