// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * OAuth 2 for generated clients: `createOAuth2Auth` for each oauth2 / openIdConnect scheme,
 * and the protocol steps it is made of (request + process functions), for reuse.
 */
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
  type TokenResult,
} from "./scheme.js";
export { generateRandomCodeVerifier, calculatePKCECodeChallenge, generateRandomState } from "./pkce.js";
export { formUrlEncode } from "./encoding.js";
export {
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
