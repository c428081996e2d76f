// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * What every generated method returns: a result whose failure side is a union
 * discriminated by `kind`, and for `kind: "http"` again by `status`.
 */

/** A response the operation declares, as the server sent it. `status` is the declared key. */
export interface HttpError<Status extends number | `${1 | 2 | 3 | 4 | 5}XX` | "default", Body> {
  readonly kind: "http";
  /** The declared response this matched: its exact code, its range ("4XX") or "default". */
  readonly status: Status;
  /** The status code the server actually sent. */
  readonly httpStatus: number;
  readonly body: Body;
  readonly message: string;
  readonly requestId?: string;
}

/** OAuth 2 error fields, from a token endpoint (RFC 6749 §5.2) or a `WWW-Authenticate` header (RFC 6750 §3). */
export interface OAuthErrorFields {
  readonly error: string;
  readonly error_description?: string;
  readonly error_uri?: string;
}

/**
 * Authentication could not be done, or was refused. Never carries a credential. `TokenError`
 * is the error type of the operations that issue the bearer tokens a call can use
 * (`tokenFrom`): a generated result type names them, and `never` where a call can use none.
 */
export interface AuthError<TokenError = unknown> {
  readonly kind: "auth";
  readonly reason:
    | "missing_credentials"
    /** A configured credential cannot be sent as it is (e.g. a ":" in a Basic user-id, RFC 7617 §2). */
    | "invalid_credentials"
    | "token_request_failed"
    | "unauthorized"
    | "state_mismatch"
    | "authorization_denied"
    | "insecure_transport"
    | "foreign_host"
    | "discovery_failed"
    | "invalid_token_response"
    /** RFC 7009: the authorization server did not confirm a revocation (`revoke()`). */
    | "revocation_failed";
  readonly message: string;
  /** Security schemes involved (for missing credentials: the alternatives the operation accepts). */
  readonly schemes?: readonly string[];
  /** The OAuth `error`, `error_description` and `error_uri` where the server sent them. */
  readonly oauth?: OAuthErrorFields;
  /** HTTP status of the token endpoint or API response that refused, where there was one. */
  readonly httpStatus?: number;
  /**
   * The token endpoint's error body as sent (parsed JSON, any secret of the request
   * redacted), for vendors whose errors are not RFC 6749 §5.2 (`{"error": {code, message}}`).
   */
  readonly body?: unknown;
  /**
   * The typed error of the operation that issues tokens, when a bearer scheme gets its
   * tokens from an operation of the same document (a vendor extension declares it).
   */
  readonly cause?: unknown;
  /**
   * The error the operation that issues this scheme's tokens returned (`tokenFrom`), typed as
   * that operation's own: for 1NCE, a 400 whose body has `errorCode`. Set with reason
   * `token_request_failed` when that operation answered with an error; also in `cause`.
   */
  readonly tokenError?: TokenError;
  readonly requestId?: string;
}

export function isAuthError(value: unknown): value is AuthError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "auth";
}

/** fetch itself failed: DNS, refused connection, reset, TLS. */
export interface NetworkError {
  readonly kind: "network";
  readonly message: string;
  readonly cause?: unknown;
}

/** The call took longer than `timeoutMs`, or the caller's `signal` aborted it. */
export interface TimeoutError {
  readonly kind: "timeout";
  readonly reason: "timeout" | "aborted";
  readonly message: string;
}

/** A response the document does not declare, or a body that is not what it declares. */
export interface UnexpectedError {
  readonly kind: "unexpected";
  readonly message: string;
  readonly httpStatus?: number;
  readonly contentType?: string;
  /** The body as text, for undeclared statuses, non-JSON bodies and unparsable JSON. */
  readonly rawBody?: string;
  readonly requestId?: string;
}

export type TransportError<TokenError = unknown> = AuthError<TokenError> | NetworkError | TimeoutError | UnexpectedError;

export type ApiError<Http, TokenError = never> = Http | TransportError<TokenError>;

/** The error side of a result type: `ErrorOf<PostAccessTokenPOSTResult>`. */
export type ErrorOf<R> = R extends { readonly ok: false; readonly error: infer E } ? E : never;

/** A declared 2xx response. */
export interface Success<Status extends number | "2XX", Data> {
  readonly status: Status;
  readonly data: Data;
}

export type Ok<S> = S & {
  readonly ok: true;
  readonly httpStatus: number;
  readonly response: Response;
  readonly requestId?: string;
};

export interface Err<Http, TokenError = never> {
  readonly ok: false;
  readonly error: ApiError<Http, TokenError>;
  /** The response, when there was one (not for network errors, time-outs, or auth failures before sending). */
  readonly response?: Response;
  readonly requestId?: string;
}

/** `TokenError`: see AuthError. */
export type Result<S, Http, TokenError = never> = Ok<S> | Err<Http, TokenError>;
