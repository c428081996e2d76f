/** Request body encoding and response body reading, on Request/Response objects directly. */
import { describe, expect, it } from "vitest";
import { acceptHeader, bodyEncoders, encodeRequestBody, isJsonMediaType, readResponseBody } from "../../src/runtime/body.js";

/** What a server would receive: the body and Content-Type fetch would send. */
async function sent(encoding: Parameters<typeof encodeRequestBody>[1]["encoding"], mediaType: string, value: unknown) {
  const encoded = encodeRequestBody("op", { encoding, mediaType, required: true }, value, bodyEncoders)!;
  const headers = encoded.contentType ? { "content-type": encoded.contentType } : undefined;
  const request = new Request("http://127.0.0.1/", { method: "POST", body: encoded.body, headers });
  return { contentType: request.headers.get("content-type"), text: await request.text() };
}

describe("encodeRequestBody", () => {
  it("json: JSON text with the declared media type", async () => {
    expect(await sent("json", "application/json", { grant_type: "client_credentials" })).toEqual({
      contentType: "application/json",
      text: '{"grant_type":"client_credentials"}',
    });
    expect((await sent("json", "application/merge-patch+json", { a: null })).contentType).toBe("application/merge-patch+json");
    expect((await sent("json", "*/*", 1)).contentType).toBe("application/json");
  });

  it("form: URL-encoded, arrays repeat the key, objects as JSON text, null left out", async () => {
    expect(
      await sent("form", "application/x-www-form-urlencoded", {
        grant_type: "client_credentials",
        scope: ["a b", "c"],
        meta: { x: 1 },
        skip: null,
        n: 0,
      }),
    ).toEqual({
      contentType: "application/x-www-form-urlencoded",
      text: "grant_type=client_credentials&scope=a+b&scope=c&meta=%7B%22x%22%3A1%7D&n=0",
    });
  });

  it("multipart: FormData with file parts for binary values, boundary set by fetch", async () => {
    const { contentType, text } = await sent("multipart", "multipart/form-data", {
      id: "7",
      tags: ["a", "b"],
      address: { city: "X" },
      file: new Blob(["bytes"], { type: "image/png" }),
    });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(text).toContain('name="id"\r\n\r\n7\r\n');
    expect(text.match(/name="tags"/g)).toHaveLength(2);
    expect(text).toContain('name="address"\r\n\r\n{"city":"X"}\r\n');
    expect(text).toMatch(/name="file"; filename="file"\r\nContent-Type: image\/png\r\n\r\nbytes/);
  });

  it("text and binary pass through", async () => {
    expect(await sent("text", "text/plain", "hi")).toEqual({ contentType: "text/plain", text: "hi" });
    expect(await sent("binary", "application/octet-stream", new Uint8Array([104, 105]))).toEqual({
      contentType: "application/octet-stream",
      text: "hi",
    });
    expect((await sent("binary", "image/*", new Blob(["x"], { type: "image/gif" }))).contentType).toBe("image/gif");
    expect(() => encodeRequestBody("op", { encoding: "binary", mediaType: "application/octet-stream", required: true }, { a: 1 }, bodyEncoders)).toThrow(TypeError);
  });

  it("no body when the caller gives none", () => {
    expect(encodeRequestBody("op", { encoding: "json", mediaType: "application/json", required: false }, undefined, bodyEncoders)).toBeUndefined();
  });
});

describe("readResponseBody", () => {
  const response = (body: BodyInit | null, contentType?: string, status = 200) =>
    new Response(body, { status, headers: contentType ? { "content-type": contentType } : {} });

  it("json needs a JSON content type (application/json or +json) and must parse", async () => {
    expect(await readResponseBody(response('{"a":1}', "application/json; charset=utf-8"), "json", "GET")).toEqual({ ok: true, data: { a: 1 } });
    expect(await readResponseBody(response('{"a":1}', "application/problem+json"), "json", "GET")).toEqual({ ok: true, data: { a: 1 } });
    expect(await readResponseBody(response("<html>oops</html>", "text/html"), "json", "GET")).toEqual({
      ok: false,
      problem: "expected a JSON body but got text/html",
      contentType: "text/html",
      rawBody: "<html>oops</html>",
    });
    expect(await readResponseBody(response('{"a":', "application/json"), "json", "GET")).toEqual({
      ok: false,
      problem: "the JSON body could not be parsed",
      contentType: "application/json",
      rawBody: '{"a":',
    });
  });

  it("text, binary, empty; 204 and HEAD have no content whatever is declared", async () => {
    expect(await readResponseBody(response("hi", "text/plain"), "text", "GET")).toEqual({ ok: true, data: "hi" });
    const binary = await readResponseBody(response(new Uint8Array([1, 2])), "binary", "GET");
    expect(binary.ok && new Uint8Array(binary.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2]));
    expect(await readResponseBody(response("ignored"), "empty", "GET")).toEqual({ ok: true, data: undefined });
    expect(await readResponseBody(response(null, undefined, 204), "json", "DELETE")).toEqual({ ok: true, data: undefined });
    expect(await readResponseBody(response(null, "application/json"), "json", "HEAD")).toEqual({ ok: true, data: undefined });
  });

  it("isJsonMediaType and acceptHeader", () => {
    expect(isJsonMediaType("Application/JSON")).toBe(true);
    expect(isJsonMediaType("application/vnd.api+json")).toBe(true);
    expect(isJsonMediaType("text/json+html")).toBe(false);
    expect(isJsonMediaType(null)).toBe(false);
    expect(acceptHeader(["json", "empty", "json"])).toBe("application/json");
    expect(acceptHeader(["json", "text"])).toBe("application/json, text/*");
    expect(acceptHeader(["empty"])).toBeUndefined();
  });
});
