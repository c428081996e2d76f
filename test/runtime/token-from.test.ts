/**
 * A `tokenFrom` scheme (bearer tokens issued by an operation of the same API) keeps its
 * fresh answer like an OAuth 2 scheme: later calls read no store and get no Promise, until
 * the token expires or a 401 invalidates it.
 */
import { describe, expect, it } from "vitest";
import type { AppliedCredentials } from "../../src/runtime/auth.js";
import type { AuthError } from "../../src/runtime/result.js";
import { createTokenFromAuth } from "../../src/runtime/token-from.js";
import { MemoryTokenStore, type TokenSet } from "../../src/runtime/token-store.js";

class CountingStore extends MemoryTokenStore {
  gets = 0;
  override async get(key: string): Promise<TokenSet | undefined> {
    this.gets++;
    return super.get(key);
  }
}

function setUp() {
  let t = 1_000_000;
  let issued = 0;
  const store = new CountingStore();
  const auth = createTokenFromAuth(
    "Bearer",
    { operation: "getToken", accessToken: "/access_token", expiresIn: "/expires_in", tokenType: "/token_type" },
    {
      issue: async () => ({ ok: true, data: { access_token: `token-${++issued}`, expires_in: 100, token_type: "bearer" } }),
      configured: true,
      tokenStore: store,
      now: () => t,
    },
  );
  return { auth, store, issued: () => issued, advance: (ms: number) => void (t += ms) };
}

const bearer = (answer: AppliedCredentials | AuthError) => ("kind" in answer ? answer.message : answer.headers?.authorization);

describe("tokenFrom: the cached token", () => {
  it("is answered at once, without reading the store, while it is fresh", async () => {
    const { auth, store, issued } = setUp();
    expect(bearer(await auth.apply([]))).toBe("Bearer token-1");
    const reads = store.gets;
    const answer = auth.apply([]);
    expect(answer).not.toBeInstanceOf(Promise);
    expect(bearer(answer as AppliedCredentials)).toBe("Bearer token-1");
    // Frozen, so that the pipeline checks its header once per token (client.test.ts).
    expect(Object.isFrozen((answer as AppliedCredentials).headers)).toBe(true);
    expect(store.gets).toBe(reads);
    expect(issued()).toBe(1);
  });

  it("is read again when it expires, and dropped when a 401 invalidates it", async () => {
    const { auth, issued, advance } = setUp();
    await auth.apply([]);
    advance(91_000); // past 90% of its 100 s
    expect(auth.apply([])).toBeInstanceOf(Promise);
    const second = await auth.apply([]);
    expect(bearer(second)).toBe("Bearer token-2");
    await (second as AppliedCredentials).invalidate!();
    expect(bearer(await auth.apply([]))).toBe("Bearer token-3");
    expect(issued()).toBe(3);
  });
});
