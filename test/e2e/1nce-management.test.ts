/**
 * The committed 1NCE Management client (generated/1nce-management) and the 1NCE Authorization
 * client with its overlay (generated/1nce-authorization) against a stand-in that behaves as
 * 1NCE's documents say (test/support/1nce-server.ts). The user configures HTTP Basic only: the
 * bearer tokens come from POST /oauth/token because the document declares it (tokenFrom).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inspect } from "node:util";
import { createClient } from "../../generated/1nce-management/index.js";
import { createClient as createAuthorizationClient } from "../../generated/1nce-authorization/index.js";
import { SIMS, startOneNceServer, USERS, type OneNceServer } from "../support/1nce-server.js";

let server: OneNceServer;
let baseUrl: string;
const password = USERS["api-user"]!;
const basic = `Basic ${Buffer.from(`api-user:${password}`).toString("base64")}`;

beforeAll(async () => {
  server = await startOneNceServer();
  baseUrl = `${server.url}/management-api`;
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
  server.refuseAll(false);
});

const newClient = (pw = password) => createClient({ baseUrl, auth: { BasicAuthentication: { username: "api-user", password: pw } } });
/** Requests the stand-in received since `from`, without the query. */
const since = (from: number) => server.requests.slice(from).map((r) => `${r.method} ${r.url.split("?")[0]}`);

