// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * RFC 7009 token revocation: the client tells the authorization server that it no longer needs a
 * token, so that a sign-out ends the grant there and not only in this client's store.
 */
import type { AuthError } from "../result.js";
import type { ClientAuthParts } from "./client-authentication.js";
import { authError, describeOAuthError, isAuthError, parseOAuthError } from "./errors.js";
import { endpointLabel, readJson, send, type HttpEnv } from "./http.js";

/**
 * RFC 7009 §2.1: POST the token with a hint of its type, form-encoded, with the client's
 * authentication as at the token endpoint (RFC 6749 §2.3). §2.2: 200 means revoked, and also
 * that the token was already invalid (nothing is left to revoke); anything else is a failure,
 * with RFC 6749 §5.2 error fields (§2.2.1 adds `unsupported_token_type`; a 503 asks to try again).
 * Undefined when the server confirmed. `secrets`: what server text is scrubbed of (the token among them).
 */
export async function revokeToken(
  http: HttpEnv,
  endpoint: URL,
  clientAuth: ClientAuthParts,
  token: string,
  tokenTypeHint: "access_token" | "refresh_token",
  secrets: readonly (string | undefined)[],
): Promise<AuthError | undefined> {
  const response = await send(
    http,
    endpoint,
    {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded;charset=UTF-8", ...clientAuth.headers },
      body: new URLSearchParams({ token, token_type_hint: tokenTypeHint, ...clientAuth.params }).toString(),
    },
    "revocation request",
    "revocation_failed",
  );
  if (isAuthError(response)) return response;
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const oauth = parseOAuthError(await readJson(response), secrets);
  const where = endpointLabel(endpoint);
  return authError(
    "revocation_failed",
    oauth
      ? `revocation endpoint ${where} refused to revoke the ${tokenTypeHint.replace("_", " ")}: ${describeOAuthError(oauth)}`
      : `revocation endpoint ${where} answered HTTP ${response.status}`,
    { httpStatus: response.status, ...(oauth ? { oauth } : {}) },
  );
}
