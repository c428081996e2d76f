// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * One `oauth2` or `openIdConnect` security scheme of a generated client: where its tokens
 * come from, how they are cached and refreshed, and the `api.auth.<scheme>` methods.
 *
 * Token source, in order (issue 4, "Several flows on one scheme"):
 * 1. the user's token set (from exchangeCode, setTokens, and its refreshes) while it lasts,
 *    refreshed by itself (RFC 6749 §6) when it has expired and carries a refresh token;
 * 2. otherwise the password grant (§4.3, deprecated) when username and password are given;
 * 3. otherwise client credentials (§4.4) when a secret is configured (or the client is
 *    declared public with `tokenEndpointAuthMethod: "none"`).
 * `credential.flow` pins one source. The implicit flow is never run (OAuth 2.1 drops it):
 * such a scheme only uses a token given with `setTokens`.
 *
 * Secrets (client secret, password, codes, verifiers, tokens) live in this closure only:
 * the returned object has no enumerable state, a `toJSON` and an inspect hook that show
 * the scheme's name, and every error message is built from endpoints and OAuth error codes.
 */
import { untilAborted as waitUntilAborted } from "../deadline.js";
import { singleFlight } from "../single-flight.js";
import type { AppliedCredentials, TokenEndpointQuirks } from "../auth.js";
import type { OAuth2Env, OAuth2SchemeAuth, OAuth2SchemeSpec, TokenResult } from "../oauth-types.js";
import type { OAuth2Credential } from "../options.js";
import type { AuthError } from "../result.js";
import type { TokenSet } from "../token-store.js";
import { buildAuthorizationUrl, validateAuthorizationResponse } from "./authorization-code.js";
import { clientAssertionAuth, clientAuthentication, type ClientAuthParts, type TokenEndpointAuthMethod } from "./client-authentication.js";
import { discoverFromUrl, discoverIssuer, metadataUrl, type AuthorizationServerMetadata } from "./discovery.js";
import { authError, isAuthError } from "./errors.js";
import { checkTransport, type HttpEnv } from "./http.js";
import { generateRandomCodeVerifier, generateRandomState } from "./pkce.js";
import { dynamicClientRegistrationRequest, processDynamicClientRegistrationResponse } from "./registration.js";
import { revokeToken } from "./revocation.js";
import {
  authorizationCodeGrantRequest,
  clientCredentialsGrantRequest,
  passwordGrantRequest,
  processTokenResponse,
  refreshTokenGrantRequest,
  type TokenRequestContext,
} from "./token-endpoint.js";

export type {
  AuthorizationUrlOptions,
  AuthorizationUrlResult,
  ExchangeCodeOptions,
  GetTokenOptions,
  OAuth2Env,
  OAuth2SchemeAuth,
  OAuth2SchemeSpec,
  RegisterResult,
  RevokeResult,
  TokenResult,
} from "../oauth-types.js";

type MachineFlow = "clientCredentials" | "password";
type GrantFlow = MachineFlow | "authorizationCode";

