/**
 * Client credentials (RFC 6749 §4.4) against oidc-provider on loopback, with a resource
 * server that accepts only tokens the authorization server's introspection calls active.
 */
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerChallengeError, type OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";
import { bearer, clock, expectApplied, expectAuthError, makeAuth } from "./helpers.js";

const BASIC = { id: "cc-basic", secret: "cc-basic-secret-0123456789abcdef" };
const POST = { id: "cc-post", secret: "cc-post-secret-0123456789abcdef" };
// Characters that RFC 6749 §2.3.1 form-urlencoding must protect inside HTTP Basic.
const ODD = { id: "a:b+c/d", secret: "p:a s+s/w%o=r&d" };
const CANARY = "CANARY-7f3a9c2e-not-the-secret";

let as: AuthorizationServer;
let rs: ResourceServer;
let spec: OAuth2SchemeSpec;

beforeAll(async () => {
  const cc = { grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope: "api:read api:write" };
  as = await startAuthorizationServer({
    clients: [
      { client_id: BASIC.id, client_secret: BASIC.secret, token_endpoint_auth_method: "client_secret_basic", ...cc },
      { client_id: POST.id, client_secret: POST.secret, token_endpoint_auth_method: "client_secret_post", ...cc },
      { client_id: ODD.id, client_secret: ODD.secret, token_endpoint_auth_method: "client_secret_basic", ...cc },
      {
        client_id: "public-app",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: ["https://client.example/callback"],
      },
    ],
  });
  rs = await startResourceServer(as);
  spec = {
    type: "oauth2",
    flows: { clientCredentials: { tokenUrl: `${as.issuer}/token`, scopes: ["api:read", "api:write"] } },
  };
});

afterAll(async () => {
  await rs?.close();
  await as?.close();
});

const newRequests = (from: number) => as.tokenRequests.slice(from);

