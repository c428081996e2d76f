/**
 * The committed 1Password Users client (generated/1password-users) against stand-ins that
 * behave as 1Password's documentation says (test/support/1password-server.ts): client
 * credentials with client_secret_basic, a form body, optional scope=openid, 900 s tokens and
 * no refresh token, three regional servers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inspect } from "node:util";
import { createClient } from "../../generated/1password-users/index.js";
import {
  ACCOUNT_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  INACTIVE_CLIENT,
  USERS,
  startOnePasswordServer,
  type OnePasswordServer,
} from "../support/1password-server.js";

/** One stand-in per region; requests to the real hosts are sent to them instead. */
const regions: Record<string, OnePasswordServer> = {};
let com: OnePasswordServer;

beforeAll(async () => {
  for (const region of ["com", "ca", "eu"] as const) regions[`api.1password.${region}`] = await startOnePasswordServer(region);
  com = regions["api.1password.com"]!;
});
afterAll(() => Promise.all(Object.values(regions).map((s) => s.close())));
afterEach(() => vi.useRealTimers());

/** A fetch that sends https://api.1password.<region>/... to that region's stand-in, and records the URLs asked for. */
function regionalFetch(asked: string[]): typeof fetch {
  return (input, init) => {
    const url = new URL(String(input));
    asked.push(url.href);
    const target = regions[url.host];
    if (target === undefined) return Promise.reject(new TypeError(`no stand-in for ${url.host}`));
    return globalThis.fetch(`${target.url}${url.pathname}${url.search}`, init);
  };
}

const credential = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const newClient = (auth: { clientId: string; clientSecret: string; scopes?: "openid"[] } = credential) =>
  createClient({ baseUrl: com.url, auth: { OAuth2: auth } });

/** RFC 6749 §2.3.1 by hand: each part form-urlencoded, then Basic. */
const expectedBasic = `Basic ${Buffer.from(`partner-app:s3cr%2Bt%2F%26%3A%C3%A9+x`).toString("base64")}`;

describe("1Password Users: token request exactly as documented", () => {
  it("sends client_secret_basic with §2.3.1 encoding, a form body with grant_type only, then the bearer token", async () => {
    const from = com.requests.length;
    const res = await newClient().listUsers({ path: { account_id: ACCOUNT_ID }, query: { max_page_size: 50 } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.results.map((u) => u.id)).toEqual(USERS.map((u) => u.id));
    expect(res.data.next_page_token).toBeUndefined();

    const [token, list, ...rest] = com.requests.slice(from);
    expect(rest).toEqual([]);
    expect(token).toMatchObject({ method: "POST", url: "/v1beta1/users/oauth2/token", body: "grant_type=client_credentials" });
    expect(token!.headers.authorization).toBe(expectedBasic);
    expect(token!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded(;|$)/);
    expect(list!.url).toBe(`/v1beta1/accounts/${ACCOUNT_ID}/users?max_page_size=50`);
    expect(list!.headers.authorization).toBe(`Bearer ${com.issued.at(-1)}`);
  });

  it("asks for scope=openid when the credential asks for it", async () => {
    const from = com.requests.length;
    const res = await newClient({ ...credential, scopes: ["openid"] }).getUser({ path: { account_id: ACCOUNT_ID, user_id: USERS[2]!.id } });
    expect(res.ok && res.data.email).toBe("user2@example.com");
    expect(com.requests[from]!.body).toBe("grant_type=client_credentials&scope=openid");
  });

  it("reuses the 900 s token, then acquires a new one on expiry (there is no refresh token)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.parse("2030-01-01T00:00:00Z");
    vi.setSystemTime(t0);
    const api = newClient();
    const before = com.tokenRequests().length;
    const args = { path: { account_id: ACCOUNT_ID } };
    expect((await api.listUsers(args)).ok).toBe(true);
    const first = com.issued.at(-1)!;

    vi.setSystemTime(t0 + 869_000); // kept for 900 s minus a 30 s margin
    expect((await api.listUsers(args)).ok).toBe(true);
    expect(com.tokenRequests().length - before).toBe(1);
    expect(com.requests.at(-1)!.headers.authorization).toBe(`Bearer ${first}`);

    vi.setSystemTime(t0 + 871_000);
    expect((await api.listUsers(args)).ok).toBe(true);
    const acquired = com.tokenRequests().slice(before);
    expect(acquired).toHaveLength(2);
    expect(acquired.map((r) => r.body)).toEqual(["grant_type=client_credentials", "grant_type=client_credentials"]);
    expect(com.requests.at(-1)!.headers.authorization).toBe(`Bearer ${com.issued.at(-1)}`);
    expect(com.issued.at(-1)).not.toBe(first);
  });

  it("a token refused by the API (401) is replaced once and the call retried", async () => {
    const api = newClient();
    const args = { path: { account_id: ACCOUNT_ID, user_id: USERS[0]!.id } };
    expect((await api.getUser(args)).ok).toBe(true);
    com.revoke(com.issued.at(-1)!);
    const from = com.requests.length;
    expect((await api.getUser(args)).ok).toBe(true);
    expect(com.requests.slice(from).map((r) => r.method)).toEqual(["GET", "POST", "GET"]);
  });
});

