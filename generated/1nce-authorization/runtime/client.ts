// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
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
import { encodeRequestBody, readResponseBody, type EncodedBody } from "./body.js";
import { startDeadline, untilAborted, type Deadline } from "./deadline.js";
import type { CallArgs, OperationSpec } from "./operation.js";
import { planFor } from "./operation-plan.js";
import type { ClientOptions } from "./options.js";
import { declaredStatus, isFollowableRedirect, isSuccessKey, matchResponse } from "./responses.js";
import { isAuthError, type AuthError, type NetworkError, type TimeoutError, type UnexpectedError } from "./result.js";
import { applySecurity, chooseSecurity, type SecurityChoice } from "./security.js";
import type { RuntimeParts } from "./parts.js";
import { mayCarryCredentials } from "./transport-security.js";
import type { FetchObserver } from "./hooks.js";
import { RETRY_STATUSES, retryDelay, retryPolicy, sleep } from "./retry.js";
import { bearerChallengeError } from "./www-authenticate.js";

export interface RuntimeConfig {
  /** The document's first server URL, used when the options give no `baseUrl`. */
  readonly defaultBaseUrl: string;
  /** The serializers and body encoders this client's operations need (parts.ts). */
  readonly parts: RuntimeParts;
  /** Tells the client's `hooks` about each request, when it has hooks (hooks.ts). */
  readonly observe?: FetchObserver;
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
  /** Each operation's security choice, made on its first call: which schemes are configured never changes. */
  readonly choices: WeakMap<OperationSpec, SecurityChoice>;
  /** The base URL, parsed on the first call; again only when it could resolve differently. */
  base: BaseUrl | undefined;
}

/** What the pipeline returns before the generated code casts it to its own Result type. */
type AnyResult =
  | { readonly ok: true; readonly status: number | string; readonly httpStatus: number; readonly data: unknown; readonly requestId?: string }
  | { readonly ok: false; readonly error: unknown; readonly requestId?: string };

type Failure = AnyResult & { readonly ok: false };

export function createRuntime(
  config: RuntimeConfig,
  options: ClientOptions<Record<string, unknown>>,
  schemes: Record<string, SchemeAuth>,
): Runtime {
  const context: Context = { config, options, schemes, choices: new WeakMap(), base: undefined };
  return {
    call: <R>(operation: OperationSpec, args: CallArgs = {}) => callOperation(context, operation, args) as Promise<R>,
  };
}

function callOperation(context: Context, operation: OperationSpec, args: CallArgs): Promise<AnyResult> {
  const deadline = startDeadline(context.options.timeoutMs, args.signal);
  const { signal } = deadline;
  // Nothing can abort the call, so no failure is a time-out: the pipeline's result is the call's.
  return signal === undefined ? pipeline(context, operation, args, undefined) : guarded(context, operation, args, deadline, signal);
}

/** A call that a time-out or the caller's signal can end: its abort becomes a TimeoutError. */
async function guarded(context: Context, operation: OperationSpec, args: CallArgs, deadline: Deadline, signal: AbortSignal): Promise<AnyResult> {
  try {
    return await pipeline(context, operation, args, signal);
  } catch (error) {
    if (!signal.aborted) throw error;
    const timeout: TimeoutError =
      deadline.reason() === "timeout"
        ? { kind: "timeout", reason: "timeout", message: `${operation.name} timed out after ${context.options.timeoutMs} ms` }
        : { kind: "timeout", reason: "aborted", message: `${operation.name} was aborted by the caller` };
    return failure(timeout);
  } finally {
    deadline.dispose();
  }
}

/**
 * The steps of one call. `signal` is undefined when nothing can abort the call (no
 * `timeoutMs`, no caller's signal): then no step waits on one.
 */
