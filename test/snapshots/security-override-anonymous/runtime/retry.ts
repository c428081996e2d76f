// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Retries of transient failures, the way mature SDKs do them: only for idempotent
 * methods unless asked (RFC 9110 §9.2.2: a client can repeat those "knowing the result is
 * the same"), only for failures that say "try again" — a network error, 408, 429, 502,
 * 503, 504 — bounded in count and in total time, spaced by exponential backoff with full
 * jitter, and honouring `Retry-After` (RFC 9110 §10.2.3: seconds or an HTTP-date).
 */

import { timerDelay, untilAborted } from "./deadline.js";

export interface RetryOptions {
  /** Retries after the first attempt; default 2. 0 turns retries off. */
  readonly maxRetries?: number;
  /** No retry starts once this much time has passed since the first attempt; default 30 000 ms. */
  readonly maxElapsedMs?: number;
  /** First backoff ceiling; doubled per retry (full jitter: a random delay up to it); default 500 ms. */
  readonly baseDelayMs?: number;
  /** Cap on one backoff, and on how long a `Retry-After` may make the client wait; default 8 000 ms. */
  readonly maxDelayMs?: number;
  /**
   * Retry POST and PATCH too. Only safe when the API deduplicates (e.g. an idempotency
   * key header): otherwise a retried request may be carried out twice.
   */
  readonly retryNonIdempotent?: boolean;
}

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly maxElapsedMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** RFC 9110 §9.2.2 idempotent methods. */
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

/** Statuses that mean "this may work if you try again" (RFC 9110 §15.5.9, §15.6.3–5; RFC 6585 §4). */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export function retryPolicy(options: RetryOptions | false | undefined, method: string): RetryPolicy {
  const o = options === false ? { maxRetries: 0 } : (options ?? {});
  const allowed = IDEMPOTENT.has(method) || o.retryNonIdempotent === true;
  return {
    maxRetries: allowed ? Math.max(0, Math.floor(o.maxRetries ?? 2)) : 0,
    maxElapsedMs: o.maxElapsedMs ?? 30_000,
    baseDelayMs: o.baseDelayMs ?? 500,
    maxDelayMs: o.maxDelayMs ?? 8_000,
  };
}

/** RFC 9110 §10.2.3: `Retry-After: 120` or `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (0-based), or undefined when the server
 * asks for longer than the policy allows.
 */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfter: string | null, now: number, random: () => number = Math.random): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked <= policy.maxDelayMs ? asked : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects as soon as `signal` (if any) aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return untilAborted(new Promise<void>((resolve) => (timer = setTimeout(resolve, timerDelay(ms)))), signal).finally(() => clearTimeout(timer));
}
