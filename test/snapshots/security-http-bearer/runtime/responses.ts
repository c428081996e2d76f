// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Matching a response to the operation's declared responses (OpenAPI 3 §4.8.16 Responses
 * Object): "the explicit code definition takes precedence over the range definition for
 * that code", and `default` covers "responses other than the ones declared for specific
 * HTTP response codes".
 */
import type { ResponseBodyKind } from "./operation.js";

export interface DeclaredMatch {
  /** The key as declared: "200", "4XX" or "default". */
  readonly key: string;
  readonly kind: ResponseBodyKind;
}

export function matchResponse(
  responses: Readonly<Record<string, ResponseBodyKind>>,
  httpStatus: number,
): DeclaredMatch | undefined {
  // The generator writes ranges with an uppercase X (§4.8.16.2), as it reads a lowercase one.
  for (const key of [String(httpStatus), `${Math.floor(httpStatus / 100)}XX`, "default"]) {
    if (Object.hasOwn(responses, key)) return { key, kind: responses[key]! };
  }
  return undefined;
}

/** The `status` a result carries: the exact code as a number, else the range or "default". */
export function declaredStatus(key: string): number | string {
  return /^\d{3}$/.test(key) ? Number(key) : key;
}

/**
 * Declared 2xx responses are the success side. `default` never is, even for a 2xx status:
 * the generated types give a success only a code or "2XX".
 */
export function isSuccessKey(key: string): boolean {
  return key !== "default" && key.startsWith("2");
}

/** RFC 9110 §15.4: the redirections a client follows by itself. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Declared exactly, a 3xx is an answer the caller wants to see, not a hop to follow. */
export function isFollowableRedirect(responses: Readonly<Record<string, ResponseBodyKind>>, httpStatus: number): boolean {
  return REDIRECT_STATUSES.has(httpStatus) && !Object.hasOwn(responses, String(httpStatus));
}

/** All body kinds an operation declares, for its Accept header. */
export function declaredKinds(responses: Readonly<Record<string, ResponseBodyKind>>): ResponseBodyKind[] {
  return Object.values(responses);
}