describe("client authentication at the token endpoint", () => {
  it("uses client_secret_basic by default, and the resource server accepts the token", async () => {
    const before = as.tokenRequests.length;
    const auth = makeAuth(spec, { clientId: BASIC.id, clientSecret: BASIC.secret }, { baseUrl: rs.url });
    const applied = expectApplied(await auth.apply([]));
    expect(applied.headers?.["authorization"]).toMatch(/^Bearer \S+$/);
    const res = await rs.get(applied.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ client_id: BASIC.id });
    expect(newRequests(before)).toEqual([{ grantType: "client_credentials", clientId: BASIC.id, status: 200, basicAuth: true }]);
  });

  it("sends client_secret_post when the credential asks for it", async () => {
    const before = as.tokenRequests.length;
    const auth = makeAuth(
      spec,
      { clientId: POST.id, clientSecret: POST.secret, tokenEndpointAuthMethod: "client_secret_post" },
      { baseUrl: rs.url },
    );
    const res = await rs.get(expectApplied(await auth.apply([])).headers);
    expect(res.status).toBe(200);
    expect(newRequests(before)).toEqual([{ grantType: "client_credentials", clientId: POST.id, status: 200, basicAuth: false }]);
  });

  it("takes client_secret_post from the scheme's declared quirk", async () => {
    const declared: OAuth2SchemeSpec = { ...spec, quirks: { tokenEndpointAuthMethod: "client_secret_post" } };
    const auth = makeAuth(declared, { clientId: POST.id, clientSecret: POST.secret }, { baseUrl: rs.url });
    expect((await rs.get(expectApplied(await auth.apply([])).headers)).status).toBe(200);
  });

  it("form-urlencodes id and secret before base64 (RFC 6749 §2.3.1)", async () => {
    const auth = makeAuth(spec, { clientId: ODD.id, clientSecret: ODD.secret }, { baseUrl: rs.url });
    const res = await rs.get(expectApplied(await auth.apply([])).headers);
    expect(await res.json()).toMatchObject({ client_id: ODD.id });

    // Control: the same credentials without the encoding are refused by the server.
    const raw = await fetch(`${as.issuer}/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${ODD.id}:${ODD.secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({
      error: "invalid_request",
      error_description: "client_id and client_secret in the authorization header are not properly encoded",
    });
  });

  it("with method none, a public client is refused client credentials: typed error from the server", async () => {
    const before = as.tokenRequests.length;
    const auth = makeAuth(spec, { clientId: "public-app", tokenEndpointAuthMethod: "none" }, { baseUrl: rs.url });
    const error = expectAuthError(await auth.apply([]));
    expect(error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: 400 });
    // oidc-provider answers invalid_request rather than RFC 6749 §5.2 unauthorized_client.
    expect(error.oauth).toEqual({
      error: "invalid_request",
      error_description: "requested grant type is not allowed for this client",
    });
    // Method none: the client identified itself in the body, with no Authorization header.
    expect(newRequests(before)).toEqual([{ grantType: "client_credentials", clientId: "public-app", status: 400, basicAuth: false }]);
  });

  it("without a secret and without method none, sends nothing and reports missing credentials", async () => {
    const before = as.tokenRequests.length;
    const auth = makeAuth(spec, { clientId: BASIC.id }, { baseUrl: rs.url });
    expect(expectAuthError(await auth.apply([]))).toMatchObject({ reason: "missing_credentials", schemes: ["OAuth2"] });
    expect(newRequests(before)).toHaveLength(0);
  });
});

describe("token cache", () => {
  it("50 concurrent apply() on a cold cache send exactly one token request", async () => {
    const before = as.tokenRequests.length;
    const auth = makeAuth(spec, { clientId: BASIC.id, clientSecret: BASIC.secret }, { baseUrl: rs.url });
    const results = await Promise.all(Array.from({ length: 50 }, () => auth.apply(["api:read"])));
    const tokens = new Set(results.map((r) => bearer(expectApplied(r))));
    expect(tokens.size).toBe(1);
    expect(newRequests(before)).toHaveLength(1);
    expect((await rs.get(expectApplied(results[0]!).headers)).status).toBe(200);
  });

  it("caches per scope set, whatever the order the scopes come in", async () => {
    const before = as.tokenRequests.length;
    const auth = makeAuth(spec, { clientId: BASIC.id, clientSecret: BASIC.secret }, { baseUrl: rs.url });
    const read = bearer(expectApplied(await auth.apply(["api:read"])));
    const both = bearer(expectApplied(await auth.apply(["api:write", "api:read"])));
    expect(bearer(expectApplied(await auth.apply(["api:read", "api:write"])))).toBe(both);
    expect(bearer(expectApplied(await auth.apply(["api:read"])))).toBe(read);
    expect(read).not.toBe(both);
    expect(newRequests(before)).toHaveLength(2);
    expect(await as.introspect(both)).toMatchObject({ active: true, scope: "api:read api:write" });
  });

  it("re-acquires when the token expires (expires_in minus the safety margin)", async () => {
    const time = clock();
    const before = as.tokenRequests.length;
    const auth = makeAuth(spec, { clientId: BASIC.id, clientSecret: BASIC.secret }, { baseUrl: rs.url, now: time.now });
    const first = bearer(expectApplied(await auth.apply([])));
    // ttl 600 s: used for 570 s (margin min(30 s, 10%)).
    time.advance(569_000);
    expect(bearer(expectApplied(await auth.apply([])))).toBe(first);
    expect(newRequests(before)).toHaveLength(1);
    time.advance(2_000);
    const second = expectApplied(await auth.apply([]));
    expect(bearer(second)).not.toBe(first);
    expect(newRequests(before)).toHaveLength(2);
    expect((await rs.get(second.headers)).status).toBe(200);
  });

  it("after revocation at the server: one 401, invalidate, one new token, success", async () => {
    const before = as.tokenRequests.length;
    const auth = makeAuth(spec, { clientId: BASIC.id, clientSecret: BASIC.secret }, { baseUrl: rs.url });
    const first = expectApplied(await auth.apply([]));
    expect((await rs.get(first.headers)).status).toBe(200);

    await as.revoke(bearer(first), BASIC);
    const refused = await rs.get(first.headers);
    expect(refused.status).toBe(401);
    expect(bearerChallengeError(refused.headers.get("www-authenticate"))).toEqual({ error: "invalid_token" });
    await first.invalidate?.();

    const second = expectApplied(await auth.apply([]));
    expect(bearer(second)).not.toBe(bearer(first));
    expect((await rs.get(second.headers)).status).toBe(200);
    expect(newRequests(before)).toHaveLength(2);

    // A late invalidate for the old token must not drop the new one.
    await first.invalidate?.();
    expect(bearer(expectApplied(await auth.apply([])))).toBe(bearer(second));
    expect(newRequests(before)).toHaveLength(2);
  });

  it("calls onTokens once for every new token set", async () => {
    const seen: string[] = [];
    const auth = makeAuth(
      spec,
      { clientId: BASIC.id, clientSecret: BASIC.secret },
      { baseUrl: rs.url, onTokens: (scheme, tokens) => void seen.push(`${scheme}:${tokens.accessToken}`) },
    );
    const token = bearer(expectApplied(await auth.apply([])));
    await auth.apply([]);
    expect(seen).toEqual([`OAuth2:${token}`]);
  });

  it("pins client credentials with flow, and getToken/clear work on machine tokens", async () => {
    const auth = makeAuth(spec, { clientId: BASIC.id, clientSecret: BASIC.secret, flow: "clientCredentials" }, { baseUrl: rs.url });
    const got = await auth.getToken();
    expect(got.ok).toBe(true);
    const before = as.tokenRequests.length;
    await auth.clear();
    await auth.getToken();
    expect(newRequests(before)).toHaveLength(1);
  });
});

describe("errors carry no secret", () => {
  it("a wrong secret gives token_request_failed / invalid_client, and the secret appears nowhere", async () => {
    const auth = makeAuth(spec, { clientId: BASIC.id, clientSecret: CANARY }, { baseUrl: rs.url });
    const result = await auth.apply(["api:read"]);
    const error = expectAuthError(result);
    expect(error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: 401, oauth: { error: "invalid_client" } });
    const token = await auth.getToken();
    for (const shown of [
      JSON.stringify(result),
      inspect(result, { depth: Infinity, showHidden: true }),
      JSON.stringify(token),
      inspect(token, { depth: Infinity, showHidden: true }),
      JSON.stringify(auth),
      inspect(auth, { depth: Infinity, showHidden: true }),
      String(error.message),
    ]) {
      expect(shown).not.toContain(CANARY);
      expect(shown).not.toContain(encodeURIComponent(CANARY));
      expect(shown).not.toContain(Buffer.from(`${BASIC.id}:${CANARY}`).toString("base64"));
    }
    expect(JSON.stringify(auth)).toBe('{"scheme":"OAuth2","type":"oauth2","configured":true}');
  });
});
