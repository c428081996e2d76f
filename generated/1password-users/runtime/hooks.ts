// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * `hooks`: observers told about each HTTP request a client sends and how it ended, for logs,
 * metrics and traces (docs/design.md, "Hooks"). They observe and cannot change a request: a
 * hook's exception or rejection is dropped, and what it is given is a copy. Credentials are
 * redacted by name, whoever set them, and bodies are never handed over.
 */
import type { SchemeSpec } from "./auth.js";
import type { ClientHooks, RequestEvent } from "./options.js";

/** Where a request comes from: an operation, or an OAuth 2 scheme's own endpoints. */
export type RequestSource = { readonly operation: string } | { readonly scheme: string };

const REDACTED = "[redacted]";

/** `fetchImpl`, telling the hooks about each request it sends for `source`. */
export type FetchObserver = (fetchImpl: typeof fetch, source: RequestSource) => typeof fetch;

/** A query pair: its separator, its name as written, and its value. */
const QUERY_PAIR = /([?&])([^=&#]*)=[^&#]*/g;

export function fetchObserver(hooks: ClientHooks, schemes: Readonly<Record<string, SchemeSpec>>, requestIdHeader = "x-request-id"): FetchObserver {
  // The names whose values are credentials: header names are case-insensitive (RFC 9110 §5.1),
  // query names are not.
  const headerNames = ["authorization", "proxy-authorization", "cookie"];
  const queryNames: string[] = [];
  for (const spec of Object.values(schemes)) {
    if (spec.type !== "apiKey") continue;
    // An apiKey `in: cookie` is covered by the whole Cookie header.
    if (spec.in === "header") headerNames.push(spec.name.toLowerCase());
    else if (spec.in === "query") queryNames.push(spec.name);
  }
  return (fetchImpl, source) => async (input, init = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = headerNames.includes(name) ? REDACTED : value;
    });
    // Pairs are rewritten one by one, so that everything else reads as it was sent.
    const url = String(input).replace(QUERY_PAIR, (pair, separator: string, name: string) =>
      queryNames.includes(decoded(name)) ? `${separator}${name}=%5Bredacted%5D` : pair,
    );
    const request: RequestEvent = { ...source, method: init.method ?? "GET", url, headers };
    tell(hooks.onRequest, request);
    // performance.now(): monotonic, unlike Date.now(), which a clock adjustment can move backwards.
    const started = performance.now();
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      tell(hooks.onNetworkError, { request, durationMs: performance.now() - started, aborted: init.signal?.aborted === true });
      throw error;
    }
    const requestId = response.headers.get(requestIdHeader);
    tell(hooks.onResponse, { request, status: response.status, durationMs: performance.now() - started, ...(requestId === null ? {} : { requestId }) });
    return response;
  };
}

function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

/** Calls an observer; what it throws or rejects with is dropped, so that it cannot fail the call. */
function tell<Event>(hook: ((event: Event) => void) | undefined, event: Event): void {
  try {
    const returned: unknown = hook?.(event);
    if (returned instanceof Promise) returned.catch(() => undefined);
  } catch {
    // Dropped on purpose (see above).
  }
}
