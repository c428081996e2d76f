// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * The one way the OAuth 2 runtime talks to an authorization server: transport checked
 * before anything is sent, `redirect: "manual"` so that credentials never follow a
 * redirect, a time-out, and failures turned into AuthErrors that carry no secret.
 */
import { timerDelay } from "../deadline.js";
import type { AuthError } from "../result.js";
import { mayCarryCredentials } from "../transport-security.js";
import { authError, type AuthErrorReason } from "./errors.js";

export interface HttpEnv {
  readonly fetch: typeof fetch;
  /** `dangerouslyAllowInsecureHttp` of the client options. */
  readonly allowInsecureHttp: boolean;
  /** Abort a request to the authorization server after this many milliseconds. */
  readonly timeoutMs?: number;
}

/** Where a URL is shown in messages: origin and path, never the query (it may carry a code). */
export function endpointLabel(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * RFC 6749 §3.1 / §3.2 (and RFC 8414 §3, RFC 7591 §3): endpoints MUST use TLS. Loopback
 * hosts are exempt (RFC 8252 §7.3); anything else needs the loudly named opt-in.
 */
export function checkTransport(url: URL, env: HttpEnv, reason: AuthErrorReason = "insecure_transport"): AuthError | undefined {
  if (mayCarryCredentials(url, env.allowInsecureHttp)) return undefined;
  return authError(
    reason,
    `refusing to contact ${endpointLabel(url)}: OAuth endpoints must use https (plain http is allowed for loopback hosts, or with dangerouslyAllowInsecureHttp)`,
  );
}

/**
 * Send one request to an authorization server endpoint. `failure` is the reason given to
 * network errors, time-outs and redirects (the step's own reason: "token_request_failed",
 * "discovery_failed", ...).
 */
export async function send(
  env: HttpEnv,
  url: URL,
  init: RequestInit,
  what: string,
  failure: AuthErrorReason,
  signal?: AbortSignal,
): Promise<Response | AuthError> {
  const insecure = checkTransport(url, env);
  if (insecure) return insecure;

  const controller = new AbortController();
  let timedOut = false;
  const timer =
    env.timeoutMs !== undefined && env.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timerDelay(env.timeoutMs))
      : undefined;
  const onAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  else signal?.addEventListener("abort", onAbort, { once: true });

  try {
    const response = await env.fetch(url.href, { ...init, redirect: "manual", signal: controller.signal });
    // Browsers hide a manual redirect behind type "opaqueredirect" and status 0; Node shows the 3xx.
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      return authError(
        failure,
        `${what} to ${endpointLabel(url)} was answered with a redirect; it is not followed so that credentials stay with the endpoint they belong to`,
        { httpStatus: response.status },
      );
    }
    return response;
  } catch {
    // The thrown value is dropped on purpose: it can quote the request.
    if (timedOut) {
      const message = `${what} to ${endpointLabel(url)} timed out after ${env.timeoutMs} ms`;
      return authError(failure, message, { cause: { kind: "timeout", reason: "timeout", message } });
    }
    if (signal?.aborted) {
      const message = `${what} to ${endpointLabel(url)} was aborted`;
      return authError(failure, message, { cause: { kind: "timeout", reason: "aborted", message } });
    }
    const message = `${what} to ${endpointLabel(url)} failed: the server could not be reached`;
    return authError(failure, message, { cause: { kind: "network", message } });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** The body as JSON, or undefined when it is not JSON (whatever the content type claims). */
export async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
