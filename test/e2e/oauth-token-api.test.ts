/**
 * The committed seed 003 client (generated/oauth-token-api) against a stand-in that behaves as
 * the vendor's page says (test/support/oauth-token-api-server.ts): client_id and client_secret
 * in a form body with no grant_type, the token wrapped in {"data": ...}, errors wrapped in
 * {"error": ...}. The departures are declared on the OAuth2 scheme (x-gen-auth-client).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { createClient } from "../../generated/oauth-token-api/index.js";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  ERRORS,
  FAILING_CLIENT,
  SUSPENDED_CLIENT,
  startOAuthTokenApiServer,
  type OAuthTokenApiServer,
} from "../support/oauth-token-api-server.js";

let server: OAuthTokenApiServer;
beforeAll(async () => {
  server = await startOAuthTokenApiServer();
});
afterAll(() => server.close());
afterEach(() => server.refuseAll(false));

const newClient = (clientId = CLIENT_ID, clientSecret = CLIENT_SECRET) =>
  createClient({ baseUrl: server.url, auth: { OAuth2: { clientId, clientSecret } } });
const since = (from: number) => server.requests.slice(from).map((r) => `${r.method} ${r.url}`);

describe("seed 003: token request and the wrapped token", () => {
  it("sends exactly client_id and client_secret in a form body (no grant_type, no Basic), then the data.access_token as bearer", async () => {
    const from = server.requests.length;
    const api = newClient();
    const res = await api.getAccount();
    expect(res.ok && res.data).toEqual({ data: { id: "acc_1", name: "Example Account" } });
    expect(since(from)).toEqual(["POST /v1/auth/token", "GET /v1/account"]);
    const [token, account] = server.requests.slice(from);
    expect(token!.body).toBe("client_id=YOUR_CLIENT_ID&client_secret=secret%2Bwith%2F%26%3Dspecial+chars");
    expect(token!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded(;|$)/);
    expect(token!.headers.authorization).toBeUndefined();
    expect(server.issued.at(-1)).toMatch(/^sk-[0-9a-f]{32}$/);
    expect(account!.headers.authorization).toBe(`Bearer ${server.issued.at(-1)}`);
  });

  it("caches the token: later calls send no token request", async () => {
    const api = newClient();
    const before = server.tokenRequests().length;
    await api.getAccount();
    const results = await Promise.all([api.getProject({ path: { project_id: "prj_alpha" } }), api.getAccount(), api.getAccount()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.tokenRequests().length - before).toBe(1);
  });

  it("the stand-in rejects a grant_type, as the vendor does: the declaration is what makes the client work", async () => {
    const res = await fetch(`${server.url}/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(ERRORS[400]);
  });
});

describe("seed 003: every declared error of getProject, typed", () => {
  it("400 invalid_request", async () => {
    const res = await newClient().getProject({ path: { project_id: "not-a-project" } });
    if (res.ok || res.error.kind !== "http" || res.error.status !== 400) throw new Error("expected the declared 400");
    expect(res.error.body).toEqual(ERRORS[400]);
    expect(res.error.body.error.code_reason).toBe("invalid_request");
  });

  it("401 after one re-acquisition when the API refuses every token", async () => {
    const api = newClient();
    expect((await api.getAccount()).ok).toBe(true);
    server.refuseAll(true);
    const from = server.requests.length;
    const res = await api.getProject({ path: { project_id: "prj_alpha" } });
    expect(since(from)).toEqual(["GET /v1/projects/prj_alpha", "POST /v1/auth/token", "GET /v1/projects/prj_alpha"]);
    if (res.ok || res.error.kind !== "http" || res.error.status !== 401) throw new Error("expected the declared 401");
    expect(res.error.body.error).toEqual(ERRORS.invalidToken.error);
  });

  it("a revoked token is replaced once and the call succeeds", async () => {
    const api = newClient();
    expect((await api.getAccount()).ok).toBe(true);
    server.revoke(server.issued.at(-1)!);
    const res = await api.getProject({ path: { project_id: "prj_beta" } });
    expect(res.ok && res.data.data.name).toBe("Beta");
  });

  it("403 with the bare error the page shows", async () => {
    const res = await newClient().getProject({ path: { project_id: "prj_locked" } });
    if (res.ok || res.error.kind !== "http" || res.error.status !== 403) throw new Error("expected the declared 403");
    expect(res.error.body).toEqual({ error: "Access forbidden for this resource." });
  });

  it("404 with the bare error the page shows", async () => {
    const res = await newClient().getProject({ path: { project_id: "prj_missing" } });
    if (res.ok || res.error.kind !== "http" || res.error.status !== 404) throw new Error("expected the declared 404");
    expect(res.error.body).toEqual({ error: "Resource or endpoint not found." });
  });

  it("500 API_ERROR", async () => {
    const res = await newClient().getProject({ path: { project_id: "prj_boom" } });
    if (res.ok || res.error.kind !== "http" || res.error.status !== 500) throw new Error("expected the declared 500");
    expect(res.error.body.error).toEqual({ code: "500999", code_reason: "API_ERROR", message: "Api Error, please contact customer service" });
  });
});

describe("seed 003: the token endpoint refuses", () => {
  it("401 invalid_client is kind auth, token_request_failed, HTTP 401; no API call; no secret anywhere", async () => {
    const canary = "canary-secret-0xDEADBEEF";
    const api = newClient(CLIENT_ID, canary);
    const from = server.requests.length;
    const res = await api.getAccount();
    expect(since(from)).toEqual(["POST /v1/auth/token"]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: 401 });
    expect(res.error.message).toBe(`token endpoint ${server.url}/v1/auth/token answered HTTP 401`);
    for (const text of [res.error.message, JSON.stringify(res), inspect(res, { depth: 10 }), inspect(api, { depth: 10, showHidden: true }), JSON.stringify(api)]) {
      expect(text).not.toContain(canary);
    }
  });

  it("the vendor's error object is on the auth error as `body` (regression: it was dropped)", async () => {
    const secret = "wrong-secret-canary";
    const res = await newClient(CLIENT_ID, secret).getAccount();
    if (res.ok || res.error.kind !== "auth") throw new Error("expected kind auth");
    expect(res.error.body).toEqual(ERRORS[401]);
    expect(JSON.stringify(res.error)).not.toContain(secret);
  });

  it.each([
    [SUSPENDED_CLIENT, 403],
    [FAILING_CLIENT, 500],
  ] as const)("client %s: the token endpoint's %i is kind auth with that status", async (clientId, status) => {
    const res = await newClient(clientId, "whatever").getAccount();
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", reason: "token_request_failed", httpStatus: status });
  });

  it("createAccessToken called directly returns the typed wrapped token and the typed 401 envelope", async () => {
    const api = createClient({ baseUrl: server.url });
    const ok = await api.createAccessToken({ body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET } });
    expect(ok.ok && ok.data.data.token_type).toBe("Bearer");
    const refused = await api.createAccessToken({ body: { client_id: CLIENT_ID, client_secret: "wrong" } });
    if (refused.ok || refused.error.kind !== "http" || refused.error.status !== 401) throw new Error("expected the declared 401");
    expect(refused.error.body.error.code_reason).toBe("invalid_client");
  });
});
