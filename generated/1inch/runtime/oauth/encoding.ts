// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Encodings shared by the OAuth 2 steps. Web APIs only (TextEncoder, btoa, Web Crypto), so
 * the runtime runs in browsers, workers, Deno, Bun and Node alike.
 */

/**
 * RFC 6749 §2.3.1:
 * "The client identifier is encoded using the application/x-www-form-urlencoded encoding
 * algorithm per Appendix B, and the encoded value is used as the username; the client
 * password is encoded using the same algorithm and used as the password."
 *
 * URLSearchParams serialises with exactly that algorithm (spaces become "+", everything
 * outside `*-._` and alphanumerics is percent-encoded), so a client id such as `a:b+c/d`
 * cannot be confused with the `:` that separates id and secret.
 */
export function formUrlEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice("v=".length);
}

/** RFC 4648 §5 base64url without padding, as RFC 7636 Appendix A requires. */
export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** `byteLength` random bytes from the platform CSPRNG, base64url-encoded. */
export function randomToken(byteLength = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
