/**
 * Token sets and where they are kept. A store is keyed per scheme (and client and scope set)
 * so that a user can persist tokens (to Redis, a file, localStorage) without touching the flows.
 */

/** A token set as RFC 6749 §5.1 returns it, with the expiry made absolute. */
export interface TokenSet {
  readonly accessToken: string;
  readonly tokenType: string;
  /** Epoch milliseconds after which the access token must not be used; absent: unknown. */
  readonly expiresAt?: number;
  readonly refreshToken?: string;
  readonly scope?: string;
  /**
   * The OpenID Connect ID token as the token endpoint sent it, not validated: the client uses
   * access tokens to call the API, and checks nothing in this one. Validate it (OpenID Connect
   * Core §3.1.3.7: signature, `iss`, `aud`, `exp`) before trusting who it says signed in.
   */
  readonly idToken?: string;
}

/**
 * Token lifetime kept for use: `expires_in` minus a safety margin of 10% of the lifetime,
 * at most 30 s, so that a token is not sent in its last moments (clock skew, latency).
 * A 900 s token is used for 870 s, a 10 s token for 9 s.
 */
export function expiresAtFrom(now: number, expiresInSeconds: number): number {
  const lifetime = expiresInSeconds * 1000;
  return now + lifetime - Math.min(30_000, lifetime / 10);
}

/**
 * Where a client keeps its token sets. A scheme reads it when it has no fresh token of its
 * own for a call: on the first call for a scope set, once the token it holds expires or is
 * refused (401), and after `setTokens`, `exchangeCode` or `clear`. A store shared between
 * clients therefore hands a new token to the others at their next expiry or refusal, not
 * at their next call.
 */
export interface TokenStore {
  get(key: string): Promise<TokenSet | undefined>;
  set(key: string, tokens: TokenSet): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Run `critical` while no other holder of this store's lock on `key` runs, and return what it
   * returns. Clients that share a store need it: each token acquisition (a refresh, a token
   * request) runs inside, after reading the store again, so that of several clients whose
   * token expired at once one asks the server and the others use what it stored. Without it,
   * they all refresh with one refresh token, and a server that rotates refresh tokens may take
   * the second for a replay and revoke the grant (OAuth 2.1 §4.3.1). `setTokens`, `exchangeCode`
   * and `clear` write under it too, so that a sign-out lands after a refresh another client is
   * running, not before it (where the refresh would put the set back). A lock held across
   * processes needs a lease, so that one that dies holding it does not block the others; and
   * `onTokens`, which runs inside it, must not call `setTokens` or `clear`.
   */
  lock?<T>(key: string, critical: () => Promise<T>): Promise<T>;
}

export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, TokenSet>();

  async get(key: string): Promise<TokenSet | undefined> {
    return this.#tokens.get(key);
  }

  async set(key: string, tokens: TokenSet): Promise<void> {
    this.#tokens.set(key, tokens);
  }

  async delete(key: string): Promise<void> {
    this.#tokens.delete(key);
  }
}
