// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * The request pipeline every generated method goes through:
 *
 *   path parameters → security choice → URL → transport check → credentials → headers
 *   → body → fetch (same-origin redirects followed by hand) → one retry after a 401 when
 *   a cached token can be invalidated → the declared response, typed by the caller.
 *
 * Every failure the caller can meet at run time is returned, never thrown; only argument
 * errors the generated types already rule out (a missing path parameter) throw a
 * TypeError. Nothing returned carries a credential: messages name the operation, the
 * status and the schemes, and the `response` (whose `url` may hold an API key in its
 * query) is a non-enumerable property, so `util.inspect` and `JSON.stringify` skip it.
 */
import type { AppliedCredentials, SchemeAuth } from "./auth.js";
import { encodeRequestBody, acceptHeader, readResponseBody, type EncodedBody } from "./body.js";
import { startDeadline, untilAborted } from "./deadline.js";
import type { CallArgs, OperationSpec } from "./operation.js";
import type { ClientOptions } from "./options.js";
import {
  declaredKinds,
  declaredStatus,
  isFollowableRedirect,
  isSuccessKey,
  matchResponse,
} from "./responses.js";
import { isAuthError, type AuthError, type NetworkError, type TimeoutError, type UnexpectedError } from "./result.js";
import { applySecurity, chooseSecurity, type SecurityChoice } from "./security.js";
import type { RuntimeParts } from "./parts.js";
import { percentEncode } from "./serialize.js";
import { mayCarryCredentials, sameOrigin } from "./transport-security.js";
import { RETRY_STATUSES, retryDelay, retryPolicy, sleep } from "./retry.js";
import { bearerChallengeError } from "./www-authenticate.js";

export interface RuntimeConfig {
  /** The document's first server URL, used when the options give no `baseUrl`. */
  readonly defaultBaseUrl: string;
  /** The serializers and body encoders this client's operations need (parts.ts). */
  readonly parts: RuntimeParts;
}

export interface Runtime {
  /** Runs one operation. `R` is the generated method's Result type; the runtime builds its shape. */
  call<R>(operation: OperationSpec, args?: CallArgs): Promise<R>;
}

/** RFC 9110 §15.4: a client "ought to detect and intervene in cyclical redirections"; five hops is plenty for an API. */
const MAX_REDIRECTS = 5;

interface Context {
  readonly config: RuntimeConfig;
  readonly options: ClientOptions<Record<string, unknown>>;
  readonly schemes: Readonly<Record<string, SchemeAuth>>;
}

/** What the pipeline returns before the generated code casts it to its own Result type. */
type AnyResult =
  | { readonly ok: true; readonly status: number | string; readonly httpStatus: number; readonly data: unknown; readonly requestId?: string }
  | { readonly ok: false; readonly error: unknown; readonly requestId?: string };

export function createRuntime(
  config: RuntimeConfig,
  options: ClientOptions<Record<string, unknown>>,
  schemes: Record<string, SchemeAuth>,
): Runtime {
  const context: Context = { config, options, schemes };
  return {
    call: <R>(operation: OperationSpec, args: CallArgs = {}) => callOperation(context, operation, args) as Promise<R>,
  };
}

async function callOperation(context: Context, operation: OperationSpec, args: CallArgs): Promise<AnyResult> {
  const deadline = startDeadline(context.options.timeoutMs, args.signal);
  try {
    return await pipeline(context, operation, args, deadline.signal);
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    const timeout: TimeoutError =
      deadline.reason() === "timeout"
        ? { kind: "timeout", reason: "timeout", message: `${operation.name} timed out after ${context.options.timeoutMs} ms` }
        : { kind: "timeout", reason: "aborted", message: `${operation.name} was aborted by the caller` };
    return failure(timeout);
  } finally {
    deadline.dispose();
  }
}

