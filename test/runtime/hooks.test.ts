/**
 * runtime/hooks.ts against a real server on 127.0.0.1: what an observer is told about a
 * request is what was sent, byte for byte, except the credentials (test/e2e/hooks.test.ts
 * covers hooks through generated clients).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchObserver } from "../../src/runtime/hooks.js";
import type { RequestEvent, ResponseEvent } from "../../src/runtime/options.js";
import { json, startServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(json(200, {}, { "x-request-id": "r-1", "x-correlation": "c-9" }));
});
afterAll(() => server.close());

const schemes = {
  Key: { type: "apiKey", in: "query", name: "api_key" },
  Header: { type: "apiKey", in: "header", name: "X-API-Key" },
  Session: { type: "apiKey", in: "cookie", name: "sid" },
  Basic: { type: "http", scheme: "basic" },
} as const;

function observing(requestIdHeader?: string) {
  const requests: RequestEvent[] = [];
  const responses: ResponseEvent[] = [];
  const observe = fetchObserver(
    { onRequest: (r) => void requests.push(r), onResponse: (r) => void responses.push(r) },
    schemes,
    requestIdHeader,
  );
  const observed = observe(fetch, { operation: "op" });
  return { observed, requests, responses };
}

describe("what an observer is told", () => {
  it("the query as sent, with every value of a credential parameter replaced, however its name is encoded", async () => {
    const { observed, requests } = observing();
    const query = "a=%20b&api_key=k1&c=+&api%5Fkey=k2&api_keys=kept&flag";
    await observed(`${server.url}/p?${query}`, {});
    expect(server.requests.at(-1)!.url).toBe(`/p?${query}`);
    expect(requests[0]!.url).toBe(`${server.url}/p?a=%20b&api_key=%5Bredacted%5D&c=+&api%5Fkey=%5Bredacted%5D&api_keys=kept&flag`);
  });

  it("headers lower-cased; credential headers redacted whatever their case, the rest as sent", async () => {
    const { observed, requests } = observing();
    await observed(`${server.url}/p`, {
      method: "POST",
      body: "{}",
      headers: { Authorization: "Basic czNjcjN0", "x-api-key": "k", Cookie: "sid=s", "X-Trace": "t-1" },
    });
    expect(requests[0]).toEqual({
      operation: "op",
      method: "POST",
      url: `${server.url}/p`,
      headers: { authorization: "[redacted]", cookie: "[redacted]", "x-api-key": "[redacted]", "x-trace": "t-1" },
    });
  });

  it("the configured request-id header", async () => {
    const { observed, requests, responses } = observing("x-correlation");
    await observed(`${server.url}/q?api_key=k`, { method: "GET" });
    expect(requests[0]!.url).toBe(`${server.url}/q?api_key=%5Bredacted%5D`);
    expect(responses[0]).toMatchObject({ status: 200, requestId: "c-9" });
  });

  it("no request-id header: the event has no requestId key", async () => {
    server.handle(json(204, {}));
    try {
      const { observed, responses } = observing();
      await observed(`${server.url}/p`, {});
      expect(responses[0]!.status).toBe(204);
      expect("requestId" in responses[0]!).toBe(false);
    } finally {
      server.handle(json(200, {}, { "x-request-id": "r-1", "x-correlation": "c-9" }));
    }
  });
});
