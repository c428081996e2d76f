// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * The authorization code flow's front channel: the authorization request (RFC 6749
 * §4.1.1 with RFC 7636 §4.3) and the checks on the callback (RFC 6749 §4.1.2, RFC 9207).
 */
import type { AuthError } from "../result.js";
import { authError, describeOAuthError, parseOAuthError } from "./errors.js";
import { calculatePKCECodeChallenge } from "./pkce.js";

/** Parameters this runtime sets itself; `extraParams` cannot replace them. */
const PROTECTED = new Set(["response_type", "client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method"]);

export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope?: string;
  readonly state: string;
  readonly codeVerifier: string;
  readonly extraParams?: Readonly<Record<string, string>>;
}

/**
 * RFC 6749 §4.1.1 Authorization Request with RFC 7636 §4.3 `code_challenge` (S256). The
 * endpoint's own query is kept (§3.1: it "MUST be retained when adding additional query
 * parameters").
 */
export async function buildAuthorizationUrl(endpoint: URL, request: AuthorizationRequest): Promise<URL> {
  const url = new URL(endpoint.href);
  for (const [key, value] of Object.entries(request.extraParams ?? {})) {
    if (!PROTECTED.has(key)) url.searchParams.set(key, value);
  }
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", request.clientId);
  url.searchParams.set("redirect_uri", request.redirectUri);
  if (request.scope) url.searchParams.set("scope", request.scope);
  else url.searchParams.delete("scope");
  url.searchParams.set("state", request.state);
  url.searchParams.set("code_challenge", await calculatePKCECodeChallenge(request.codeVerifier));
  url.searchParams.set("code_challenge_method", "S256");
  return url;
}

export interface CallbackExpectations {
  readonly state: string;
  /** The issuer from discovered metadata, when there is one. */
  readonly issuer?: string;
  /** RFC 9207 §3: metadata `authorization_response_iss_parameter_supported`. */
  readonly issRequired: boolean;
}

/**
 * Validate an authorization response and return its code:
 * - RFC 9207 §2.4: an `iss` must equal the expected issuer, checked before anything else
 *   (including error responses); a missing `iss` is an error when the metadata promises it.
 * - RFC 6749 §10.12: `state` must be the one sent, or the callback is not ours (CSRF).
 * - RFC 6749 §4.1.2.1: an `error` callback becomes reason "authorization_denied" with its fields.
 */
export function validateAuthorizationResponse(params: URLSearchParams, expected: CallbackExpectations): string | AuthError {
  const iss = params.get("iss");
  if (expected.issuer !== undefined) {
    if (iss === null && expected.issRequired) {
      return authError("state_mismatch", "the callback has no iss parameter although the server's metadata promises one (RFC 9207)");
    }
    if (iss !== null && iss !== expected.issuer) {
      return authError("state_mismatch", "the callback's iss does not name the expected authorization server (RFC 9207 mix-up defence)");
    }
  }

  const state = params.get("state");
  if (state !== expected.state) {
    return authError(
      "state_mismatch",
      state === null ? "the callback has no state parameter" : "the callback's state does not match the state of the authorization request",
    );
  }

  const oauth = parseOAuthError({ error: params.get("error") ?? undefined, error_description: params.get("error_description") ?? undefined, error_uri: params.get("error_uri") ?? undefined }, []);
  if (oauth) {
    return authError("authorization_denied", `the authorization server denied the request: ${describeOAuthError(oauth)}`, { oauth });
  }

  const code = params.get("code");
  if (!code) return authError("authorization_denied", "the callback carries neither a code nor an error");
  return code;
}
