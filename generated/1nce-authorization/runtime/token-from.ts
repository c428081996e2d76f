// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * A bearer scheme whose tokens an operation of the same API issues, declared with
 * `x-gen-auth-client.tokenFrom` (1NCE: `POST /oauth/token` with HTTP Basic and a JSON
 * body returns the bearer token for every other endpoint). The operation runs through the
 * ordinary pipeline, with its own security; its typed errors surface as the `cause` of a
 * `kind: "auth"` error.
 */
import type { AppliedCredentials, SchemeAuth, TokenFromEnv, TokenFromSpec } from "./auth.js";
import type { AuthError } from "./result.js";
import { singleFlight } from "./single-flight.js";
import { expiresAtFrom, type TokenSet } from "./token-store.js";

export type { IssueResult, TokenFromEnv, TokenFromSpec } from "./auth.js";

/** Lifetime assumed when neither the response nor the declaration gives one (RFC 6749 §5.1 leaves it open). */
const FALLBACK_EXPIRES_IN = 300;

function at(value: unknown, pointer: string): unknown {
  if (pointer === "") return value;
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (typeof node === "object" && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined), value);
}

export function createTokenFromAuth(name: string, spec: TokenFromSpec, env: TokenFromEnv): SchemeAuth {
  const now = env.now ?? (() => Date.now());
  const key = `${name} tokenFrom${env.identity ? ` user=${env.identity}` : ""}`;
  const shared = singleFlight<TokenSet | AuthError>(env.timeoutMs);

  const failure = (reason: AuthError["reason"], message: string, extra: Partial<AuthError> = {}): AuthError => ({
    kind: "auth",
    reason,
    message: `${name}: ${message}`,
    schemes: [name],
    ...extra,
  });

  async function acquire(): Promise<TokenSet | AuthError> {
    const result = await env.issue();
    if (!result.ok) {
      return failure("token_request_failed", `${spec.operation} did not issue a token: ${result.error.message}`, {
        cause: result.error,
        tokenError: result.error,
        ...(result.error.httpStatus === undefined ? {} : { httpStatus: result.error.httpStatus }),
        ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
      });
    }
    const accessToken = at(result.data, spec.accessToken);
    const tokenType = at(result.data, spec.tokenType);
    const expiresIn = at(result.data, spec.expiresIn);
    if (typeof accessToken !== "string" || accessToken === "") {
      return failure("invalid_token_response", `${spec.operation} answered without an access token at ${spec.accessToken}`);
    }
    // RFC 6749 §5.1: token_type is case-insensitive; 1NCE sends "bearer".
    if (tokenType !== undefined && (typeof tokenType !== "string" || tokenType.toLowerCase() !== "bearer")) {
      return failure("invalid_token_response", `${spec.operation} issued a token that is not a bearer token`);
    }
    const lifetime = typeof expiresIn === "number" && expiresIn > 0 ? expiresIn : (spec.defaultExpiresIn ?? FALLBACK_EXPIRES_IN);
    const tokens: TokenSet = { accessToken, tokenType: "Bearer", expiresAt: expiresAtFrom(now(), lifetime) };
    await env.tokenStore.set(key, tokens);
    try {
      await env.onTokens?.(name, tokens);
    } catch {
      // A failing persistence callback must not make a good token unusable.
    }
    return tokens;
  }

  async function freshStored(): Promise<TokenSet | undefined> {
    const tokens = await env.tokenStore.get(key);
    return tokens && (tokens.expiresAt === undefined || tokens.expiresAt > now()) ? tokens : undefined;
  }

  /** Inside the lock of a store shared by several clients, what another client stored meanwhile wins. */
  const acquireUnlessStored = async () => (await freshStored()) ?? acquire();

  async function current(): Promise<TokenSet | AuthError> {
    const { tokenStore } = env;
    return (await freshStored()) ?? shared(key, () => (tokenStore.lock ? tokenStore.lock(key, acquireUnlessStored) : acquire()));
  }

  // The last answer while its token is fresh, as oauth/scheme.ts keeps them: dropped (before
  // and after) when a 401 invalidates a token, so that no older lookup puts it back.
  let answered: { readonly applied: AppliedCredentials; readonly expiresAt: number | undefined } | undefined;
  let generation = 0;
  const forget = () => {
    answered = undefined;
    generation++;
  };

  async function acquireCredentials(): Promise<AppliedCredentials | AuthError> {
    const started = generation;
    const tokens = await current().catch((error: unknown) => failure("token_request_failed", "the token store failed", { cause: error }));
    if ("kind" in tokens) return tokens;
    // Frozen, so that the pipeline checks the header once per token, not once per call.
    const applied: AppliedCredentials = Object.freeze({
      headers: Object.freeze({ authorization: `Bearer ${tokens.accessToken}` }),
      invalidate: async () => {
        forget();
        // Only the token that was refused: a newer one may already be stored.
        const stored = await env.tokenStore.get(key);
        if (stored?.accessToken === tokens.accessToken) await env.tokenStore.delete(key);
        forget();
      },
    });
    if (generation === started) answered = { applied, expiresAt: tokens.expiresAt };
    return applied;
  }

  return {
    name,
    configured: env.configured,
    apply: () => (answered !== undefined && (answered.expiresAt === undefined || answered.expiresAt > now()) ? answered.applied : acquireCredentials()),
  };
}
