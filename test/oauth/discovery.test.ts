/**
 * Discovery: openIdConnectUrl, the issuer option with RFC 8414 first and OpenID Connect
 * Discovery as the fallback, the RFC 8414 §3.1 path-insertion rule and the §3.3 issuer check.
 *
 * oidc-provider 9 serves both /.well-known/oauth-authorization-server and
 * /.well-known/openid-configuration, but always appends them to its own path. So:
 * - a root issuer shows RFC 8414 being read directly from oidc-provider;
 * - a second oidc-provider mounted at /oidc (issuer <origin>/oidc) has nothing at the
 *   inserted path <origin>/.well-known/oauth-authorization-server/oidc, which exercises the
 *   fallback to <origin>/oidc/.well-known/openid-configuration against the real server;
 * - the inserted path itself is served by a small "metadata host" on loopback, whose
 *   documents point at the real oidc-provider's endpoints, so the tokens are still real.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { authorizeInBrowser } from "../support/browser.js";
import { listenOnLoopback, type LoopbackServer } from "../support/http-server.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";
import { expectApplied, expectAuthError, makeAuth, recordingFetch } from "./helpers.js";

const CC = { id: "discovered-cc", secret: "discovered-cc-secret-0123456789" };
const WEB = { id: "discovered-web", secret: "discovered-web-secret-0123456789" };
const REDIRECT_URI = "https://client.example/callback";

let as: AuthorizationServer;
let mounted: AuthorizationServer;
let rs: ResourceServer;
let meta: LoopbackServer;
const metaPaths: string[] = [];
let flakyCalls = 0;

beforeAll(async () => {
  as = await startAuthorizationServer({
    clients: [
      { client_id: CC.id, client_secret: CC.secret, grant_types: ["client_credentials"], response_types: [], redirect_uris: [] },
      {
        client_id: WEB.id,
        client_secret: WEB.secret,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [REDIRECT_URI],
      },
    ],
  });
  mounted = await startAuthorizationServer({
    mountPath: "/oidc",
    clients: [{ client_id: CC.id, client_secret: CC.secret, grant_types: ["client_credentials"], response_types: [], redirect_uris: [] }],
  });
  rs = await startResourceServer(as);
  let origin = "";
  const document = (issuer: string) => ({
    issuer,
    authorization_endpoint: `${as.issuer}/auth`,
    token_endpoint: `${as.issuer}/token`,
    grant_types_supported: ["client_credentials", "authorization_code"],
  });
  meta = await listenOnLoopback((req, res) => {
    const path = req.url ?? "";
    metaPaths.push(path);
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    if (path === "/.well-known/oauth-authorization-server/tenant") return reply(200, document(`${origin}/tenant`));
    // Serves a document for another issuer: RFC 8414 §3.3 says it must not be used.
    if (path === "/.well-known/oauth-authorization-server/evil") return reply(200, document(`${origin}/someone-else`));
    if (path === "/.well-known/oauth-authorization-server/flaky") {
      flakyCalls += 1;
      return flakyCalls === 1 ? reply(503) : reply(200, document(`${origin}/flaky`));
    }
    return reply(404, { error: "not_found" });
  });
  origin = meta.origin;
});

afterAll(async () => {
  await meta?.close();
  await rs?.close();
  await mounted?.close();
  await as?.close();
});

describe("openIdConnect schemes", () => {
  it("read openIdConnectUrl once for many concurrent calls, and get a real token from the discovered endpoint", async () => {
    const spec: OAuth2SchemeSpec = { type: "openIdConnect", openIdConnectUrl: `${as.issuer}/.well-known/openid-configuration` };
    const recorded = recordingFetch();
    const auth = makeAuth(spec, { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: rs.url, fetch: recorded.fetch });
    const results = await Promise.all(Array.from({ length: 20 }, () => auth.apply([])));
    expect((await rs.get(expectApplied(results[0]!).headers)).status).toBe(200);
    expect(recorded.urls).toEqual([`${as.issuer}/.well-known/openid-configuration`, `${as.issuer}/token`]);
  });

  it("resolve a relative openIdConnectUrl against the base URL", async () => {
    const spec: OAuth2SchemeSpec = { type: "openIdConnect", openIdConnectUrl: "/.well-known/openid-configuration" };
    const auth = makeAuth(spec, { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: `${as.issuer}/api` });
    expect((await rs.get(expectApplied(await auth.apply([])).headers)).status).toBe(200);
  });

  it("refuse a plain-http metadata URL on a non-loopback host without sending anything", async () => {
    const spec: OAuth2SchemeSpec = { type: "openIdConnect", openIdConnectUrl: "http://as.example/.well-known/openid-configuration" };
    const recorded = recordingFetch();
    const auth = makeAuth(spec, { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: rs.url, fetch: recorded.fetch });
    expect(expectAuthError(await auth.apply([]))).toMatchObject({ reason: "insecure_transport" });
    expect(recorded.urls).toEqual([]);
  });

  it("check the RFC 9207 iss of the callback against the discovered issuer", async () => {
    const spec: OAuth2SchemeSpec = { type: "openIdConnect", openIdConnectUrl: `${as.issuer}/.well-known/openid-configuration` };
    const auth = makeAuth(spec, { clientId: WEB.id, clientSecret: WEB.secret }, { baseUrl: rs.url });
    const request = await auth.authorizationUrl({ redirectUri: REDIRECT_URI, scopes: ["openid"] });
    expect(request.url.startsWith(`${as.issuer}/auth?`)).toBe(true);
    const callbackUrl = await authorizeInBrowser(request.url, { login: "bob", consent: "accept" });
    const exchange = (url: URL) => auth.exchangeCode({ ...request, callbackUrl: url.href, redirectUri: REDIRECT_URI });

    const forged = new URL(callbackUrl);
    forged.searchParams.set("iss", "https://attacker.example");
    expect(await exchange(forged)).toMatchObject({ ok: false, error: { reason: "state_mismatch" } });
    const stripped = new URL(callbackUrl);
    stripped.searchParams.delete("iss");
    expect(await exchange(stripped)).toMatchObject({ ok: false, error: { reason: "state_mismatch" } });

    const result = await exchange(new URL(callbackUrl));
    expect(result.ok).toBe(true);
    if (result.ok) expect((await rs.get({ authorization: `Bearer ${result.tokens.accessToken}` })).status).toBe(200);
  });
});

describe("the issuer option", () => {
  it("reads RFC 8414 metadata from a root issuer; discovered endpoints override the document's", async () => {
    const recorded = recordingFetch();
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://wrong.invalid/token", scopes: [] } } };
    const auth = makeAuth(
      spec,
      { clientId: CC.id, clientSecret: CC.secret, issuer: as.issuer },
      { baseUrl: rs.url, fetch: recorded.fetch },
    );
    expect((await rs.get(expectApplied(await auth.apply([])).headers)).status).toBe(200);
    expect(recorded.urls).toEqual([`${as.issuer}/.well-known/oauth-authorization-server`, `${as.issuer}/token`]);
  });

  it("falls back to OpenID Connect Discovery when the RFC 8414 document is missing (issuer with a path)", async () => {
    const recorded = recordingFetch();
    const origin = new URL(mounted.issuer).origin;
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/unused", scopes: [] } } };
    const auth = makeAuth(
      spec,
      { clientId: CC.id, clientSecret: CC.secret, issuer: mounted.issuer },
      { baseUrl: rs.url, fetch: recorded.fetch },
    );
    const applied = expectApplied(await auth.apply([]));
    expect(recorded.urls).toEqual([
      `${origin}/.well-known/oauth-authorization-server/oidc`,
      `${origin}/oidc/.well-known/openid-configuration`,
      `${origin}/oidc/token`,
    ]);
    const token = applied.headers?.["authorization"]?.slice("Bearer ".length) ?? "";
    expect(await mounted.introspect(token)).toMatchObject({ active: true, client_id: CC.id, iss: mounted.issuer });
  });

  it("inserts the well-known path between host and path (RFC 8414 §3.1) and uses the endpoints found", async () => {
    const recorded = recordingFetch();
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/unused", scopes: [] } } };
    const auth = makeAuth(
      spec,
      { clientId: CC.id, clientSecret: CC.secret, issuer: `${meta.origin}/tenant` },
      { baseUrl: rs.url, fetch: recorded.fetch },
    );
    expect((await rs.get(expectApplied(await auth.apply([])).headers)).status).toBe(200);
    expect(recorded.urls).toEqual([`${meta.origin}/.well-known/oauth-authorization-server/tenant`, `${as.issuer}/token`]);
  });

  it("rejects metadata whose issuer is not the one asked for (RFC 8414 §3.3), sending no token request", async () => {
    const before = as.tokenRequests.length;
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { clientCredentials: { tokenUrl: `${as.issuer}/token`, scopes: [] } } };
    const auth = makeAuth(spec, { clientId: CC.id, clientSecret: CC.secret, issuer: `${meta.origin}/evil` }, { baseUrl: rs.url });
    const error = expectAuthError(await auth.apply([]));
    expect(error.reason).toBe("discovery_failed");
    expect(error.message).toContain("RFC 8414 §3.3");
    expect(as.tokenRequests.length).toBe(before);
  });

  it("does not keep a failed discovery: the next call discovers again", async () => {
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/unused", scopes: [] } } };
    const auth = makeAuth(spec, { clientId: CC.id, clientSecret: CC.secret, issuer: `${meta.origin}/flaky` }, { baseUrl: rs.url });
    // 503 from RFC 8414, then the OIDC path 404s: discovery_failed.
    expect(expectAuthError(await auth.apply([]))).toMatchObject({ reason: "discovery_failed" });
    expect((await rs.get(expectApplied(await auth.apply([])).headers)).status).toBe(200);
    const before = metaPaths.length;
    await auth.apply(["api:read"]);
    expect(metaPaths.length).toBe(before); // discovered once it succeeded
  });
});
