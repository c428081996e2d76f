// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * Plain-data description of one operation, emitted by the generator as a `const` and
 * read by the runtime. Every OpenAPI default (style, explode, ...) is already resolved.
 */

/** One alternative of a security requirement: every scheme in it is needed, with these scopes. */
export type SecurityAlternative = Readonly<Record<string, readonly string[]>>;

export interface ParameterSpec {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  /** OpenAPI 3 §4.8.12.4 style values; defaults resolved by the generator. */
  readonly style: "simple" | "label" | "matrix" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  readonly explode: boolean;
  readonly allowReserved?: boolean;
  /** Parameter carried as JSON text (`content: application/json` instead of `schema`). */
  readonly json?: boolean;
}

export type BodyEncoding = "json" | "form" | "multipart" | "text" | "binary";

export interface RequestBodySpec {
  readonly mediaType: string;
  readonly encoding: BodyEncoding;
  readonly required: boolean;
}

/** How a declared response's body is read: "empty" when it declares no content. */
export type ResponseBodyKind = "json" | "text" | "binary" | "empty";

export interface OperationSpec {
  /** The generated method's name, used in messages. */
  readonly name: string;
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  readonly path: string;
  /**
   * Alternatives (OR) of scheme sets (AND), OpenAPI 3 §4.8.30: `[]` means anonymous,
   * and an empty alternative `{}` makes authentication optional.
   */
  readonly security: readonly SecurityAlternative[];
  readonly parameters: readonly ParameterSpec[];
  readonly requestBody?: RequestBodySpec;
  /** Declared responses: key is an exact code ("200"), a range ("4XX") or "default". */
  readonly responses: Readonly<Record<string, ResponseBodyKind>>;
}

/**
 * What every generated method takes besides the operation's own parameters and body; each
 * `…Args` type extends it.
 */
export interface CallOptions {
  /** Aborts the call, including any token acquisition it waits for. */
  signal?: AbortSignal;
}

/** The argument object of every generated method, as the runtime reads it. */
export interface CallArgs {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly cookies?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}