async function pipeline(context: Context, op: OperationSpec, args: CallArgs, signal: AbortSignal): Promise<AnyResult> {
  const { options, schemes } = context;
  const { parameters = {}, bodies = {} } = context.config.parts;
  signal.throwIfAborted();

  const path = parameters.path ? parameters.path(op.name, op.path, op.parameters, args.path) : op.path;
  const choice = chooseSecurity(op.name, op.security, schemes);
  if (isAuthError(choice)) return failure(choice);

  const url = buildUrl(op.name, options.baseUrl ?? context.config.defaultBaseUrl, path, parameters.query?.(op.parameters, args.query) ?? "");
  // Checked before any credential is produced: an OAuth scheme would otherwise fetch a
  // token only for it to be refused here.
  if (choice.length > 0 && !mayCarryCredentials(url, options.dangerouslyAllowInsecureHttp ?? false)) {
    return failure(insecureTransport(op.name, choice, url));
  }

  const parameterHeaders = parameters.headers?.(op.name, op.parameters, args.headers) ?? {};
  const parameterCookies = parameters.cookies?.(op.parameters, args.cookies) ?? [];
  const body = op.requestBody ? encodeRequestBody(op.name, op.requestBody, args.body, bodies) : undefined;
  const accept = acceptHeader(declaredKinds(op.responses));

  // OpenAPI security is satisfied once per call; a 401 earns exactly one more attempt,
  // and only when a credential says it can be renewed (RFC 6750 §3.1 invalid_token).
  let refused: { readonly response: Response; readonly method: string } | undefined;
  for (let attempt = 0; ; attempt++) {
    const applied = await untilAborted(applySecurity(choice, schemes, signal), signal);
    if (isAuthError(applied)) {
      if (refused === undefined) return failure(applied);
      // The API refused the token and no new one can be had: the API's answer says why.
      const result = await untilAborted(classify(context, op, refused.response, refused.method), signal);
      return refusedToken(op, refused.response, result) ?? result;
    }

    const request = buildRequest(op, url, options.headers, parameterHeaders, parameterCookies, accept, body, applied);
    if (isAuthError(request)) return failure(request);

    const sent = await sendWithRetries(context, op, request, choice.length > 0, signal);
    await refused?.response.body?.cancel().catch(() => undefined);
    if ("ok" in sent) return sent;
    const { response, method } = sent;

    const invalidations = applied.flatMap((credential) => (credential.invalidate ? [credential.invalidate] : []));
    if (response.status === 401 && attempt === 0 && invalidations.length > 0) {
      refused = { response, method };
      // A failed invalidation is not the caller's problem: the retry's 401 will be.
      await untilAborted(Promise.all(invalidations.map((invalidate) => invalidate().catch(() => undefined))), signal);
      continue;
    }
    try {
      const result = await untilAborted(classify(context, op, response, method), signal);
      return refusedToken(op, response, result) ?? result;
    } catch (error) {
      if (signal.aborted) throw error;
      // The headers came, then the connection broke (undici: "terminated").
      const requestId = readRequestId(context, response);
      const result = failure(networkError(op.name, request.url, error, "the connection closed while the response was read"), response);
      return requestId === undefined ? result : withResponse({ ...result, requestId }, response);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Building the request

/**
 * The base URL's path is kept (`https://x/management-api` + `/oauth/token`), its query
 * kept and extended, its fragment dropped (RFC 9110 §7.1: never sent). A relative base
 * resolves against the page in browsers.
 */
function buildUrl(operation: string, baseUrl: string, path: string, query: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl, typeof location === "undefined" ? undefined : location.href);
  } catch {
    // The URL constructor's own error quotes the input, which may hold userinfo.
    throw new TypeError(`${operation}: the base URL is not a valid absolute URL`);
  }
  url.pathname = url.pathname.replace(/\/+$/, "") + path;
  url.hash = "";
  const search = [url.search.replace(/^\?/, ""), query].filter((part) => part !== "").join("&");
  url.search = search;
  return url;
}

interface PreparedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
}

function buildRequest(
  op: OperationSpec,
  url: URL,
  clientHeaders: Readonly<Record<string, string>> | undefined,
  parameterHeaders: Readonly<Record<string, string>>,
  parameterCookies: readonly string[],
  accept: string | undefined,
  body: EncodedBody | undefined,
  applied: readonly AppliedCredentials[],
): PreparedRequest | AuthError {
  const headers = new Headers();
  const set = (name: string, value: string) => {
    try {
      headers.set(name, value);
    } catch {
      // Headers' TypeError quotes the value; a client header may be a credential.
      throw new TypeError(`${op.name}: header "${name}" has a value that cannot be sent`);
    }
  };
  // Later sources win: client options, then parameters, then what the body and the
  // security schemes require.
  for (const [name, value] of Object.entries(clientHeaders ?? {})) set(name, value);
  for (const [name, value] of Object.entries(parameterHeaders)) set(name, value);
  if (accept !== undefined && !headers.has("accept")) set("accept", accept);
  if (body) {
    if (body.contentType === undefined) headers.delete("content-type");
    else set("content-type", body.contentType);
  }

  const target = new URL(url);
  const cookies = [...parameterCookies];
  for (const credential of applied) {
    for (const [name, value] of Object.entries(credential.headers ?? {})) {
      try {
        headers.set(name, value);
      } catch {
        return {
          kind: "auth",
          reason: "invalid_credentials",
          message: `${op.name}: a credential cannot be sent in the "${name}" header`,
        };
      }
    }
    for (const [name, value] of Object.entries(credential.query ?? {})) {
      const pair = `${percentEncode(name)}=${percentEncode(value)}`;
      target.search = target.search === "" ? pair : `${target.search.slice(1)}&${pair}`;
    }
    for (const [name, value] of Object.entries(credential.cookies ?? {})) cookies.push(`${name}=${value}`);
  }
  if (cookies.length > 0) {
    // RFC 6265 §5.4: one Cookie header, pairs separated by "; ".
    const existing = headers.get("cookie");
    headers.set("cookie", [...(existing ? [existing] : []), ...cookies].join("; "));
  }
  return { url: target, method: op.method, headers, body: body?.body ?? null };
}

