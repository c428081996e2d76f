// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * The token endpoint (RFC 6749 §3.2): one request function per grant, one function that
 * processes every token response (§5.1 success, §5.2 error). Vendor departures come in as
 * declared {@link TokenEndpointQuirks}, never as code in a generated client.
 */
import type { TokenEndpointQuirks } from "../auth.js";
import type { AuthError } from "../result.js";
import { expiresAtFrom, type TokenSet } from "../token-store.js";
import type { ClientAuthParts } from "./client-authentication.js";
import { isObject } from "./encoding.js";
import { authError, describeOAuthError, isAuthError, parseOAuthError, redact, redactDeep } from "./errors.js";
import { endpointLabel, readJson, send, type HttpEnv } from "./http.js";

export interface TokenRequestContext {
  readonly http: HttpEnv;
  readonly endpoint: URL;
  readonly clientAuth: ClientAuthParts;
  readonly quirks: TokenEndpointQuirks;
  readonly signal?: AbortSignal;
}

/**
 * Send a token request for `grantType` with `params` (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6).
 * The body is form-encoded unless the scheme declares `tokenRequestEncoding: "json"`;
 * `grant_type` is left out only when the scheme declares `sendGrantType: false`.
 */
export function tokenRequest(
  ctx: TokenRequestContext,
  grantType: string,
  params: Readonly<Record<string, string | undefined>>,
): Promise<Response | AuthError> {
  const fields: Record<string, string> = {};
  if (ctx.quirks.sendGrantType !== false) fields["grant_type"] = grantType;
  for (const [key, value] of Object.entries(params)) if (value !== undefined) fields[key] = value;
  Object.assign(fields, ctx.clientAuth.params);

  const json = ctx.quirks.tokenRequestEncoding === "json";
  return send(
    ctx.http,
    ctx.endpoint,
    {
      method: "POST",
      headers: {
        accept: "application/json",
        "content-type": json ? "application/json" : "application/x-www-form-urlencoded;charset=UTF-8",
        ...ctx.clientAuth.headers,
      },
      body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
    },
    "token request",
    "token_request_failed",
    ctx.signal,
  );
}

/** RFC 6749 §4.4.2 Client Credentials Grant: Access Token Request. */
export function clientCredentialsGrantRequest(ctx: TokenRequestContext, scope: string | undefined) {
  return tokenRequest(ctx, "client_credentials", { scope });
}

/** RFC 6749 §4.1.3 Authorization Code Grant: Access Token Request, with RFC 7636 §4.5 `code_verifier`. */
export function authorizationCodeGrantRequest(
  ctx: TokenRequestContext,
  code: string,
  redirectUri: string,
  codeVerifier: string,
) {
  return tokenRequest(ctx, "authorization_code", { code, redirect_uri: redirectUri, code_verifier: codeVerifier });
}

/** RFC 6749 §6 Refreshing an Access Token (scope omitted: "treated as equal to the scope originally granted"). */
export function refreshTokenGrantRequest(ctx: TokenRequestContext, refreshToken: string) {
  return tokenRequest(ctx, "refresh_token", { refresh_token: refreshToken });
}

/**
 * RFC 6749 §4.3.2 Resource Owner Password Credentials Grant.
 * @deprecated OAuth 2.1 removes the password grant (the client sees the user's password);
 * use the authorization code flow where the server allows it.
 */
export function passwordGrantRequest(
  ctx: TokenRequestContext,
  username: string,
  password: string,
  scope: string | undefined,
) {
  return tokenRequest(ctx, "password", { username, password, scope });
}

export interface ProcessTokenResponseOptions {
  readonly quirks: TokenEndpointQuirks;
  readonly now: number;
  /** Lifetime assumed when the response has no `expires_in` (credential, then scheme quirk). */
  readonly defaultExpiresIn?: number;
  /** Values the request carried; scrubbed from any server text kept in the error. */
  readonly secrets: readonly (string | undefined)[];
  /** Response header whose value errors carry as `requestId` (vendors ask for it in support requests). */
  readonly requestIdHeader?: string;
}

