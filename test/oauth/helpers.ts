import type { OAuth2Credential } from "../../src/runtime/options.js";
import { createOAuth2Auth, type OAuth2Env, type OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import { isAuthError } from "../../src/runtime/oauth/errors.js";
import type { AppliedCredentials } from "../../src/runtime/auth.js";
import type { AuthError } from "../../src/runtime/result.js";
import { MemoryTokenStore } from "../../src/runtime/token-store.js";

/** A settable clock for expiry tests (no fake timers near real servers). */
export function clock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** fetch that records every URL it is asked for. */
export function recordingFetch() {
  const urls: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  return { fetch: wrapped, urls };
}

export function makeAuth(
  spec: OAuth2SchemeSpec,
  credential: OAuth2Credential | undefined,
  env: Partial<OAuth2Env> & { baseUrl: string },
) {
  return createOAuth2Auth("OAuth2", spec, credential, {
    fetch,
    tokenStore: new MemoryTokenStore(),
    allowInsecureHttp: false,
    ...env,
  });
}

export function expectApplied(result: AppliedCredentials | AuthError): AppliedCredentials {
  if (isAuthError(result)) throw new Error(`expected credentials, got AuthError ${result.reason}: ${result.message}`);
  return result;
}

export function expectAuthError(result: AppliedCredentials | AuthError): AuthError {
  if (!isAuthError(result)) throw new Error("expected an AuthError");
  return result;
}

export function bearer(applied: AppliedCredentials): string {
  return applied.headers?.["authorization"]?.replace(/^Bearer /, "") ?? "";
}
