// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * AuthError construction for the OAuth 2 runtime. Messages name endpoints and OAuth error
 * codes, never a secret, code, verifier or token: server-supplied text is scrubbed of every
 * secret the request carried before it is kept.
 */
import type { AuthError, OAuthErrorFields } from "../result.js";
import { isObject } from "./encoding.js";

export type AuthErrorReason = AuthError["reason"];

export function authError(
  reason: AuthErrorReason,
  message: string,
  extra: Omit<AuthError, "kind" | "reason" | "message"> = {},
): AuthError {
  return { kind: "auth", reason, message, ...extra };
}

export { isAuthError } from "../result.js";

/** Replace every occurrence of a secret in server-supplied text (defence in depth). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

/** `redact` through a parsed JSON value: every string in it, keys included. */
export function redactDeep(value: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redact(key, secrets)] = redactDeep(item, secrets);
    return out;
  }
  return value;
}

/**
 * RFC 6749 §5.2 error response fields (`error`, `error_description`, `error_uri`), kept only
 * when they are strings; vendors that send `{"error": {...}}` objects get none.
 */
export function parseOAuthError(body: unknown, secrets: readonly (string | undefined)[]): OAuthErrorFields | undefined {
  if (!isObject(body) || typeof body["error"] !== "string") return undefined;
  const description = body["error_description"];
  const uri = body["error_uri"];
  return {
    error: redact(body["error"], secrets),
    ...(typeof description === "string" ? { error_description: redact(description, secrets) } : {}),
    ...(typeof uri === "string" ? { error_uri: redact(uri, secrets) } : {}),
  };
}

/** "invalid_client (client authentication failed)" */
export function describeOAuthError(oauth: OAuthErrorFields): string {
  return oauth.error_description ? `${oauth.error} (${oauth.error_description})` : oauth.error;
}