/**
 * RFC 6749 §5.1 / §5.2: a token set, or an AuthError — "token_request_failed" with the
 * OAuth error fields for an error response, "invalid_token_response" for a success that is
 * not a usable token response. `token_type` is compared case-insensitively (§5.1) and must
 * be Bearer (RFC 6750), the only type this client can present.
 */
export async function processTokenResponse(
  response: Response,
  endpoint: URL,
  options: ProcessTokenResponseOptions,
): Promise<TokenSet | AuthError> {
  const result = await readTokenResponse(response, endpoint, options);
  const requestId = response.headers.get(options.requestIdHeader ?? "x-request-id");
  return isAuthError(result) && requestId !== null ? { ...result, requestId } : result;
}

async function readTokenResponse(response: Response, endpoint: URL, options: ProcessTokenResponseOptions): Promise<TokenSet | AuthError> {
  const body = await readJson(response);
  const where = endpointLabel(endpoint);

  const oauth = parseOAuthError(body, options.secrets);
  if (!response.ok || oauth) {
    return authError(
      "token_request_failed",
      oauth
        ? `token endpoint ${where} refused the request: ${describeOAuthError(oauth)}`
        : `token endpoint ${where} answered HTTP ${response.status}`,
      {
        httpStatus: response.status,
        ...(oauth ? { oauth } : {}),
        // Vendors that answer `{"error": {code, message}}` instead of §5.2 still say why.
        ...(body === undefined ? {} : { body: redactDeep(body, options.secrets) }),
      },
    );
  }
  if (body === undefined) {
    return authError("invalid_token_response", `token endpoint ${where} answered with a body that is not JSON`, {
      httpStatus: response.status,
    });
  }

  let token: unknown = body;
  for (const key of options.quirks.tokenResponsePath ?? []) token = isObject(token) ? token[key] : undefined;
  if (!isObject(token)) {
    return authError("invalid_token_response", `token endpoint ${where} answered without a token object`, {
      httpStatus: response.status,
    });
  }

  const accessToken = token["access_token"];
  if (typeof accessToken !== "string" || accessToken === "") {
    return authError("invalid_token_response", `token endpoint ${where} answered without an access_token`, {
      httpStatus: response.status,
    });
  }

  // §5.1 makes token_type REQUIRED; when a vendor leaves it out, Bearer is the only reading.
  const tokenType = token["token_type"] ?? "Bearer";
  if (typeof tokenType !== "string" || tokenType.toLowerCase() !== "bearer") {
    const shown = typeof tokenType === "string" ? redact(tokenType, [accessToken]).slice(0, 40) : typeof tokenType;
    return authError(
      "invalid_token_response",
      `token endpoint ${where} issued a token of type "${shown}"; only Bearer tokens (RFC 6750) are supported`,
      { httpStatus: response.status },
    );
  }

  const rawExpiresIn = token["expires_in"];
  const parsed =
    typeof rawExpiresIn === "number" ? rawExpiresIn : typeof rawExpiresIn === "string" ? Number(rawExpiresIn) : NaN;
  const expiresIn = Number.isFinite(parsed) && parsed > 0 ? parsed : options.defaultExpiresIn;

  const refreshToken = token["refresh_token"];
  const scope = token["scope"];
  const idToken = token["id_token"];
  return {
    accessToken,
    tokenType,
    ...(expiresIn !== undefined ? { expiresAt: expiresAtFrom(options.now, expiresIn) } : {}),
    ...(typeof refreshToken === "string" && refreshToken !== "" ? { refreshToken } : {}),
    ...(typeof scope === "string" ? { scope } : {}),
    ...(typeof idToken === "string" ? { idToken } : {}),
  };
}