describe("1Password Users: failures", () => {
  it.each([
    ["a wrong secret", { clientId: CLIENT_ID, clientSecret: "wrong-secret-0xC0FFEE" }],
    ["an inactive client", { clientId: INACTIVE_CLIENT.id, clientSecret: INACTIVE_CLIENT.secret }],
  ])("%s: 401 invalid_client from the token endpoint is kind auth with the OAuth error, and no API call", async (_, auth) => {
    const api = newClient(auth);
    const from = com.requests.length;
    const res = await api.listUsers({ path: { account_id: ACCOUNT_ID } });
    expect(com.requests.slice(from).map((r) => r.url)).toEqual(["/v1beta1/users/oauth2/token"]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: 401, oauth: { error: "invalid_client" } });
    const encoded = Buffer.from(`${auth.clientId}:${auth.clientSecret}`).toString("base64");
    for (const text of [res.error.message, JSON.stringify(res), inspect(res, { depth: 10 }), inspect(api, { depth: 10, showHidden: true }), JSON.stringify(api)]) {
      expect(text).not.toContain(auth.clientSecret);
      expect(text).not.toContain(encoded);
    }
  });

  it("declared API errors come back typed: 400 for an unknown filter, 404 for an unknown user", async () => {
    const api = newClient();
    const bad = await api.listUsers({ path: { account_id: ACCOUNT_ID }, query: { filter: "user.isGone()" as "user.isActive()" } });
    expect(bad.ok ? undefined : bad.error).toMatchObject({ kind: "http", status: 400, body: { code: 3 } });
    const missing = await api.getUser({ path: { account_id: ACCOUNT_ID, user_id: "NOBODY" } });
    expect(missing.ok ? undefined : missing.error).toMatchObject({ kind: "http", status: 404, body: { code: 5, message: "user not found" } });
  });

  it("pages with max_page_size and page_token", async () => {
    const api = newClient();
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const res = await api.listUsers({
        path: { account_id: ACCOUNT_ID },
        query: { filter: "user.isActive()", max_page_size: 4, ...(pageToken === undefined ? {} : { page_token: pageToken }) },
      });
      if (!res.ok) throw new Error(res.error.message);
      seen.push(...res.data.results.map((u) => u.id));
      pageToken = res.data.next_page_token;
    } while (pageToken !== undefined);
    expect(seen).toEqual(USERS.filter((u) => u.state === "ACTIVE").map((u) => u.id));
  });

  it("the token endpoint, called directly, returns the typed RFC 6749 error", async () => {
    const api = createClient({ baseUrl: com.url, auth: { ClientCredentials: { username: CLIENT_ID, password: "wrong" } } });
    const res = await api.requestAccessToken({ body: { grant_type: "client_credentials" } });
    expect(res.ok).toBe(false);
    if (res.ok || res.error.kind !== "http" || res.error.status !== 401) throw new Error("expected the declared 401");
    expect(res.error.body.error).toBe("invalid_client");
  });
});

describe("1Password Users: regional servers", () => {
  it.each(["https://api.1password.com", "https://api.1password.ca", "https://api.1password.eu"] as const)(
    "server %s sends the token request and the API call to that region only",
    async (server) => {
      const asked: string[] = [];
      const counts = () => Object.values(regions).map((s) => s.requests.length);
      const before = counts();
      const api = createClient({ server, fetch: regionalFetch(asked), auth: { OAuth2: credential } });
      const res = await api.listUsers({ path: { account_id: ACCOUNT_ID } });
      expect(res.ok).toBe(true);
      expect(asked).toEqual([`${server}/v1beta1/users/oauth2/token`, `${server}/v1beta1/accounts/${ACCOUNT_ID}/users`]);
      const host = new URL(server).host;
      const target = regions[host]!;
      expect(counts().map((n, i) => n - before[i]!)).toEqual(Object.keys(regions).map((h) => (h === host ? 2 : 0)));
      expect(target.requests.at(-1)!.headers.authorization).toBe(`Bearer ${target.issued.at(-1)}`);
    },
  );

  it("the default server is the first, 1Password.com", async () => {
    const asked: string[] = [];
    const res = await createClient({ fetch: regionalFetch(asked), auth: { OAuth2: credential } }).listUsers({ path: { account_id: ACCOUNT_ID } });
    expect(res.ok).toBe(true);
    expect(asked.map((u) => new URL(u).host)).toEqual(["api.1password.com", "api.1password.com"]);
  });
});
