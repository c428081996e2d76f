// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * OAuth 2 for generated clients: `oauth2Auth` (the RuntimeParts entry a client with an
 * oauth2 / openIdConnect scheme imports), `createOAuth2Auth` behind it, and the protocol
 * steps it is made of (request + process functions), for reuse.
 */
import type { OAuth2SchemeAuth, OAuth2SchemeSpec } from "../oauth-types.js";
import type { OAuth2Credential } from "../options.js";
import type { SchemeContext } from "../parts.js";
import { createOAuth2Auth } from "./scheme.js";

/** `createOAuth2Auth` with its environment read from the client's options. */
export function oauth2Auth(name: string, spec: OAuth2SchemeSpec, credential: OAuth2Credential | undefined, context: SchemeContext): OAuth2SchemeAuth {
  const { options, requestIdHeader } = context;
  return createOAuth2Auth(name, spec, credential, {
    baseUrl: context.baseUrl,
    fetch: context.fetch,
    tokenStore: context.tokenStore,
    ...(options.onTokens ? { onTokens: options.onTokens } : {}),
    allowInsecureHttp: options.dangerouslyAllowInsecureHttp === true,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(requestIdHeader === undefined ? {} : { requestIdHeader }),
  });
}

export {
  createOAuth2Auth,
  type OAuth2Env,
  type OAuth2SchemeAuth,
  type OAuth2SchemeSpec,
  type AuthorizationUrlOptions,
  type AuthorizationUrlResult,
  type ExchangeCodeOptions,
  type GetTokenOptions,
  type RegisterResult,
  type RevokeResult,
  type TokenResult,
} from "./scheme.js";
export { generateRandomCodeVerifier, calculatePKCECodeChallenge, generateRandomState } from "./pkce.js";
export { formUrlEncode } from "./encoding.js";
export { privateKeyJwt, type PrivateKeyJwtOptions } from "./private-key-jwt.js";
export { revokeToken } from "./revocation.js";
export {
  clientAssertionAuth,
  clientAuthentication,
  clientSecretBasic,
  clientSecretPost,
  noneClientAuth,
  type TokenEndpointAuthMethod,
} from "./client-authentication.js";
export {
  tokenRequest,
  clientCredentialsGrantRequest,
  authorizationCodeGrantRequest,
  refreshTokenGrantRequest,
  passwordGrantRequest,
  processTokenResponse,
  type TokenRequestContext,
} from "./token-endpoint.js";
export { buildAuthorizationUrl, validateAuthorizationResponse } from "./authorization-code.js";
export {
  wellKnownUrl,
  discoveryRequest,
  processDiscoveryResponse,
  discoverIssuer,
  discoverFromUrl,
  type AuthorizationServerMetadata,
} from "./discovery.js";
export { dynamicClientRegistrationRequest, processDynamicClientRegistrationResponse } from "./registration.js";
export { isAuthError } from "./errors.js";
export { expiresAtFrom } from "../token-store.js";
export { checkTransport, type HttpEnv } from "./http.js";
export { parseBearerChallenge, bearerChallengeError, type BearerChallenge } from "../www-authenticate.js";
