// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * What a request carries beyond the header fields the pipeline sets: credentials placed
 * in the query or in a cookie (OpenAPI 3 §4.8.27, apiKey `in: query | cookie`), and
 * cookie parameters. Only a client whose document has such a scheme or parameter imports
 * it (parts.ts `placement`); every other credential is a header.
 */
import type { AppliedCredentials } from "./auth.js";
import { percentEncode } from "./serialize.js";

/** Returns `href` with the credentials' query parameters, and sets the Cookie header in `headers`. */
export function placeOutsideHeaders(
  href: string,
  headers: Record<string, string>,
  parameterCookies: readonly string[] | undefined,
  applied: readonly AppliedCredentials[],
): string {
  const cookies = parameterCookies === undefined ? [] : [...parameterCookies];
  for (const credential of applied) {
    if (credential.query !== undefined) {
      for (const [name, value] of Object.entries(credential.query)) {
        // "?" cannot be in the path (operation-plan.ts encodes it), so it starts the query.
        href += `${href.includes("?") ? "&" : "?"}${percentEncode(name)}=${percentEncode(value)}`;
      }
    }
    if (credential.cookies !== undefined) {
      for (const [name, value] of Object.entries(credential.cookies)) cookies.push(`${name}=${value}`);
    }
  }
  if (cookies.length > 0) {
    // RFC 6265 §5.4: one Cookie header, pairs separated by "; ".
    const existing = Object.hasOwn(headers, "cookie") ? headers.cookie : undefined;
    headers.cookie = [...(existing ? [existing] : []), ...cookies].join("; ");
  }
  return href;
}
