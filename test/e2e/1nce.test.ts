/**
 * The committed 1NCE client (generated/1nce-authorization) against a server that behaves
 * as the 1NCE document says.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { createClient } from "../../generated/1nce-authorization/index.js";
import { startOneNceServer, USERS } from "../support/1nce-server.js";
import { startServer, type TestServer } from "../support/server.js";

let server: Awaited<ReturnType<typeof startOneNceServer>>;
let baseUrl: string;
const password = USERS["api-user"]!;

beforeAll(async () => {
  server = await startOneNceServer();
  baseUrl = `${server.url}/management-api`;
});
afterAll(() => server.close());

describe("1NCE POST /oauth/token through the generated client", () => {
  it("sends HTTP Basic and a JSON body, and returns the typed token with the request id", async () => {
    const api = createClient({ baseUrl, auth: { BasicAuthentication: { username: "api-user", password } } });
    const res = await api.postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.status).toBe(200);
    expect(res.data.access_token).toBe(server.issued.at(-1));
    expect(res.data.token_type).toBe("bearer");
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const sent = server.requests.at(-1)!;
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent.body)).toEqual({ grant_type: "client_credentials" });
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from(`api-user:${password}`).toString("base64")}`);
  });

  it.each([
    ["BadCredentials", { username: "api-user", password: "wrong" }, { grant_type: "client_credentials" }],
    ["AuthValidationError", { username: "api-user", password: "" }, { grant_type: "client_credentials" }],
    ["BodyValidationError", { username: "api-user", password }, {}],
  ] as const)("surfaces the declared 400 with errorCode %s", async (errorCode, credentials, body) => {
    const api = createClient({ baseUrl, auth: { BasicAuthentication: credentials } });
    const res = await api.postAccessTokenPOST({ body: body as { grant_type: string } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.kind).toBe("http");
    if (res.error.kind !== "http" || res.error.status !== 400) throw new Error("expected the declared 400");
    expect(res.error.body.errorCode).toBe(errorCode);
    expect(res.error.requestId).toBe(res.requestId);
    expect(res.error.message).not.toContain(password);
  });

  it("the fourth errorCode, UnsupportedContentTypeError, is what the server says to a non-JSON body", async () => {
    const res = await fetch(`${baseUrl}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa(`api-user:${password}`)}`, "content-type": "text/plain" },
      body: "grant_type=client_credentials",
    });
    expect(await res.json()).toMatchObject({ errorCode: "UnsupportedContentTypeError" });
  });

  it("fails with kind auth before sending anything when no credentials are configured", async () => {
    const before = server.requests.length;
    const res = await createClient({ baseUrl }).postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: "auth", reason: "missing_credentials", schemes: ["BasicAuthentication"] });
    expect(res.error.message).toContain("BasicAuthentication");
    expect(server.requests.length).toBe(before);
  });

  it("maps the declared 404 (no content) to an http error with an undefined body", async () => {
    const api = createClient({ baseUrl: `${server.url}/wrong-base`, auth: { BasicAuthentication: { username: "api-user", password } } });
    const res = await api.postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: "http", status: 404, httpStatus: 404, body: undefined });
  });

  it("keeps the password out of errors and out of util.inspect of the client", async () => {
    const canary = "canary-Pa55word-0xDEADBEEF";
    const api = createClient({ baseUrl, auth: { BasicAuthentication: { username: "api-user", password: canary } } });
    const res = await api.postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    const encoded = Buffer.from(`api-user:${canary}`).toString("base64");
    for (const text of [inspect(api, { depth: 10, showHidden: true }), JSON.stringify(res.ok ? res.data : res.error), res.ok ? "" : res.error.message]) {
      expect(text).not.toContain(canary);
      expect(text).not.toContain(encoded);
    }
  });
});

describe("transport failures through the generated client", () => {
  let odd: TestServer;
  beforeAll(async () => {
    odd = await startServer((req, res) => {
      if (req.url?.includes("html")) {
        res.writeHead(502, { "content-type": "text/html" });
        res.end("<html>Bad gateway</html>");
      } else if (req.url?.includes("truncated")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"access_token": "abc');
      } else {
        setTimeout(() => res.end(), 2_000);
      }
    });
  });
  afterAll(() => odd.close());
  const auth = { BasicAuthentication: { username: "u", password: "p" } };

  it("an undeclared status with an HTML page is kind unexpected, with the raw text", async () => {
    const res = await createClient({ baseUrl: `${odd.url}/html`, auth }).postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: "unexpected", httpStatus: 502, rawBody: "<html>Bad gateway</html>" });
  });

  it("unparsable JSON on a declared status is kind unexpected", async () => {
    const res = await createClient({ baseUrl: `${odd.url}/truncated`, auth }).postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ kind: "unexpected", httpStatus: 200, rawBody: '{"access_token": "abc' });
  });

  it("timeoutMs gives kind timeout, and a caller's signal gives kind timeout with reason aborted", async () => {
    const api = createClient({ baseUrl: `${odd.url}/stall`, auth, timeoutMs: 100 });
    const timedOut = await api.postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    expect(timedOut.ok ? undefined : timedOut.error).toMatchObject({ kind: "timeout", reason: "timeout" });
    const aborted = await createClient({ baseUrl: `${odd.url}/stall`, auth }).postAccessTokenPOST({
      body: { grant_type: "client_credentials" },
      signal: AbortSignal.timeout(50),
    });
    expect(aborted.ok ? undefined : aborted.error).toMatchObject({ kind: "timeout" });
  });

  it("a refused connection is kind network", async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const res = await createClient({ baseUrl: closed.url, auth }).postAccessTokenPOST({ body: { grant_type: "client_credentials" } });
    expect(res.ok ? undefined : res.error).toMatchObject({ kind: "network" });
  });
});
