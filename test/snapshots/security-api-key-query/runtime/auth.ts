// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * The contract between the request pipeline and each security scheme: a scheme turns
 * the user's configured credentials into headers, query parameters or cookies for one call.
 */
import type { AuthError } from "./result.js";
import type { TokenSet, TokenStore } from "./token-store.js";

/** What a scheme adds to one request. */
export interface CredentialParts {
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly cookies?: Readonly<Record<string, string>>;
}

export interface AppliedCredentials extends CredentialParts {
  /**
   * Present when the credential is a token taken from a cache: the pipeline calls it on a
   * 401 so that the next `apply` acquires a fresh token (one retry, never more).
   */
  readonly invalidate?: () => Promise<void>;
}

export interface SchemeAuth {
  /** The securitySchemes name, as written in the document. */
  readonly name: string;
  /** True when the user's options give this scheme something to send; checked before any request. */
  readonly configured: boolean;
  /**
   * The credentials for one call, acquiring a token first where the scheme needs one.
   * A scheme that already holds them (a cached, fresh token) returns them directly, so
   * that a call with nothing to wait for does not wait.
   */
  apply(scopes: readonly string[], signal?: AbortSignal): AppliedCredentials | AuthError | Promise<AppliedCredentials | AuthError>;
}

/** Vendor departures from the standards, declared on the scheme (`x-gen-auth-client`). */
export interface TokenEndpointQuirks {
  /** RFC 7591 §2 `token_endpoint_auth_method`; default "client_secret_basic". */
  readonly tokenEndpointAuthMethod?: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
  /** Token request body encoding; RFC 6749 §4.4.2 says form. */
  readonly tokenRequestEncoding?: "form" | "json";
  /** Whether `grant_type` is sent; RFC 6749 requires it, some vendors reject it. */
  readonly sendGrantType?: boolean;
  /** Property path to the token object in the response, e.g. ["data"]. */
  readonly tokenResponsePath?: readonly string[];
  /** Lifetime in seconds assumed when the token response has no `expires_in`. */
  readonly defaultExpiresIn?: number;
  /** Read endpoints from this issuer's RFC 8414 / OpenID Connect metadata. */
  readonly issuer?: string;
  /** RFC 7009 revocation endpoint, where the server publishes no metadata that names one. */
  readonly revocationUrl?: string;
}

export interface OAuthFlowSpec {
  readonly authorizationUrl?: string;
  readonly tokenUrl?: string;
  readonly refreshUrl?: string;
  readonly scopes: readonly string[];
}

/** One entry of `securitySchemes`, reduced to what the runtime needs (OpenAPI 3 §4.8.27). */
export type SchemeSpec =
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "http"; readonly scheme: string; readonly tokenFrom?: TokenFromSpec }
  | {
      readonly type: "oauth2";
      readonly flows: {
        readonly clientCredentials?: OAuthFlowSpec;
        readonly authorizationCode?: OAuthFlowSpec;
        readonly password?: OAuthFlowSpec;
        readonly implicit?: OAuthFlowSpec;
      };
      readonly quirks?: TokenEndpointQuirks;
    }
  | { readonly type: "openIdConnect"; readonly openIdConnectUrl: string; readonly quirks?: TokenEndpointQuirks };

/**
 * `x-gen-auth-client.tokenFrom` on an http bearer scheme: an operation of the same API
 * issues its tokens (token-from.ts).
 */
export interface TokenFromSpec {
  /** The generated method name of the operation that issues tokens. */
  readonly operation: string;
  readonly body?: unknown;
  /** RFC 6901 pointers into the operation's 2xx body. */
  readonly accessToken: string;
  readonly expiresIn: string;
  readonly tokenType: string;
  readonly defaultExpiresIn?: number;
}

/** What running the token operation returned (the pipeline's untyped result). */
export type IssueResult =
  | { readonly ok: true; readonly data: unknown; readonly requestId?: string }
  | { readonly ok: false; readonly error: { readonly kind: string; readonly message: string; readonly httpStatus?: number }; readonly requestId?: string };

export interface TokenFromEnv {
  /** Runs the token operation (no caller signal: concurrent callers share the run). */
  readonly issue: () => Promise<IssueResult>;
  /** Whether the token operation's own security can be met by the configured credentials. */
  readonly configured: boolean;
  readonly tokenStore: TokenStore;
  /**
   * Who the token operation signs in as, where that is not secret (its HTTP Basic user-ids): part
   * of the store key, so that clients of other users sharing a store get their own tokens.
   */
  readonly identity?: string;
  readonly onTokens?: (scheme: string, tokens: TokenSet) => void | Promise<void>;
  readonly now?: () => number;
  /** The client's `timeoutMs`: an acquisition older than three times this is not joined (single-flight.ts). */
  readonly timeoutMs?: number;
}
