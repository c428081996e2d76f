/**
 * Identifier hygiene end to end (test/fixtures/hostile-names.yml): operationIds and
 * parameter names that are not identifiers, or are identifiers with a meaning of their own,
 * become usable method names, and every call sends each name exactly as the document wrote it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, operations } from "../snapshots/hostile-names/index.js";
import { startEchoServer } from "../support/echo-server.js";
import type { TestServer } from "../support/server.js";

let echo: TestServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

const lastRequest = () => echo.requests.at(-1)!;

describe("hostile names", () => {
  it("path, query, header and cookie parameters go out under the document's names", async () => {
    const api = createClient({ baseUrl: echo.url });
    const res = await api.getUserItemById({
      path: { "user-id": "u/1", "item.id": 7 },
      query: { "page.size": 10, "sort by": "name asc", class: "c", "2fa": true, größe: "XL", constructor: "k", ["__proto__"]: "p" },
      headers: { "X-Trace.Id": "t-1" },
      cookies: { "session.id": "s 1" },
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const url = new URL(lastRequest().url, echo.url);
    expect(url.pathname).toBe("/users/u%2F1/items/7");
    // Pairs, not an object literal: `{ __proto__: "p" }` would set a prototype.
    expect([...url.searchParams]).toEqual([
      ["page.size", "10"],
      ["sort by", "name asc"],
      ["class", "c"],
      ["2fa", "true"],
      ["größe", "XL"],
      ["constructor", "k"],
      ["__proto__", "p"],
    ]);
    expect(res.data.headers["x-trace.id"]).toBe("t-1");
    expect(res.data.cookies).toEqual({ "session.id": "s 1" });
  });

  it("a JSON body keeps property names as written, __proto__ included", async () => {
    const api = createClient({ baseUrl: echo.url });
    const body = JSON.parse('{"user-name":"a","class":"b","2x":2,"__proto__":"p","constructor":"c","größe":"g","a.b":"d","with space":"e","$ref":"r"}');
    const res = await api._2faVerify({ body });
    expect(res.ok).toBe(true);
    expect(lastRequest()).toMatchObject({ method: "POST", url: "/2fa" });
    expect(JSON.parse(lastRequest().body)).toEqual(body);
    expect(Object.keys(JSON.parse(lastRequest().body))).toContain("__proto__");
  });

  const methods: [string, () => Promise<{ ok: boolean }>, string, string][] = [
    ["reserved word", () => createClient({ baseUrl: echo.url }).delete(), "DELETE", "/delete"],
    ["non-ASCII", () => createClient({ baseUrl: echo.url }).größeLesen(), "GET", "/gr%C3%B6%C3%9Fe"],
    ["__proto__ (renamed: it would set the prototype)", () => createClient({ baseUrl: echo.url }).__proto__2(), "GET", "/proto"],
    ["constructor", () => createClient({ baseUrl: echo.url }).constructor(), "GET", "/constructor"],
    ["credentials (renamed: CredentialsResult is a runtime type)", () => createClient({ baseUrl: echo.url }).credentials2(), "GET", "/credentials"],
    ["list-items", () => createClient({ baseUrl: echo.url }).listItems(), "GET", "/list-a"],
    ["listItems, colliding after conversion", () => createClient({ baseUrl: echo.url }).listItems2(), "GET", "/list-b"],
    ["ListItems, colliding by type name", () => createClient({ baseUrl: echo.url }).ListItems3(), "GET", "/list-c"],
    ["new (quoted in the Client interface, where it would declare a constructor)", () => createClient({ baseUrl: echo.url }).new(), "POST", "/new"],
    ["auth (renamed: the client's own member)", () => createClient({ baseUrl: echo.url }).auth2(), "GET", "/auth"],
    ["no operationId, a path parameter with a space", () => createClient({ baseUrl: echo.url }).putNoOperationIdByTheId({ path: { "the id": "a b" } }), "PUT", "/no-operation-id/a%20b"],
  ];
  it.each(methods)("%s: its method calls its operation", async (_, call, method, path) => {
    const res = await call();
    expect(res.ok).toBe(true);
    expect(lastRequest()).toMatchObject({ method, url: path });
  });

  it("operations is a plain object whose prototype no document name changed", () => {
    expect(Object.getPrototypeOf(operations)).toBe(Object.prototype);
    expect(Object.keys(operations)).toContain("__proto__2");
    expect(Object.keys(operations)).toHaveLength(methods.length + 2);
  });
});
