// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * The public face of an OAuth 2 / OpenID Connect scheme (`api.auth.<scheme>`), as types
 * only. They live outside `oauth/` so that every client names them (its types stay the
 * same whatever its document uses) while only a client with such a scheme copies the
 * implementation in `oauth/`.
 */
import type { SchemeAuth, SchemeSpec } from "./auth.js";
import type { ClientOptions } from "./options.js";
import type { AuthError } from "./result.js";
import type { TokenSet, TokenStore } from "./token-store.js";

export type OAuth2SchemeSpec = Extract<SchemeSpec, { type: "oauth2" | "openIdConnect" }>;

export interface OAuth2Env {
  /** The client's base URL: relative tokenUrl / authorizationUrl / openIdConnectUrl resolve against it (OpenAPI 3.1 §4.8.29). */
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly tokenStore: TokenStore;
  readonly onTokens?: ClientOptions<unknown>["onTokens"];
  /** `dangerouslyAllowInsecureHttp`: plain http to non-loopback authorization servers. */
  readonly allowInsecureHttp: boolean;
  /** Clock in epoch milliseconds; default Date.now. */
  readonly now?: () => number;
  /** Time limit for each request to the authorization server, in milliseconds. */
  readonly timeoutMs?: number;
  /** Response header read into errors' `requestId`; default x-request-id. */
  readonly requestIdHeader?: string;
}

export type TokenResult = { readonly ok: true; readonly tokens: TokenSet } | { readonly ok: false; readonly error: AuthError };

export interface AuthorizationUrlOptions<Scope extends string = string> {
  /** Registered redirection endpoint (RFC 6749 §3.1.2). */
  readonly redirectUri: string;
  /** Scopes to ask for; default the credential's `scopes`. */
  readonly scopes?: readonly Scope[];
  /** Your own state value; default a fresh random 256-bit value. */
  readonly state?: string;
  /** More authorization request parameters (`prompt`, `login_hint`, `resource`, ...). They cannot replace the protocol's own. */
  readonly extraParams?: Readonly<Record<string, string>>;
}

export interface GetTokenOptions<Scope extends string = string> {
  /** Scopes asked for on top of the credential's `scopes`, as an operation's requirement asks for them. */
  readonly scopes?: readonly Scope[];
}

export interface AuthorizationUrlResult {
  readonly url: string;
  /** Keep with the user's session; `exchangeCode` compares it with the callback's. */
  readonly state: string;
  /** Keep secret with the user's session; `exchangeCode` sends it (RFC 7636 §4.5). */
  readonly codeVerifier: string;
}

export interface ExchangeCodeOptions {
  /** The full URL the authorization server redirected the user agent to. */
  readonly callbackUrl: string;
  /** The same redirect URI as in the authorization request (RFC 6749 §4.1.3). */
  readonly redirectUri: string;
  readonly state: string;
  readonly codeVerifier: string;
}

/** `revoke()`: whether the authorization server confirmed every revocation. */
export type RevokeResult = { readonly ok: true } | { readonly ok: false; readonly error: AuthError };

export type RegisterResult =
  | { readonly ok: true; readonly client: Record<string, unknown> }
  | { readonly ok: false; readonly error: AuthError };

export interface OAuth2SchemeAuth extends SchemeAuth {
  /**
   * RFC 6749 §4.1.1 authorization request with PKCE S256 (RFC 7636 §4.1–4.3).
   * Throws (an Error whose `cause` is the AuthError) when no authorization endpoint can be
   * found or it is not https.
   */
  authorizationUrl(options: AuthorizationUrlOptions): Promise<AuthorizationUrlResult>;
  /**
   * RFC 6749 §4.1.2–4.1.4: check the callback (RFC 9207 `iss`, `state`, `error`), exchange
   * the code (with the RFC 7636 verifier) and store the token set.
   */
  exchangeCode(options: ExchangeCodeOptions): Promise<TokenResult>;
  /**
   * The token set a call would use now, acquiring or refreshing it if needed. Client
   * credentials and password tokens are cached per scope set: pass the scopes of the
   * operation you mean (its `security`) to get the token that operation sends.
   */
  getToken(options?: GetTokenOptions): Promise<TokenResult>;
  /**
   * Store a token set obtained elsewhere (e.g. restored from your own persistence); it is
   * used and refreshed like one from exchangeCode. `onTokens` is called with it too. A refresh
   * already on its way is not stored over it (nor over exchangeCode's).
   */
  setTokens(tokens: TokenSet): Promise<void>;
  /**
   * Forget every token set of this scheme (a sign-out). A refresh or token request already on
   * its way is not stored afterwards; with a store that has `lock`, the sign-out waits for one
   * that another client is running, then deletes what it stored.
   */
  clear(): Promise<void>;
  /**
   * A sign-out that ends the grant at the authorization server too: RFC 7009 revocation of
   * every token this scheme holds (a refresh token first, which a server that supports it
   * takes as the whole grant, then the access token), at the `revocation_endpoint` of the
   * server's metadata or the scheme's declared `revocationUrl`; then the sets are forgotten as
   * `clear` forgets them. They are forgotten even when the server refuses or cannot be reached
   * (the result says so, without any token in it): the sign-out holds here either way. With
   * no token held, nothing is sent. `ok` means the server answered 200, which RFC 7009 §2.2 has
   * it answer for a token it no longer knows too (and some servers for one they refuse to revoke).
   */
  revoke(): Promise<RevokeResult>;
  /**
   * RFC 7591 §3.1–3.2 dynamic client registration at the discovered `registration_endpoint`.
   * The result holds the new client's credentials: store them like any secret.
   */
  register(
    metadata: Readonly<Record<string, unknown>>,
    options?: { readonly initialAccessToken?: string },
  ): Promise<RegisterResult>;
  toJSON(): { readonly scheme: string; readonly type: string; readonly configured: boolean };
}