async function pipeline(context: Context, op: OperationSpec, args: CallArgs, signal: AbortSignal | undefined): Promise<AnyResult> {
  const { options, schemes } = context;
  signal?.throwIfAborted();

  const plan = planFor(op);
  const { parameters = {}, bodies = {} } = context.config.parts;
  const path = parameters.path ? parameters.path(op.name, plan, args.path) : plan.path;
  const choice = securityChoice(context, op);
  if (isAuthError(choice)) return failure(choice);

  const base = baseUrl(context, op.name);
  const url = requestUrl(base, path, parameters.query?.(op.parameters, args.query) ?? "");
  // Checked before any credential is produced: an OAuth scheme would otherwise fetch a
  // token only for it to be refused here. The path cannot change the base URL's origin.
  if (choice.length > 0 && !base.mayCarryCredentials) {
    return failure(insecureTransport(op.name, choice, base.url));
  }

  const parameterHeaders = parameters.headers?.(op.name, op.parameters, args.headers) ?? {};
  const parameterCookies = parameters.cookies?.(op.parameters, args.cookies);
  const body = op.requestBody ? encodeRequestBody(op.name, op.requestBody, args.body, bodies) : undefined;

  // OpenAPI security is satisfied once per call; a 401 earns exactly one more attempt,
  // and only when a credential says it can be renewed (RFC 6750 §3.1 invalid_token).
  let refused: { readonly response: Response; readonly method: string } | undefined;
  for (let attempt = 0; ; attempt++) {
    const pending = applySecurity(choice, schemes, signal);
    // A cached token answers at once: nothing to wait for, so no await.
    const applied = "then" in pending ? await untilAborted(pending, signal) : pending;
    if (isAuthError(applied)) {
      if (refused === undefined) return failure(applied);
      // The API refused the token and no new one can be had: the API's answer says why.
      return untilAborted(classify(context, op, refused.response, refused.method), signal);
    }

    const request = buildRequest(op, base.origin, url, options.headers, parameterHeaders, parameterCookies, plan.accept, body, applied, context.config.parts.placement);
    if (isAuthError(request)) return failure(request);

    const sent = await send(context, op, request, choice.length > 0, signal);
    if (refused !== undefined) await discard(refused.response);
    if ("ok" in sent) return sent;
    const { response, method } = sent;

    if (response.status === 401 && attempt === 0) {
      const invalidations = applied.flatMap((credential) => (credential.invalidate ? [credential.invalidate] : []));
      if (invalidations.length > 0) {
        refused = { response, method };
        // A failed invalidation is not the caller's problem: the retry's 401 will be.
        await untilAborted(Promise.all(invalidations.map((invalidate) => invalidate().catch(() => undefined))), signal);
        continue;
      }
    }
    try {
      return await untilAborted(classify(context, op, response, method), signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      // The headers came, then the connection broke (undici: "terminated").
      return failure(networkError(op.name, request.origin, error, "the connection closed while the response was read"), response, readRequestId(context, response));
    }
  }
}

// ---------------------------------------------------------------------------------------
// Building the request

/** Which schemes a call of `op` sends; an AuthError (not kept) when none of its alternatives is configured. */
function securityChoice(context: Context, op: OperationSpec): SecurityChoice | AuthError {
  const known = context.choices.get(op);
  if (known !== undefined) return known;
  const choice = chooseSecurity(op.name, op.security, context.schemes);
  if (!isAuthError(choice)) context.choices.set(op, choice);
  return choice;
}

interface BaseUrl {
  /** What was parsed: the configured base URL, and the page it was resolved against. */
  readonly input: string;
  readonly page: string | undefined;
  readonly url: URL;
  readonly origin: string;
  /** The base URL without its query, fragment and trailing slashes: each path is appended. */
  readonly prefix: string;
  /** The path is empty, so a path not starting with "/" needs one. */
  readonly root: boolean;
  /** The base URL's own query, without "?"; the call's query follows it. */
  readonly query: string;
  readonly mayCarryCredentials: boolean;
}

/**
 * The base URL, parsed once: a relative one resolves against the page in browsers (and
 * is parsed again if the page has moved). Its path is kept (`https://x/management-api` +
 * `/oauth/token`), its query kept and extended, its fragment dropped (RFC 9110 §7.1:
 * never sent).
 */
function baseUrl(context: Context, operation: string): BaseUrl {
  const input = context.options.baseUrl ?? context.config.defaultBaseUrl;
  const page = typeof location === "undefined" ? undefined : location.href;
  const known = context.base;
  if (known !== undefined && known.input === input && known.page === page) return known;
  let url: URL;
  try {
    url = new URL(input, page);
  } catch {
    // The URL constructor's own error quotes the input, which may hold userinfo.
    throw new TypeError(`${operation}: the base URL is not a valid absolute URL`);
  }
  const query = url.search.slice(1);
  url.search = "";
  url.hash = "";
  const base: BaseUrl = {
    input,
    page,
    url,
    origin: url.origin,
    prefix: url.href.replace(/\/+$/, ""),
    root: url.pathname.replace(/\/+$/, "") === "",
    query,
    mayCarryCredentials: mayCarryCredentials(url, context.options.dangerouslyAllowInsecureHttp ?? false),
  };
  context.base = base;
  return base;
}

/**
 * The request URL as a string, parsed once, by fetch. Path parameters and query values
 * are percent-encoded already, and fetch's parser encodes the rest as the URL setters
 * would (WHATWG URL, path and query percent-encode sets).
 */
function requestUrl(base: BaseUrl, path: string, query: string): string {
  const href = base.root && !path.startsWith("/") ? `${base.prefix}/${path}` : base.prefix + path;
  const search = base.query === "" ? query : query === "" ? base.query : `${base.query}&${query}`;
  return search === "" ? href : `${href}?${search}`;
}

interface PreparedRequest {
  readonly href: string;
  /** The origin of `href`, named in network errors (never the path or query: they may hold a key). */
  readonly origin: string;
  readonly method: string;
  /** Names lowercased (RFC 9110 §5.1: case-insensitive); a plain record, which fetch reads fastest. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: BodyInit | null;
}

/**
 * A header as `Headers.set` would take it (Fetch §5.2): [lowercased name, value without its
 * leading and trailing whitespace], or undefined when the name is not a token (RFC 9110
 * §5.6.2) or the value holds CR, LF, NUL or a character beyond one byte. A record is sent,
 * not a Headers object, so the check is written out: fetch would throw later, as a
 * network error.
 */
function checkHeader(name: string, value: string): readonly [string, string] | undefined {
  const sent = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
  if (!/^[\w!#$%&'*+.^`|~-]+$/.test(name) || /[\0\r\n]|[^\0-\xFF]/.test(sent)) return undefined;
  return [name.toLowerCase(), sent];
}

function putHeader(headers: Record<string, string>, [name, value]: readonly [string, string]): void {
  // A field named "__proto__" is a valid token; as a plain assignment it would set the prototype.
  if (name === "__proto__") Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  else headers[name] = value;
}

/** Credential headers already checked, by the frozen record a scheme answers with again (a cached token's). */
const checkedCredentialHeaders = new WeakMap<object, readonly (readonly [string, string])[]>();

/** A scheme's headers, checked (once, when the record is frozen), or the name of one that cannot be sent. */
function credentialHeaders(record: Readonly<Record<string, string>>): readonly (readonly [string, string])[] | string {
  const known = checkedCredentialHeaders.get(record);
  if (known !== undefined) return known;
  const checked: (readonly [string, string])[] = [];
  for (const [name, value] of Object.entries(record)) {
    const header = checkHeader(name, value);
    if (header === undefined) return name;
    checked.push(header);
  }
  if (Object.isFrozen(record)) checkedCredentialHeaders.set(record, checked);
  return checked;
}

/** Sets `fields` in `headers`, each checked; a value that cannot be sent is an argument error. */
function putHeaders(op: OperationSpec, headers: Record<string, string>, fields: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(fields)) {
    const header = checkHeader(name, value);
    // Headers' own TypeError would quote the value; a client header may be a credential.
    if (header === undefined) throw new TypeError(`${op.name}: header "${name}" has a value that cannot be sent`);
    putHeader(headers, header);
  }
}

function buildRequest(
  op: OperationSpec,
  origin: string,
  url: string,
  clientHeaders: Readonly<Record<string, string>> | undefined,
  parameterHeaders: Readonly<Record<string, string>>,
  parameterCookies: readonly string[] | undefined,
  accept: string | undefined,
  body: EncodedBody | undefined,
  applied: readonly AppliedCredentials[],
  placement: RuntimeParts["placement"],
): PreparedRequest | AuthError {
  const headers: Record<string, string> = {};
  // Later sources win: client options, then parameters, then what the body and the
  // security schemes require.
  if (clientHeaders !== undefined) putHeaders(op, headers, clientHeaders);
  putHeaders(op, headers, parameterHeaders);
  if (accept !== undefined && !Object.hasOwn(headers, "accept")) headers.accept = accept;
  if (body) {
    if (body.contentType === undefined) delete headers["content-type"];
    else putHeaders(op, headers, { "content-type": body.contentType });
  }

  // Whether anything goes beyond header fields: a cookie parameter, a query or cookie credential.
  let placed = parameterCookies !== undefined;
  for (const credential of applied) {
    if (credential.query !== undefined || credential.cookies !== undefined) placed = true;
    if (credential.headers === undefined) continue;
    const checked = credentialHeaders(credential.headers);
    if (typeof checked === "string") {
      return { kind: "auth", reason: "invalid_credentials", message: `${op.name}: a credential cannot be sent in the "${checked}" header` };
    }
    for (const header of checked) putHeader(headers, header);
  }
  let href = url;
  if (placed) {
    // Only a client whose document has such a scheme or parameter hands over `placement`;
    // without it, a request must not go out without its credential or cookie parameters.
    if (placement === undefined) {
      throw new TypeError(`internal error: ${op.name} sends a query or cookie credential or cookie parameter, and the client has no placement part`);
    }
    href = placement(url, headers, parameterCookies, applied);
  }
  return { href, origin, method: op.method, headers, body: body?.body ?? null };
}

// ---------------------------------------------------------------------------------------
// Sending

/** The final response and the method that produced it, or a failed result (told apart by `ok`: failures carry a hidden `response` too). */
type Sent = { readonly response: Response; readonly method: string } | Failure;

/** Fetch §4.4 HTTP-redirect fetch, step 12: the request-body-header names, dropped with the body. */
const CONTENT_FIELDS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

/**
 * fetch, following redirects by hand when credentials are attached (`redirect: "manual"`,
 * as oauth4webapi does): a same-origin redirect is followed with the same credentials; a
 * redirect to another origin is not followed at all and comes back as an UnexpectedError,
 * since following it without the credentials would only reach a server that was never
 * meant to be called (RFC 9110 §15.4; the Fetch standard drops only Authorization, not
 * API-key headers, on such hops). Calls without credentials let fetch follow redirects.
 *
 * A transient failure (a network error, or a status of RETRY_STATUSES) starts the request
 * over as the retry policy allows (retry.ts); an unexpected redirect or a time-out is not
 * retried.
 */
async function send(context: Context, op: OperationSpec, request: PreparedRequest, credentialed: boolean, signal: AbortSignal | undefined): Promise<Sent> {
  // Read at call time so that a fetch installed after the client was created is used;
  // called as a plain function, since `window.fetch` invoked as a method of another
  // object throws "Illegal invocation".
  const given = context.options.fetch ?? globalThis.fetch;
  const { observe } = context.config;
  const fetchImpl = observe === undefined ? given : observe(given, { operation: op.name });
  const { origin } = request;
  const policy = retryPolicy(context.options.retry, request.method);
  const started = Date.now();
  let { href, method, headers, body } = request;

  for (let retry = 0, hops = 0; ; ) {
    // Only the fields that say something: fetch (undici) pays for each one it is given,
    // and GET, no body, no signal and "follow" are what it does without them.
    const init: RequestInit = { headers };
    if (method !== "GET") init.method = method;
    if (body !== null) init.body = body;
    if (signal !== undefined) init.signal = signal;
    if (credentialed) init.redirect = "manual";
    let response: Response | undefined;
    let thrown: unknown;
    try {
      response = await fetchImpl(href, init);
    } catch (error) {
      if (signal?.aborted) throw error;
      thrown = error;
    }

    if (response !== undefined) {
      const status = response.status;
      // Only a credentialed call redirects by hand, and only a 3xx (or a browser's status 0) may be a redirect.
      if (credentialed && (status === 0 || (status > 299 && status < 400))) {
        // Browsers hide manual redirects entirely (Fetch §4.4: an opaque-redirect response, status 0): nothing to follow safely.
        if (status === 0 && response.type === "opaqueredirect") {
          return unexpected(context, response, `${op.name} was redirected, and this environment does not let the client check where to`);
        }
        const next = redirectTarget(op, response, href);
        if (next !== undefined) {
          await discard(response);
          // Same scheme, host and port (RFC 6454 §5), or the credentials stay home.
          if (next.origin !== origin) {
            return unexpected(
              context,
              response,
              `${op.name} was redirected (HTTP ${status}) to another origin, ${next.origin}; the redirect was not followed so that credentials stay with ${origin}`,
            );
          }
          if (hops++ >= MAX_REDIRECTS) return unexpected(context, response, `${op.name} was redirected more than ${MAX_REDIRECTS} times`);
          // Fetch §4.4 HTTP-redirect fetch, step 12: 303 (for anything but GET/HEAD), and
          // 301/302 for POST, become a GET without a body.
          if ((status === 303 && method !== "GET" && method !== "HEAD") || (status < 303 && method === "POST")) {
            method = "GET";
            body = null;
            const kept: Record<string, string> = { ...headers };
            for (const name of CONTENT_FIELDS) delete kept[name];
            headers = kept;
          }
          href = next.href;
          continue;
        }
      }
      if (!RETRY_STATUSES.has(status)) return { response, method };
    }

    const delay = retry < policy.maxRetries ? retryDelay(policy, retry, response?.headers.get("retry-after") ?? null, Date.now()) : undefined;
    if (delay === undefined || Date.now() - started + delay > policy.maxElapsedMs) {
      return response === undefined ? failure(networkError(op.name, origin, thrown)) : { response, method };
    }
    if (response !== undefined) await discard(response);
    await sleep(delay, signal);
    // Each retry starts over from the request as it was built, before any redirect.
    ({ href, method, headers, body } = request);
    retry++;
    hops = 0;
  }
}

/** Where a followable redirect points: undefined for a 3xx the operation declares, or one without a usable Location. */
function redirectTarget(op: OperationSpec, response: Response, href: string): URL | undefined {
  if (!isFollowableRedirect(op.responses, response.status)) return undefined;
  const location = response.headers.get("location");
  if (location === null) return undefined;
  try {
    return new URL(location, href);
  } catch {
    return undefined;
  }
}

/** Drops a body that will not be read, so that the connection can be reused. */
function discard(response: Response): Promise<unknown> {
  return response.body?.cancel().catch(() => undefined) ?? Promise.resolve();
}

// ---------------------------------------------------------------------------------------
// Reading the response

/**
 * The declared response the status matches, its body read as declared. RFC 6750 §3.1: a
 * resource server that refuses a bearer token says why in its `WWW-Authenticate`
 * challenge (`invalid_token`, `insufficient_scope`, ...). That is an authentication
 * failure, whatever the document declares for 401/403, so it comes back as `kind:
 * "auth"`; the declared (or unexpected) error stays reachable as `cause`.
 */
async function classify(context: Context, op: OperationSpec, response: Response, method: string): Promise<AnyResult> {
  const result = await readDeclared(context, op, response, method);
  const status = response.status;
  if (result.ok || (status !== 401 && status !== 403)) return result;
  const oauth = bearerChallengeError(response.headers.get("www-authenticate"));
  if (oauth === undefined) return result;
  const error: AuthError = defined({
    kind: "auth",
    reason: "unauthorized",
    message: `${op.name} was refused by the API (HTTP ${status}, ${oauth.error})`,
    oauth,
    httpStatus: status,
    cause: result.error,
    requestId: result.requestId,
  });
  return failure(error, response);
}

async function readDeclared(context: Context, op: OperationSpec, response: Response, method: string): Promise<AnyResult> {
  const status = response.status;
  const match = matchResponse(op.responses, status);
  if (match === undefined) {
    return unexpected(context, response, `${op.name} got HTTP ${status}${reasonPhrase(response)}, which it does not declare`, await response.text());
  }
  const read = await readResponseBody(response, match.kind, method);
  if (!read.ok) return unexpected(context, response, `${op.name} got HTTP ${status}: ${read.problem}`, read.rawBody);

  const declared = declaredStatus(match.key);
  const requestId = readRequestId(context, response);
  if (isSuccessKey(match.key)) {
    const success: { ok: true; status: number | string; httpStatus: number; data: unknown; requestId?: string } = { ok: true, status: declared, httpStatus: status, data: read.data };
    if (requestId !== undefined) success.requestId = requestId;
    return withResponse(success, response);
  }
  // `body` stays even when undefined (a declared response without content): the type declares it.
  const error: { kind: "http"; status: number | string; httpStatus: number; body: unknown; message: string; requestId?: string } = {
    kind: "http",
    status: declared,
    httpStatus: status,
    body: read.data,
    message: `${op.name} failed: HTTP ${status}${reasonPhrase(response)}`,
  };
  if (requestId !== undefined) error.requestId = requestId;
  return failure(error, response);
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

/** `T` with its properties that may be undefined made optional instead. */
type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** `value` without its undefined properties (`exactOptionalPropertyTypes`: absent, not undefined). */
function defined<const T extends object>(value: T): Defined<T> {
  for (const key in value) if (value[key] === undefined) delete value[key];
  return value as Defined<T>;
}

function withResponse<T extends object>(value: T, response: Response | undefined): T {
  // Non-enumerable (defineProperty's default): `response.url` may carry an API key in its query.
  return response ? Object.defineProperty(value, "response", { value: response }) : value;
}

/** A failed result; the error's request id, if any, is the result's too. */
function failure(error: object, response?: Response, requestId = (error as { readonly requestId?: string }).requestId): Failure {
  return withResponse(defined({ ok: false as const, error, requestId }), response);
}

function unexpected(context: Context, response: Response, message: string, rawBody?: string): Failure {
  const error: UnexpectedError = defined({
    kind: "unexpected",
    message,
    httpStatus: response.status,
    contentType: response.headers.get("content-type") ?? undefined,
    rawBody,
    requestId: readRequestId(context, response),
  });
  return failure(error, response);
}

function insecureTransport(operation: string, choice: SecurityChoice, url: URL): AuthError {
  const transport = url.protocol === "http:" ? "plain HTTP" : url.protocol.replace(/:$/, "");
  const schemes = choice.map(([name]) => name);
  return {
    kind: "auth",
    reason: "insecure_transport",
    message: `${operation}: refusing to send credentials (${schemes.join(" + ")}) over ${transport} to ${url.hostname}; use https, or dangerouslyAllowInsecureHttp on a network you trust`,
    schemes,
  };
}

/**
 * The message names the origin only: the path and query may hold an API key or personal
 * data, and the underlying error (some fetch implementations quote the whole URL) is kept
 * as a non-enumerable `cause`.
 */
function networkError(operation: string, origin: string, cause: unknown, what = `could not reach ${origin}`): NetworkError {
  let code: string | undefined;
  // A system error code such as ECONNREFUSED, from the error or its `cause` chain (undici nests it).
  for (let current = cause, depth = 0; code === undefined && typeof current === "object" && current !== null && depth < 4; depth++) {
    const found = (current as { code?: unknown }).code;
    if (typeof found === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(found)) code = found;
    current = (current as { cause?: unknown }).cause;
  }
  const error: NetworkError = { kind: "network", message: `${operation}: ${what}${code === undefined ? "" : ` (${code})`}` };
  Object.defineProperty(error, "cause", { value: cause });
  return error;
}