describe("1NCE Management: Basic credentials only, bearer tokens from POST /oauth/token", () => {
  it("listSims acquires a token with Basic and a JSON body, then sends it as a bearer token", async () => {
    const from = server.requests.length;
    const api = newClient();
    const res = await api.getSimsUsingGET({ query: { page: 2, pageSize: 10 } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.map((s) => s.iccid)).toEqual(SIMS.slice(10, 20).map((s) => s.iccid));
    expect(res.response.headers.get("x-total-pages")).toBe("3");
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);

    expect(since(from)).toEqual(["POST /management-api/oauth/token", "GET /management-api/v1/sims"]);
    const [token, list] = server.requests.slice(from);
    expect(token!.headers.authorization).toBe(basic);
    expect(token!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(token!.body)).toEqual({ grant_type: "client_credentials" });
    expect(list!.url).toBe("/management-api/v1/sims?page=2&pageSize=10");
    expect(list!.headers.authorization).toBe(`Bearer ${server.issued.at(-1)}`);
  });

  it("acquires the token once and reuses it across calls, concurrent ones included", async () => {
    const api = newClient();
    const before = server.tokenRequests();
    const results = await Promise.all([
      api.getSimsUsingGET(),
      api.getSimUsingGET({ path: { iccid: SIMS[3]!.iccid } }),
      ...Array.from({ length: 8 }, () => api.getSimsUsingGET({ query: { pageSize: 5 } })),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const again = await api.getSimUsingGET({ path: { iccid: SIMS[0]!.iccid } });
    expect(again.ok && again.data.label).toBe("gateway");
    expect(server.tokenRequests() - before).toBe(1);
    const token = server.issued.at(-1)!;
    const simCalls = server.requests.slice(-10).filter((r) => r.url.includes("/v1/sims"));
    expect(simCalls.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  });

  it("re-acquires when the 3600 s token is about to expire, not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.parse("2030-01-01T00:00:00Z");
    vi.setSystemTime(t0);
    const api = newClient();
    const before = server.tokenRequests();
    expect((await api.getSimsUsingGET()).ok).toBe(true);
    const first = server.issued.at(-1)!;

    // Kept for 3600 s minus a 30 s margin.
    vi.setSystemTime(t0 + 3_569_000);
    expect((await api.getSimsUsingGET()).ok).toBe(true);
    expect(server.tokenRequests() - before).toBe(1);

    vi.setSystemTime(t0 + 3_571_000);
    const after = await api.getSimsUsingGET();
    expect(after.ok).toBe(true);
    expect(server.tokenRequests() - before).toBe(2);
    const second = server.issued.at(-1)!;
    expect(second).not.toBe(first);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${second}`);
    expect(server.refused).not.toContain(first);
  });

  it("a 401 from a SIM endpoint (token revoked) earns exactly one re-acquisition and one retry", async () => {
    const api = newClient();
    expect((await api.getSimsUsingGET()).ok).toBe(true);
    const revoked = server.issued.at(-1)!;
    server.revoke(revoked);
    const from = server.requests.length;

    const res = await api.getSimUsingGET({ path: { iccid: SIMS[1]!.iccid } });
    expect(res.ok).toBe(true);
    expect(since(from)).toEqual([
      `GET /management-api/v1/sims/${SIMS[1]!.iccid}`,
      "POST /management-api/oauth/token",
      `GET /management-api/v1/sims/${SIMS[1]!.iccid}`,
    ]);
    expect(server.requests[from]!.headers.authorization).toBe(`Bearer ${revoked}`);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${server.issued.at(-1)}`);
  });

  it("when every token is refused, one re-acquisition, then the declared 401", async () => {
    const api = newClient();
    expect((await api.getSimsUsingGET()).ok).toBe(true);
    server.refuseAll(true);
    const from = server.requests.length;
    const res = await api.getSimsUsingGET();
    expect(since(from)).toEqual(["GET /management-api/v1/sims", "POST /management-api/oauth/token", "GET /management-api/v1/sims"]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: "http", status: 401, body: { statusCode: 401, errorCode: "Unauthorized" } });
  });

  it("a wrong password is kind auth, token_request_failed, with the token operation's typed 400 as cause", async () => {
    const canary = "canary-Pa55word-0xDEADBEEF";
    const api = newClient(canary);
    const from = server.requests.length;
    const res = await api.getSimsUsingGET();
    expect(since(from)).toEqual(["POST /management-api/oauth/token"]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({
      kind: "auth",
      reason: "token_request_failed",
      schemes: ["BearerAuthentication"],
      httpStatus: 400,
      cause: { kind: "http", status: 400, httpStatus: 400, body: { statusCode: 400, errorCode: "BadCredentials", message: "User does not exist." } },
    });
    // The same error, typed as the token operation's (test/types/1nce-management.test-d.ts).
    expect(res.error.kind === "auth" && res.error.tokenError).toBe(res.error.kind === "auth" && res.error.cause);
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const encoded = Buffer.from(`api-user:${canary}`).toString("base64");
    for (const text of [
      res.error.message,
      JSON.stringify(res.error),
      JSON.stringify(res),
      inspect(res, { depth: 10 }),
      inspect(api, { depth: 10, showHidden: true }),
      JSON.stringify(api),
    ]) {
      expect(text).not.toContain(canary);
      expect(text).not.toContain(encoded);
    }
  });

  it("the password never shows in inspect or JSON of a working client, nor its token", async () => {
    const api = newClient();
    expect((await api.getSimsUsingGET()).ok).toBe(true);
    for (const text of [inspect(api, { depth: 10, showHidden: true }), JSON.stringify(api)]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(server.issued.at(-1)!);
    }
  });

  it("without Basic credentials nothing is sent: kind auth, missing_credentials", async () => {
    const from = server.requests.length;
    const res = await createClient({ baseUrl }).getSimsUsingGET();
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", reason: "missing_credentials" });
    expect(server.requests.length).toBe(from);
  });

  it("a bearer token given explicitly is used instead of acquiring one", async () => {
    const issuedBy = await newClient().auth.credentialsFor("BearerAuthentication");
    if (!issuedBy.ok) throw new Error("expected a token");
    const token = issuedBy.headers["authorization"]!.replace(/^Bearer /, "");
    const before = server.tokenRequests();
    const res = await createClient({ baseUrl, auth: { BearerAuthentication: token } }).getSimsUsingGET();
    expect(res.ok).toBe(true);
    expect(server.tokenRequests()).toBe(before);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
  });

  it("declared errors of the SIM endpoints come back typed: 400 for a bad page size, 404 for an unknown ICCID", async () => {
    const api = newClient();
    const bad = await api.getSimsUsingGET({ query: { pageSize: 101 } });
    expect(bad.ok ? undefined : bad.error).toMatchObject({ kind: "http", status: 400, body: { errorCode: "ValidationError" } });
    const missing = await api.getSimUsingGET({ path: { iccid: "0000" } });
    expect(missing.ok ? undefined : missing.error).toMatchObject({ kind: "http", status: 404, body: { errorCode: "NotFound" } });
  });
});

describe("1NCE Authorization with its overlay: the bearer token for the other 1NCE APIs", () => {
  it("credentialsFor(BearerAuthentication) acquires the token once and returns the header to send", async () => {
    const api = createAuthorizationClient({ baseUrl, auth: { BasicAuthentication: { username: "api-user", password } } });
    const from = server.requests.length;
    const first = await api.auth.credentialsFor("BearerAuthentication");
    const second = await api.auth.credentialsFor("BearerAuthentication");
    expect(since(from)).toEqual(["POST /management-api/oauth/token"]);
    expect(JSON.parse(server.requests[from]!.body)).toEqual({ grant_type: "client_credentials" });
    expect(first).toEqual({ ok: true, headers: { authorization: `Bearer ${server.issued.at(-1)}` }, query: {}, cookies: {} });
    expect(second).toEqual(first);
  });

  it("a wrong password gives the 400 BadCredentials as tokenError, typed (and as cause)", async () => {
    const api = createAuthorizationClient({ baseUrl, auth: { BasicAuthentication: { username: "api-user", password: "wrong" } } });
    const res = await api.auth.credentialsFor("BearerAuthentication");
    const tokenFailure = { kind: "http", status: 400, body: { errorCode: "BadCredentials" } };
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "auth", reason: "token_request_failed", cause: tokenFailure, tokenError: tokenFailure });
    // Narrowed without a cast: the error's type is the token operation's (test/types/1nce.test-d.ts).
    const tokenError = res.ok ? undefined : res.error.tokenError;
    expect(tokenError?.kind === "http" && tokenError.status === 400 ? tokenError.body.errorCode : undefined).toBe("BadCredentials");
  });
});