// ---------------------------------------------------------------------------------------
// Sending

/** The final response and the method that produced it, or a failed result (told apart by `ok`: failures carry a hidden `response` too). */
type Sent = { readonly response: Response; readonly method: string } | (AnyResult & { readonly ok: false });

/**
 * `send`, repeated for transient failures as the retry policy allows (retry.ts). Only a
 * network error is retried among failures: an unexpected redirect or a time-out is not.
 */
async function sendWithRetries(context: Context, op: OperationSpec, request: PreparedRequest, credentialed: boolean, signal: AbortSignal): Promise<Sent> {
  const policy = retryPolicy(context.options.retry, request.method);
  const started = Date.now();
  for (let retry = 0; ; retry++) {
    const sent = await send(context, op, request, credentialed, signal);
    const transient = "ok" in sent ? (sent.error as { kind?: string }).kind === "network" : RETRY_STATUSES.has(sent.response.status);
    if (!transient || retry >= policy.maxRetries) return sent;
    const retryAfter = "ok" in sent ? null : sent.response.headers.get("retry-after");
    const delay = retryDelay(policy, retry, retryAfter, Date.now());
    if (delay === undefined || Date.now() - started + delay > policy.maxElapsedMs) return sent;
    if (!("ok" in sent)) await sent.response.body?.cancel().catch(() => undefined);
    await sleep(delay, signal);
  }
}

/**
 * fetch, following redirects by hand when credentials are attached (`redirect: "manual"`,
 * as oauth4webapi does): a same-origin redirect is followed with the same credentials; a
 * redirect to another origin is not followed at all and comes back as an UnexpectedError,
 * since following it without the credentials would only reach a server that was never
 * meant to be called (RFC 9110 §15.4; the Fetch standard drops only Authorization, not
 * API-key headers, on such hops). Calls without credentials let fetch follow redirects.
 */
async function send(
  context: Context,
  op: OperationSpec,
  request: PreparedRequest,
  credentialed: boolean,
  signal: AbortSignal,
): Promise<Sent> {
  // Read at call time so that a fetch installed after the client was created is used;
  // called as a plain function, since `window.fetch` invoked as a method of another
  // object throws "Illegal invocation".
  const fetchImpl = context.options.fetch ?? globalThis.fetch;
  let { url, method, headers, body } = request;

  for (let hops = 0; ; hops++) {
    let response: Response;
    try {
      response = await fetchImpl(url.href, {
        method,
        headers,
        body,
        signal,
        redirect: credentialed ? "manual" : "follow",
      });
    } catch (error) {
      if (signal.aborted) throw error;
      return failure(networkError(op.name, url, error));
    }

    if (!credentialed) return { response, method };
    if (response.type === "opaqueredirect") {
      // Browsers hide manual redirects entirely (Fetch §4.4): nothing to follow safely.
      return failure(unexpected(context, response, `${op.name} was redirected, and this environment does not let the client check where to`), response);
    }
    if (!isFollowableRedirect(op.responses, response.status)) return { response, method };
    const location = response.headers.get("location");
    if (location === null) return { response, method };

    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return { response, method };
    }
    await response.body?.cancel().catch(() => undefined);
    if (!sameOrigin(url, next)) {
      return failure(
        unexpected(
          context,
          response,
          `${op.name} was redirected (HTTP ${response.status}) to another origin, ${next.origin}; the redirect was not followed so that credentials stay with ${url.origin}`,
        ),
        response,
      );
    }
    if (hops >= MAX_REDIRECTS) {
      return failure(unexpected(context, response, `${op.name} was redirected more than ${MAX_REDIRECTS} times`), response);
    }
    // Fetch §4.4 HTTP-redirect fetch, step 12: 303 (for anything but GET/HEAD), and
    // 301/302 for POST, become a GET without a body.
    if ((response.status === 303 && method !== "GET" && method !== "HEAD") || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = null;
      headers = new Headers(headers);
      for (const name of ["content-type", "content-length", "content-encoding", "content-language", "content-location"]) {
        headers.delete(name);
      }
    }
    url = next;
  }
}

// ---------------------------------------------------------------------------------------
// Reading the response

