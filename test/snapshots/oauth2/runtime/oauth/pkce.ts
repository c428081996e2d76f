// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Proof Key for Code Exchange (RFC 7636), S256 only: the `plain` method protects nothing
 * once the authorization request is observed, and OAuth 2.1 drops it.
 */
import { base64url, randomToken } from "./encoding.js";

/**
 * RFC 7636 §4.1: "code_verifier = high-entropy cryptographic random STRING using the
 * unreserved characters [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~", with a minimum
 * length of 43 characters and a maximum length of 128 characters."
 * 32 random bytes in base64url give 43 characters and 256 bits.
 */
export function generateRandomCodeVerifier(): string {
  return randomToken(32);
}

/** RFC 7636 §4.2: `code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))`. */
export async function calculatePKCECodeChallenge(codeVerifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(codeVerifier));
  return base64url(new Uint8Array(digest));
}

/**
 * RFC 6749 §10.12 asks for a `state` value that binds the callback to the user agent's
 * session and cannot be guessed; 32 random bytes (256 bits) are well beyond the 128 bits
 * RFC 6749 §10.10 asks of generated tokens.
 */
export function generateRandomState(): string {
  return randomToken(32);
}