export function createOAuth2Auth(
  name: string,
  spec: OAuth2SchemeSpec,
  credential: OAuth2Credential | undefined,
  env: OAuth2Env,
): OAuth2SchemeAuth {
  // Date.now looked up at each call, so that a replaced clock (a test's fake timers) is read too.
  const now = env.now ?? (() => Date.now());
  const store = env.tokenStore;
  const http: HttpEnv = {
    fetch: env.fetch,
    allowInsecureHttp: env.allowInsecureHttp,
    ...(env.timeoutMs !== undefined ? { timeoutMs: env.timeoutMs } : {}),
  };
  const quirks: TokenEndpointQuirks = spec.quirks ?? {};
  const flows = spec.type === "oauth2" ? spec.flows : {};
  // The credential's issuer (the user's deployment) wins over the one the document declares.
  const issuer = credential?.issuer ?? quirks.issuer;
  const discovers = issuer !== undefined || spec.type === "openIdConnect";

  /**
   * Store keys: the user's set, and one set per identity and scope set for the flows this client
   * runs alone. The client ID (and the password grant's username) is in the key, so that clients of
   * other identities sharing a store never send each other's tokens. (The user's set is the
   * application's to place: one store, or prefix, per signed-in user.)
   */
  const userKey = `${name} user`;
  const machineKey = (flow: MachineFlow, scopes: readonly string[]) =>
    `${name} client=${credential?.clientId}${flow === "password" ? ` username=${credential?.username}` : ""} scope=${scopes.join(" ")}`;
  const usedKeys = new Set<string>([userKey]);
  const shared = singleFlight<TokenSet | AuthError>(env.timeoutMs);
  let metadata: Promise<AuthorizationServerMetadata | AuthError> | undefined;

  const credentialSecrets = () => [credential?.clientSecret, credential?.password];
  const missing = (message: string) => authError("missing_credentials", `scheme ${name}: ${message}`, { schemes: [name] });
  const isFresh = (tokens: TokenSet) => tokens.expiresAt === undefined || now() < tokens.expiresAt;

  /**
   * The credentials each scope list was last answered with, kept while their token is
   * fresh, so that a call with a cached token reads no store and waits for nothing. Keyed
   * by the scopes as the operation lists them (several lists may share one store key).
   * The store is read again when the token expires, or after this scheme writes a user
   * token set, invalidates a refused token or clears: those empty it, before and after
   * the write, and `generation` counts them so that a lookup begun before one does not
   * put back what it replaced. (Tokens for a scope set, written only when the old one is
   * missing or expired, need not.)
   */
  const answered = new Map<string, { readonly applied: AppliedCredentials; readonly expiresAt: number | undefined }>();
  let generation = 0;
  const forget = () => {
    answered.clear();
    generation++;
  };
  async function rewriting<T>(write: () => Promise<T>): Promise<T> {
    forget();
    try {
      return await write();
    } finally {
      forget();
    }
  }

  function resolveUrl(ref: string, what: string): URL | AuthError {
    try {
      return new URL(ref, env.baseUrl);
    } catch {
      return authError("discovery_failed", `scheme ${name}: the ${what} is not a valid URL`);
    }
  }

  /** Discover once, lazily, for every caller at once; a failure is retried on the next call. */
  function discover(): Promise<AuthorizationServerMetadata | AuthError | undefined> {
    if (!discovers) return Promise.resolve(undefined);
    metadata ??= (async () => {
      if (issuer !== undefined) return discoverIssuer(http, issuer);
      if (spec.type !== "openIdConnect") return authError("discovery_failed", "unreachable");
      const url = resolveUrl(spec.openIdConnectUrl, "openIdConnectUrl");
      return isAuthError(url) ? url : discoverFromUrl(http, url);
    })().then((result) => {
      if (isAuthError(result)) metadata = undefined;
      return result;
    });
    return metadata;
  }

  /** Discovered endpoints override the document's (issue 4). */
  async function tokenEndpoint(flow: GrantFlow, refresh: boolean): Promise<URL | AuthError> {
    const md = await discover();
    if (isAuthError(md)) return md;
    const found = metadataUrl(md, "token_endpoint");
    if (found) return found;
    const own = flows[flow];
    const ref =
      (refresh ? own?.refreshUrl : undefined) ??
      own?.tokenUrl ??
      flows.clientCredentials?.tokenUrl ??
      flows.authorizationCode?.tokenUrl ??
      flows.password?.tokenUrl;
    if (ref === undefined) return authError("discovery_failed", `scheme ${name}: no token endpoint in the document or the server's metadata`);
    return resolveUrl(ref, "tokenUrl");
  }

  async function authorizationEndpoint(): Promise<URL | AuthError> {
    const md = await discover();
    if (isAuthError(md)) return md;
    const found = metadataUrl(md, "authorization_endpoint");
    if (found) return found;
    const ref = flows.authorizationCode?.authorizationUrl;
    if (ref === undefined) {
      return authError("discovery_failed", `scheme ${name}: no authorization endpoint in the document or the server's metadata`);
    }
    return resolveUrl(ref, "authorizationUrl");
  }

  /**
   * Credential option, then the scheme's declaration, then what the credential holds: a signed
   * assertion, a secret (basic), or nothing (a public client).
   */
  function authMethod(): TokenEndpointAuthMethod {
    return (
      credential?.tokenEndpointAuthMethod ??
      quirks.tokenEndpointAuthMethod ??
      (credential?.clientAssertion !== undefined ? "private_key_jwt" : credential?.clientSecret !== undefined ? "client_secret_basic" : "none")
    );
  }

  /**
   * How the client authenticates to `endpoint`, the token endpoint or the revocation endpoint
   * (RFC 7009 §2.1: as at the token endpoint). Made for each request: a client assertion is
   * used once (RFC 7523 §3, `jti`).
   */
  async function clientAuth(endpoint: URL): Promise<ClientAuthParts | AuthError> {
    if (credential === undefined) return missing("no credentials configured");
    const method = authMethod();
    if (method !== "private_key_jwt") {
      return clientAuthentication(method, credential.clientId, credential.clientSecret) ?? missing(`${method} needs a clientSecret`);
    }
    if (credential.clientAssertion === undefined) return missing("private_key_jwt needs a clientAssertion");
    const md = await discover();
    let assertion: unknown;
    try {
      assertion = await credential.clientAssertion({ clientId: credential.clientId, issuer: isAuthError(md) ? undefined : md?.issuer, endpoint: endpoint.href });
    } catch (cause) {
      return authError("missing_credentials", `scheme ${name}: the clientAssertion function threw`, { schemes: [name], cause });
    }
    if (typeof assertion !== "string" || assertion === "") return missing("the clientAssertion function returned no assertion");
    return clientAssertionAuth(credential.clientId, assertion);
  }

  async function tokenContext(flow: GrantFlow, refresh: boolean): Promise<TokenRequestContext | AuthError> {
    const endpoint = await tokenEndpoint(flow, refresh);
    if (isAuthError(endpoint)) return endpoint;
    const client = await clientAuth(endpoint);
    if (isAuthError(client)) return client;
    return { http, endpoint, clientAuth: client, quirks };
  }

  /** RFC 8414 §2 `revocation_endpoint`, else the scheme's declared `revocationUrl`. */
  async function revocationEndpoint(): Promise<URL | AuthError> {
    const md = await discover();
    if (isAuthError(md)) return md;
    const found = metadataUrl(md, "revocation_endpoint");
    if (found) return found;
    if (quirks.revocationUrl === undefined) {
      return authError("revocation_failed", `scheme ${name}: no revocation endpoint in the server's metadata or the document (x-gen-auth-client.revocationUrl)`);
    }
    return resolveUrl(quirks.revocationUrl, "revocationUrl");
  }

  /** Revoke one set's tokens: the refresh token first (the grant, where the server supports it), then the access token. */
  async function revokeSet(tokens: TokenSet): Promise<AuthError | undefined> {
    const endpoint = await revocationEndpoint();
    if (isAuthError(endpoint)) return endpoint;
    const revoke = async (token: string, hint: "access_token" | "refresh_token") => {
      const client = await clientAuth(endpoint);
      if (isAuthError(client)) return client;
      const secrets = [tokens.accessToken, tokens.refreshToken, client.params["client_assertion"], ...credentialSecrets()];
      return revokeToken(http, endpoint, client, token, hint, secrets);
    };
    const failures: (AuthError | undefined)[] = [];
    if (tokens.refreshToken !== undefined) failures.push(await revoke(tokens.refreshToken, "refresh_token"));
    // Not every server ends the access tokens with the grant (§2.1 says SHOULD); an expired one needs nothing.
    if (isFresh(tokens)) failures.push(await revoke(tokens.accessToken, "access_token"));
    return failures.find((failure) => failure !== undefined);
  }

  async function runGrant(
    flow: GrantFlow,
    refresh: boolean,
    request: (ctx: TokenRequestContext) => Promise<Response | AuthError>,
    secrets: readonly (string | undefined)[],
  ): Promise<TokenSet | AuthError> {
    const ctx = await tokenContext(flow, refresh);
    if (isAuthError(ctx)) return ctx;
    const response = await request(ctx);
    if (isAuthError(response)) return response;
    const defaultExpiresIn = credential?.defaultExpiresIn ?? quirks.defaultExpiresIn;
    return processTokenResponse(response, ctx.endpoint, {
      quirks,
      now: now(),
      ...(defaultExpiresIn !== undefined ? { defaultExpiresIn } : {}),
      secrets: [...credentialSecrets(), ctx.clientAuth.params["client_assertion"], ...secrets],
      ...(env.requestIdHeader !== undefined ? { requestIdHeader: env.requestIdHeader } : {}),
    });
  }

  /**
   * Counts what the application writes (setTokens, exchangeCode, clear). An acquisition notes it
   * when it starts and stores its tokens only if it has not moved: a refresh that lands after a
   * sign-out must not sign the user in again, nor one that lands after another user signed in
   * bring the first user back.
   */
  let written = 0;
  const applicationWrite = <T>(key: string, write: () => Promise<T>): Promise<T> => {
    written++;
    // Under the store's lock, so that an acquisition another client runs meanwhile ends first.
    return store.lock ? store.lock(key, write) : write();
  };

  async function save(key: string, tokens: TokenSet): Promise<void> {
    usedKeys.add(key);
    // A user token set wins over the scope sets' tokens that calls may hold (see resolveToken).
    await (key === userKey ? rewriting(() => store.set(key, tokens)) : store.set(key, tokens));
    try {
      await env.onTokens?.(name, tokens);
    } catch {
      // A failing persistence callback must not make a good token unusable.
    }
  }

  /**
   * One acquisition per key at a time: concurrent callers share its result, and clients sharing
   * a store that locks take turns (`run` reads the store first, so a waiter uses what was stored).
   */
  function singleFlightAcquire(key: string, run: () => Promise<TokenSet | AuthError>): Promise<TokenSet | AuthError> {
    return shared(key, () =>
      (store.lock ? store.lock(key, run) : run()).catch((error: unknown) =>
        authError("token_request_failed", `scheme ${name}: the token store failed`, { cause: error }),
      ),
    );
  }

  /**
   * RFC 6749 §6: refresh `current`. The server may rotate the refresh token (OAuth 2.1
   * §4.3.1); when it sends none, the old one stays. `invalid_grant` means this refresh token
   * is spent: if another client sharing the store (one without `lock`) refreshed first, its
   * set is there and is used; otherwise the grant is gone, the set is dropped and the error
   * surfaces. A set cleared or replaced while the request was on its way (by the application,
   * or by another client) wins over the answer, which is then not stored: the replacement is
   * returned if it is fresh, else undefined (signed out meanwhile).
   */
  async function refresh(
    key: string,
    current: TokenSet & { refreshToken: string },
    flow: GrantFlow,
    since: number,
  ): Promise<TokenSet | AuthError | undefined> {
    const result = await runGrant(flow, true, (ctx) => refreshTokenGrantRequest(ctx, current.refreshToken), [
      current.refreshToken,
    ]);
    if (isAuthError(result)) {
      if (result.oauth?.error !== "invalid_grant") return result;
      const replaced = await rewriting(async () => {
        const stored = await store.get(key);
        if (stored?.refreshToken !== current.refreshToken) return stored;
        await store.delete(key);
        return undefined;
      });
      if (replaced !== undefined && isFresh(replaced)) return replaced;
      return authError(result.reason, `${result.message}; the token set was ${replaced ? "replaced meanwhile" : "cleared"}`, {
        ...(result.oauth ? { oauth: result.oauth } : {}),
        ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
        schemes: [name],
      });
    }
    const tokens: TokenSet = {
      ...result,
      ...(result.refreshToken === undefined ? { refreshToken: current.refreshToken } : {}),
      ...(result.scope === undefined && current.scope !== undefined ? { scope: current.scope } : {}),
      ...(result.idToken === undefined && current.idToken !== undefined ? { idToken: current.idToken } : {}),
    };
    // Read again: another client sharing a store without `lock` may have cleared or replaced it.
    const stored = await store.get(key);
    if (written !== since || stored?.accessToken !== current.accessToken || stored.refreshToken !== current.refreshToken) {
      return stored !== undefined && isFresh(stored) ? stored : undefined;
    }
    await save(key, tokens);
    return tokens;
  }

  const hasRefreshToken = (tokens: TokenSet | undefined): tokens is TokenSet & { refreshToken: string } =>
    tokens?.refreshToken !== undefined;

  /** The user's set, refreshed if needed; undefined when there is none usable. */
  async function userToken(): Promise<TokenSet | AuthError | undefined> {
    const stored = await store.get(userKey);
    if (stored === undefined) return undefined;
    if (isFresh(stored)) return stored;
    if (!hasRefreshToken(stored)) return undefined;
    return singleFlightAcquire(userKey, async () => {
      const since = written;
      const current = await store.get(userKey);
      if (current !== undefined && isFresh(current)) return current;
      if (!hasRefreshToken(current)) return missing("the token set expired and has no refresh token");
      return (await refresh(userKey, current, "authorizationCode", since)) ?? missing("the token set was cleared (signed out) while it was being refreshed");
    });
  }

  async function machineToken(flow: MachineFlow, scopes: readonly string[]): Promise<{ key: string; tokens: TokenSet } | AuthError> {
    const key = machineKey(flow, scopes);
    usedKeys.add(key);
    const stored = await store.get(key);
    if (stored !== undefined && isFresh(stored)) return { key, tokens: stored };
    const tokens = await singleFlightAcquire(key, async () => {
      const since = written;
      const current = await store.get(key);
      if (current !== undefined && isFresh(current)) return current;
      if (hasRefreshToken(current)) {
        const refreshed = await refresh(key, current, flow, since);
        // After invalid_grant, or a clear() meanwhile, the set is gone, and this client holds what it
        // takes to start over (the new token serves the calls that asked, unstored after a clear).
        if (refreshed !== undefined && (!isAuthError(refreshed) || refreshed.oauth?.error !== "invalid_grant")) return refreshed;
      }
      const scope = scopes.length > 0 ? scopes.join(" ") : undefined;
      const acquired =
        flow === "password"
          ? await runGrant("password", false, (ctx) => passwordGrantRequest(ctx, credential?.username ?? "", credential?.password ?? "", scope), [])
          : await runGrant("clientCredentials", false, (ctx) => clientCredentialsGrantRequest(ctx, scope), []);
      // After a clear() meanwhile the token still serves the calls that asked for it, unstored.
      if (!isAuthError(acquired) && written === since) await save(key, acquired);
      return acquired;
    });
    return isAuthError(tokens) ? tokens : { key, tokens };
  }

  const supports = (flow: GrantFlow) => spec.type === "openIdConnect" || flows[flow] !== undefined;
  /** Whether this client can authenticate (or is declared public) to ask for client credentials. */
  const canAskForClientCredentials = () =>
    credential?.clientSecret !== undefined || authMethod() === "private_key_jwt" || (credential?.tokenEndpointAuthMethod ?? quirks.tokenEndpointAuthMethod) === "none";

  /** The flow this client runs on its own, when no user token set is there. */
  function machineFlow(): MachineFlow | AuthError {
    if (credential?.username !== undefined && credential.password !== undefined && flows.password !== undefined) return "password";
    if (supports("clientCredentials") && canAskForClientCredentials()) return "clientCredentials";
    const onlyImplicit = flows.implicit !== undefined && !flows.clientCredentials && !flows.authorizationCode && !flows.password;
    if (onlyImplicit) {
      return missing(
        "the implicit flow is never run by this client (OAuth 2.1 drops it); give a token with setTokens()",
      );
    }
    return missing(
      supports("authorizationCode")
        ? "no token set; use authorizationUrl() and exchangeCode(), or setTokens()"
        : "no token set, and no flow can acquire one (client credentials need a clientSecret or clientAssertion)",
    );
  }

  /** Scopes of one acquisition: the credential's and the operation's, as a sorted set (the cache key). */
  const scopeSet = (scopes: readonly string[]) => [...new Set([...(credential?.scopes ?? []), ...scopes])].sort();

  async function resolveToken(scopes: readonly string[]): Promise<{ key: string; tokens: TokenSet } | AuthError> {
    if (credential === undefined) return missing("no credentials configured");
    const pinned = credential.flow;
    if (pinned === undefined || pinned === "authorizationCode") {
      const user = await userToken();
      if (user !== undefined) return isAuthError(user) ? user : { key: userKey, tokens: user };
      if (pinned === "authorizationCode") return missing("no token set; use authorizationUrl() and exchangeCode(), or setTokens()");
    }
    const flow = pinned ?? machineFlow();
    if (isAuthError(flow)) return flow;
    if (flow === "password" && (credential.username === undefined || credential.password === undefined)) {
      return missing("the password flow needs username and password");
    }
    if (flow === "clientCredentials" && !canAskForClientCredentials()) {
      return missing("client credentials need a clientSecret or clientAssertion (or tokenEndpointAuthMethod \"none\")");
    }
    return machineToken(flow, scopeSet(scopes));
  }

  /** Drop `accessToken` if it is still the stored one; keep a refresh token to refresh with. */
  function invalidate(key: string, accessToken: string): Promise<void> {
    return rewriting(async () => {
      const current = await store.get(key);
      if (current === undefined || current.accessToken !== accessToken) return;
      if (current.refreshToken !== undefined) await store.set(key, { ...current, expiresAt: 0 });
      else await store.delete(key);
    });
  }

  /** The caller stops waiting when its signal fires; a shared acquisition goes on for the others. */
  function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | AuthError> {
    if (signal === undefined) return promise;
    return waitUntilAborted(promise, signal).catch((error: unknown) => {
      if (!signal.aborted) return authError("token_request_failed", `scheme ${name}: token acquisition failed`, { cause: error });
      const message = `scheme ${name}: token acquisition aborted`;
      return authError("token_request_failed", message, { cause: { kind: "timeout", reason: "aborted", message } });
    });
  }

  /** `apply` when no fresh answer is kept: the store, and the token endpoint if need be. */
  async function acquireCredentials(scopes: readonly string[], signal: AbortSignal | undefined): Promise<AppliedCredentials | AuthError> {
    const started = generation;
    const resolved = await untilAborted(resolveToken(scopes), signal);
    if (isAuthError(resolved)) return resolved;
    const { key, tokens } = resolved;
    const applied: AppliedCredentials = Object.freeze({
      // RFC 6750 §2.1; the scheme name is case-insensitive, "Bearer" is its usual spelling.
      headers: Object.freeze({ authorization: `Bearer ${tokens.accessToken}` }),
      invalidate: () => invalidate(key, tokens.accessToken),
    });
    if (generation === started && isFresh(tokens)) answered.set(scopes.join(" "), { applied, expiresAt: tokens.expiresAt });
    return applied;
  }

  const toResult = (value: TokenSet | AuthError): TokenResult =>
    isAuthError(value) ? { ok: false, error: value } : { ok: true, tokens: value };

  const auth: OAuth2SchemeAuth = {
    name,
    configured: credential !== undefined,

    apply(scopes: readonly string[], signal?: AbortSignal): AppliedCredentials | AuthError | Promise<AppliedCredentials | AuthError> {
      const known = answered.get(scopes.join(" "));
      if (known !== undefined && (known.expiresAt === undefined || now() < known.expiresAt)) return known.applied;
      return acquireCredentials(scopes, signal);
    },

    async authorizationUrl(options) {
      if (credential === undefined) throw new Error(`scheme ${name}: no credentials configured`);
      const endpoint = await authorizationEndpoint();
      const problem = isAuthError(endpoint) ? endpoint : checkTransport(endpoint, http);
      if (problem !== undefined) throw new Error(problem.message, { cause: problem });
      const state = options.state ?? generateRandomState();
      const codeVerifier = generateRandomCodeVerifier();
      const scopes = [...new Set(options.scopes ?? credential.scopes ?? [])];
      const url = await buildAuthorizationUrl(endpoint as URL, {
        clientId: credential.clientId,
        redirectUri: options.redirectUri,
        ...(scopes.length > 0 ? { scope: scopes.join(" ") } : {}),
        state,
        codeVerifier,
        ...(options.extraParams ? { extraParams: options.extraParams } : {}),
      });
      return { url: url.href, state, codeVerifier };
    },

    async exchangeCode({ callbackUrl, redirectUri, state, codeVerifier }) {
      if (credential === undefined) return { ok: false, error: missing("no credentials configured") };
      let params: URLSearchParams;
      try {
        params = new URL(callbackUrl).searchParams;
      } catch {
        return { ok: false, error: authError("authorization_denied", `scheme ${name}: callbackUrl is not an absolute URL`) };
      }
      const md = await discover();
      if (isAuthError(md)) return { ok: false, error: md };
      const code = validateAuthorizationResponse(params, {
        state,
        ...(md !== undefined ? { issuer: md.issuer } : {}),
        issRequired: md?.authorization_response_iss_parameter_supported === true,
      });
      if (isAuthError(code)) return { ok: false, error: code };
      const tokens = await runGrant(
        "authorizationCode",
        false,
        (ctx) => authorizationCodeGrantRequest(ctx, code, redirectUri, codeVerifier),
        [code, codeVerifier],
      );
      if (!isAuthError(tokens)) await applicationWrite(userKey, () => save(userKey, tokens));
      return toResult(tokens);
    },

    async getToken(options) {
      const resolved = await resolveToken(options?.scopes ?? []);
      return isAuthError(resolved) ? { ok: false, error: resolved } : { ok: true, tokens: resolved.tokens };
    },

    async setTokens(tokens) {
      await applicationWrite(userKey, () => save(userKey, tokens));
    },

    async clear() {
      await rewriting(async () => {
        for (const key of usedKeys) await applicationWrite(key, () => store.delete(key));
      });
    },

    async revoke() {
      let failure: AuthError | undefined;
      await rewriting(async () => {
        for (const key of usedKeys) {
          await applicationWrite(key, async () => {
            const tokens = await store.get(key);
            // Forgotten first: calls made meanwhile find no token instead of one being revoked.
            await store.delete(key);
            const failed = tokens === undefined ? undefined : await revokeSet(tokens);
            failure ??= failed;
          });
        }
      });
      return failure === undefined ? { ok: true } : { ok: false, error: { ...failure, schemes: [name] } };
    },

    async register(clientMetadata, options) {
      const md = await discover();
      if (isAuthError(md)) return { ok: false, error: md };
      const endpoint = metadataUrl(md, "registration_endpoint");
      if (endpoint === undefined) {
        const message =
          md === undefined
            ? `scheme ${name}: registration needs discovery (an issuer option or an openIdConnect scheme)`
            : `scheme ${name}: the authorization server advertises no registration_endpoint`;
        return { ok: false, error: authError("discovery_failed", message) };
      }
      const response = await dynamicClientRegistrationRequest(http, endpoint, clientMetadata, options?.initialAccessToken);
      if (isAuthError(response)) return { ok: false, error: response };
      const client = await processDynamicClientRegistrationResponse(response, endpoint, [options?.initialAccessToken]);
      return isAuthError(client) ? { ok: false, error: client } : { ok: true, client };
    },

    toJSON() {
      return { scheme: name, type: spec.type, configured: credential !== undefined };
    },
  };

  // Node's util.inspect hook, by its registered symbol (no Node types needed).
  Object.defineProperty(auth, Symbol.for("nodejs.util.inspect.custom"), {
    value: () => `OAuth2SchemeAuth { scheme: ${JSON.stringify(name)}, configured: ${credential !== undefined} }`,
  });
  return auth;
}
