// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * Options of every generated `createClient`, whatever the document. The generated code
 * narrows `auth` to the document's own schemes.
 */
import type { RetryOptions } from "./retry.js";
import type { TokenStore, TokenSet } from "./token-store.js";

/** apiKey schemes: the key, or a function that returns it for each call. */
export type ApiKeyCredential = string | (() => string | Promise<string>);

/** http basic schemes (RFC 7617). */
export interface BasicCredential {
  readonly username: string;
  readonly password: string;
}

/** http bearer schemes (RFC 6750): the token, or a function that returns it for each call. */
export type BearerCredential = string | (() => string | Promise<string>);

/** oauth2 and openIdConnect schemes. */
/**
 * Makes the signed JWT a client authenticates with under `private_key_jwt` (RFC 7523 §2.2), for
 * one request to `endpoint` (the token or revocation endpoint); `issuer` is the authorization
 * server's, where it was discovered. `privateKeyJwt(key)` makes one from a Web Crypto key.
 */
export type ClientAssertion = (request: {
  readonly clientId: string;
  readonly issuer: string | undefined;
  readonly endpoint: string;
}) => string | Promise<string>;

export interface OAuth2Credential<Scope extends string = string> {
  readonly clientId: string;
  readonly clientSecret?: string;
  /**
   * A signed JWT instead of a secret (`private_key_jwt`, the default method when this is given):
   * e.g. `privateKeyJwt(privateKey, { keyId })`, exported by the generated client.
   */
  readonly clientAssertion?: ClientAssertion;
  /** Scopes asked for when a token is acquired; each call asks for its operation's scopes on top. */
  readonly scopes?: readonly Scope[];
  /** RFC 7591 §2 client authentication at the token endpoint; overrides the document. */
  readonly tokenEndpointAuthMethod?: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
  /** Pin one flow instead of choosing by what is configured and stored. */
  readonly flow?: "clientCredentials" | "authorizationCode" | "password";
  /** Resource owner credentials for the deprecated password flow. */
  readonly username?: string;
  readonly password?: string;
  /** Read endpoints from this issuer's RFC 8414 / OpenID Connect metadata. */
  readonly issuer?: string;
  /** Lifetime in seconds assumed when a token response has no `expires_in`. */
  readonly defaultExpiresIn?: number;
}

export interface ClientOptions<Auth> {
  /** Base URL of the API; default: the document's first server. */
  readonly baseUrl?: string;
  readonly auth?: Auth;
  /** fetch implementation; default: the global one. */
  readonly fetch?: typeof fetch;
  /** Headers sent with every call (credentials here are not redacted: prefer `auth`). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Retries of transient failures (network errors, 408, 429, 502, 503, 504) for idempotent
   * methods: 2 by default, with exponential backoff and `Retry-After`; `false` turns them off.
   */
  readonly retry?: RetryOptions | false;
  /** Abort a call (including its token acquisition) after this many milliseconds. */
  readonly timeoutMs?: number;
  /** Where OAuth token sets are kept; default: in memory, per client. */
  readonly tokenStore?: TokenStore;
  /** Called whenever a token set is obtained or refreshed, e.g. to persist it. */
  readonly onTokens?: (scheme: string, tokens: TokenSet) => void | Promise<void>;
  /** Response header read into `requestId`; default "x-request-id". */
  readonly requestIdHeader?: string;
  /**
   * Send credentials over plain `http:` to hosts other than loopback. Named loudly on
   * purpose: anyone on the path can read them.
   */
  readonly dangerouslyAllowInsecureHttp?: boolean;
  /** Observers of each request sent and its outcome, for logs, metrics and traces; never told a credential. */
  readonly hooks?: ClientHooks;
}

/** A request as it is sent, without its credentials or body. */
export interface RequestEvent {
  /** The operation that sent it; absent for an OAuth 2 scheme's own requests (see `scheme`). */
  readonly operation?: string;
  /** The OAuth 2 / OpenID Connect scheme whose token, discovery, registration or revocation request this is. */
  readonly scheme?: string;
  readonly method: string;
  /** The URL as sent, with the value of every apiKey scheme's query parameter `[redacted]`. */
  readonly url: string;
  /** Lower-case names; Authorization, Proxy-Authorization, Cookie and apiKey headers `[redacted]`. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ResponseEvent {
  readonly request: RequestEvent;
  /** The status code sent (0 for a browser's opaque redirect). */
  readonly status: number;
  /** Milliseconds (fractional, from a monotonic clock) from handing the request to `fetch` until the response's headers arrived. */
  readonly durationMs: number;
  /** The response's `X-Request-Id` (or the configured `requestIdHeader`). */
  readonly requestId?: string;
}

export interface NetworkErrorEvent {
  readonly request: RequestEvent;
  readonly durationMs: number;
  /** The call was aborted (by its `signal` or `timeoutMs`), rather than the network failing. */
  readonly aborted: boolean;
}

export interface ClientHooks {
  /** Each request, as it is handed to `fetch`: every attempt of a retried call, each redirect followed. */
  readonly onRequest?: (request: RequestEvent) => void;
  /** Each response's status, before its body is read. */
  readonly onResponse?: (response: ResponseEvent) => void;
  /** A request that got no response: the network failed, or the call was aborted. */
  readonly onNetworkError?: (failure: NetworkErrorEvent) => void;
}