async function classify(context: Context, op: OperationSpec, response: Response, method: string): Promise<AnyResult> {
  const requestId = readRequestId(context, response);
  const match = matchResponse(op.responses, response.status);
  if (match === undefined) {
    const raw = await response.text();
    return failure(
      unexpected(context, response, `${op.name} got HTTP ${response.status}${reasonPhrase(response)}, which it does not declare`, raw),
      response,
    );
  }

  const read = await readResponseBody(response, match.kind, method);
  if (!read.ok) {
    return failure(unexpected(context, response, `${op.name} got HTTP ${response.status}: ${read.problem}`, read.rawBody), response);
  }

  const status = declaredStatus(match.key);
  if (isSuccessKey(match.key)) {
    return withResponse(
      { ok: true, status, httpStatus: response.status, data: read.data, ...(requestId === undefined ? {} : { requestId }) },
      response,
    );
  }
  return failure(
    {
      kind: "http",
      status,
      httpStatus: response.status,
      body: read.data,
      message: `${op.name} failed: HTTP ${response.status}${reasonPhrase(response)}`,
      ...(requestId === undefined ? {} : { requestId }),
    },
    response,
  );
}

function readRequestId(context: Context, response: Response): string | undefined {
  return response.headers.get(context.options.requestIdHeader ?? "x-request-id") ?? undefined;
}

function reasonPhrase(response: Response): string {
  // HTTP/2 and HTTP/3 have no reason phrase (RFC 9113 §8.3.2).
  return response.statusText ? ` ${response.statusText}` : "";
}

// ---------------------------------------------------------------------------------------
// Results and errors

/**
 * RFC 6750 §3.1: a resource server that refuses a bearer token says why in its
 * `WWW-Authenticate` challenge (`invalid_token`, `insufficient_scope`, ...). That is an
 * authentication failure, whatever the document declares for 401/403, so it comes back as
 * `kind: "auth"`; the declared (or unexpected) error stays reachable as `cause`.
 */
function refusedToken(op: OperationSpec, response: Response, result: AnyResult): AnyResult | undefined {
  if (result.ok || (response.status !== 401 && response.status !== 403)) return undefined;
  const oauth = bearerChallengeError(response.headers.get("www-authenticate"));
  if (oauth === undefined) return undefined;
  const error: AuthError = {
    kind: "auth",
    reason: "unauthorized",
    message: `${op.name} was refused by the API (HTTP ${response.status}, ${oauth.error})`,
    oauth,
    httpStatus: response.status,
    cause: result.error,
    ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
  };
  return failure(error, response);
}

function withResponse<T extends object>(value: T, response: Response): T {
  // Non-enumerable: `response.url` may carry an API key in its query.
  Object.defineProperty(value, "response", { value: response, enumerable: false });
  return value;
}

function failure(error: object, response?: Response): AnyResult & { readonly ok: false } {
  const requestId = (error as { readonly requestId?: string }).requestId;
  const result = { ok: false as const, error, ...(requestId === undefined ? {} : { requestId }) };
  return response === undefined ? result : withResponse(result, response);
}

function unexpected(context: Context, response: Response, message: string, rawBody?: string): UnexpectedError {
  const requestId = readRequestId(context, response);
  const contentType = response.headers.get("content-type");
  return {
    kind: "unexpected",
    message,
    httpStatus: response.status,
    ...(contentType === null ? {} : { contentType }),
    ...(rawBody === undefined ? {} : { rawBody }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}

function insecureTransport(operation: string, choice: SecurityChoice, url: URL): AuthError {
  const transport = url.protocol === "http:" ? "plain HTTP" : url.protocol.replace(/:$/, "");
  return {
    kind: "auth",
    reason: "insecure_transport",
    message: `${operation}: refusing to send credentials (${choice.map(([name]) => name).join(" + ")}) over ${transport} to ${url.hostname}; use https, or dangerouslyAllowInsecureHttp on a network you trust`,
    schemes: choice.map(([name]) => name),
  };
}

/**
 * The message names the origin only: the path and query may hold an API key or personal
 * data, and the underlying error (some fetch implementations quote the whole URL) is kept
 * as a non-enumerable `cause`.
 */
function networkError(operation: string, url: URL, cause: unknown, what = `could not reach ${url.origin}`): NetworkError {
  const code = errorCode(cause);
  const error: NetworkError = {
    kind: "network",
    message: `${operation}: ${what}${code === undefined ? "" : ` (${code})`}`,
  };
  Object.defineProperty(error, "cause", { value: cause, enumerable: false });
  return error;
}

/** A system error code such as ECONNREFUSED, from the error or its `cause` chain (undici nests it). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; typeof current === "object" && current !== null && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

