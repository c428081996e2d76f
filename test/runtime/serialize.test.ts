/**
 * Parameter serialization against the OpenAPI Style Examples table (OpenAPI 3.1.1 / 3.2.0
 * §4.8.12.4; the corrected table, whose label/explode=false cells follow RFC 6570 §3.2.5),
 * for `color` = "" (the "empty"/"undefined" column: an empty string is what RFC 6570
 * expands to these), "blue", ["blue","black","brown"] and {R:100,G:200,B:150}.
 */
import { describe, expect, it } from "vitest";
import type { ParameterSpec } from "../../src/runtime/operation.js";
import { planFor } from "../../src/runtime/operation-plan.js";
import {
  expandPath as expandPlannedPath,
  expandSimplePath as expandSimplePlannedPath,
  percentEncode,
  serializeCookieParameter,
  serializeHeaderParameter,
  serializeFormQuery,
  serializeQuery,
  serializeQueryParameter,
  serializePathParameter,
} from "../../src/runtime/serialize.js";

/** The path serializers as a call runs them: on the operation's plan (operation-plan.ts). */
const planOf = (name: string, path: string, parameters: ParameterSpec[]) => planFor({ name, method: "GET", path, security: [], parameters, responses: {} });
const expandPath = (name: string, path: string, parameters: ParameterSpec[], values: Record<string, unknown>) => expandPlannedPath(name, planOf(name, path, parameters), values);
const expandSimplePath = (name: string, path: string, parameters: ParameterSpec[], values: Record<string, unknown>) =>
  expandSimplePlannedPath(name, planOf(name, path, parameters), values);

const values = {
  empty: "",
  string: "blue",
  array: ["blue", "black", "brown"],
  object: { R: 100, G: 200, B: 150 },
} as const;
type Column = keyof typeof values;

type Row = [style: ParameterSpec["style"], explode: boolean, location: "path" | "query", want: Partial<Record<Column, string>>];

// Cells the table marks n/a are left out.
const table: Row[] = [
  ["matrix", false, "path", { empty: ";color", string: ";color=blue", array: ";color=blue,black,brown", object: ";color=R,100,G,200,B,150" }],
  ["matrix", true, "path", { empty: ";color", string: ";color=blue", array: ";color=blue;color=black;color=brown", object: ";R=100;G=200;B=150" }],
  ["label", false, "path", { empty: ".", string: ".blue", array: ".blue,black,brown", object: ".R,100,G,200,B,150" }],
  ["label", true, "path", { empty: ".", string: ".blue", array: ".blue.black.brown", object: ".R=100.G=200.B=150" }],
  ["simple", false, "path", { empty: "", string: "blue", array: "blue,black,brown", object: "R,100,G,200,B,150" }],
  ["simple", true, "path", { empty: "", string: "blue", array: "blue,black,brown", object: "R=100,G=200,B=150" }],
  ["form", false, "query", { empty: "color=", string: "color=blue", array: "color=blue,black,brown", object: "color=R,100,G,200,B,150" }],
  ["form", true, "query", { empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150" }],
  ["spaceDelimited", false, "query", { array: "color=blue%20black%20brown", object: "color=R%20100%20G%20200%20B%20150" }],
  ["pipeDelimited", false, "query", { array: "color=blue%7Cblack%7Cbrown", object: "color=R%7C100%7CG%7C200%7CB%7C150" }],
  ["deepObject", true, "query", { object: "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150" }],
];

const cases = table.flatMap(([style, explode, location, want]) =>
  (Object.entries(want) as [Column, string][]).map(([column, expected]) => ({ style, explode, location, column, expected })),
);

describe("OpenAPI Style Examples table", () => {
  it.each(cases)("$style explode=$explode, $column → $expected", ({ style, explode, location, column, expected }) => {
    const parameter: ParameterSpec = { name: "color", in: location, style, explode };
    const got =
      location === "path"
        ? serializePathParameter(parameter, values[column])
        : serializeQueryParameter(parameter, values[column]).join("&");
    expect(got).toBe(expected);
  });

  it("header parameters use simple style, the same cells (not percent-encoded)", () => {
    for (const [explode, object] of [
      [false, "R,100,G,200,B,150"],
      [true, "R=100,G=200,B=150"],
    ] as const) {
      const parameter: ParameterSpec = { name: "color", in: "header", style: "simple", explode };
      expect(serializeHeaderParameter("op", parameter, "blue")).toBe("blue");
      expect(serializeHeaderParameter("op", parameter, values.array)).toBe("blue,black,brown");
      expect(serializeHeaderParameter("op", parameter, values.object)).toBe(object);
    }
  });

  it("cookie parameters use form style; exploded values become separate pairs", () => {
    const form = (explode: boolean, value: unknown) =>
      serializeCookieParameter({ name: "color", in: "cookie", style: "form", explode }, value);
    expect(form(false, "blue")).toEqual(["color=blue"]);
    expect(form(false, values.array)).toEqual(["color=blue,black,brown"]);
    expect(form(false, values.object)).toEqual(["color=R,100,G,200,B,150"]);
    expect(form(true, values.array)).toEqual(["color=blue", "color=black", "color=brown"]);
    expect(form(true, values.object)).toEqual(["R=100", "G=200", "B=150"]);
    // A value cannot add a cookie of its own.
    expect(form(true, "a; admin=1")).toEqual(["color=a%3B%20admin%3D1"]);
  });
});

describe("values", () => {
  const query = (parameter: Partial<ParameterSpec>, value: unknown) =>
    serializeQueryParameter({ name: "q", in: "query", style: "form", explode: true, ...parameter }, value);

  it("undefined and null are omitted, as are empty arrays and objects (RFC 6570 §2.3)", () => {
    expect(query({}, undefined)).toEqual([]);
    expect(query({}, null)).toEqual([]);
    expect(query({}, [])).toEqual([]);
    expect(query({}, {})).toEqual([]);
    expect(query({}, [null, "a", undefined])).toEqual(["q=a"]);
    expect(query({ explode: false }, { a: 1, b: undefined })).toEqual(["q=a,1"]);
    expect(serializeQuery([{ name: "a", in: "query", style: "form", explode: true }, { name: "b", in: "query", style: "form", explode: true }], { a: null, b: 0 })).toBe("b=0");
  });

  it("numbers, booleans and dates are written as text", () => {
    expect(query({}, 0)).toEqual(["q=0"]);
    expect(query({}, false)).toEqual(["q=false"]);
    expect(query({}, new Date("2024-01-02T03:04:05.000Z"))).toEqual(["q=2024-01-02T03%3A04%3A05.000Z"]);
  });

  it("everything outside the unreserved set is percent-encoded, including delimiters inside values", () => {
    expect(query({}, "a b&c=d#e/f?g,h+i!")).toEqual(["q=a%20b%26c%3Dd%23e%2Ff%3Fg%2Ch%2Bi%21"]);
    expect(query({ explode: false }, ["a,b", "c"])).toEqual(["q=a%2Cb,c"]);
    expect(query({}, "ü€😀")).toEqual(["q=%C3%BC%E2%82%AC%F0%9F%98%80"]);
    expect(query({ name: "a b" }, "x")).toEqual(["a%20b=x"]);
  });

  it("allowReserved keeps reserved characters and percent-triplets, but never # or &", () => {
    expect(query({ allowReserved: true }, "/a:b?c=[d]@e!$'()*+,;%20")).toEqual(["q=/a:b?c=[d]@e!$'()*+,;%20"]);
    expect(query({ allowReserved: true }, "a#b&c")).toEqual(["q=a%23b%26c"]);
    expect(query({ allowReserved: true }, "a b")).toEqual(["q=a%20b"]);
  });

  it("json parameters are carried as JSON text", () => {
    expect(query({ json: true }, { lat: 1, long: [2] })).toEqual([`q=${encodeURIComponent('{"lat":1,"long":[2]}')}`]);
    expect(serializePathParameter({ name: "p", in: "path", style: "simple", explode: false, json: true }, "x")).toBe("%22x%22");
    expect(serializeHeaderParameter("op", { name: "h", in: "header", style: "simple", explode: false, json: true }, { a: 1 })).toBe('{"a":1}');
  });

  it("deepObject nests brackets and repeats keys for arrays", () => {
    expect(query({ name: "f", style: "deepObject" }, { a: { b: 1 }, c: ["x", "y"], d: null })).toEqual([
      "f%5Ba%5D%5Bb%5D=1",
      "f%5Bc%5D=x",
      "f%5Bc%5D=y",
    ]);
  });

  it("styles the table marks n/a for a value fall back to form", () => {
    expect(query({ style: "pipeDelimited", explode: false }, "blue")).toEqual(["q=blue"]);
    expect(query({ style: "spaceDelimited", explode: true }, ["a", "b"])).toEqual(["q=a", "q=b"]);
    expect(query({ style: "deepObject" }, "blue")).toEqual(["q=blue"]);
  });

  it("header values with CR, LF or NUL are refused without quoting them", () => {
    const parameter: ParameterSpec = { name: "X-Trace", in: "header", style: "simple", explode: false };
    expect(() => serializeHeaderParameter("op", parameter, "a\r\nInjected: secret")).toThrowError(
      /^op: header parameter "X-Trace" contains characters a header cannot carry$/,
    );
  });
});

describe("path templates", () => {
  const id: ParameterSpec = { name: "id", in: "path", style: "simple", explode: false };

  it("literal ? and # of the template are encoded, so they stay in the path", () => {
    expect(expandPath("op", "/a?b/{id}#c", [id], { id: "x" })).toBe("/a%3Fb/x%23c");
    expect(expandPath("op", "/a/{odd?name#}", [], { "odd?name#": "x?" })).toBe("/a/x%3F");
  });

  it("a parameter the operation does not list is expanded with the simple style", () => {
    expect(expandPath("op", "/{a}/{b}", [], { a: ["x", "y"], b: "z" })).toBe("/x,y/z");
  });

  it("a value can never inject /, ? or # (RFC 3986 §3.3)", () => {
    expect(expandPath("op", "/users/{id}/posts", [id], { id: "../admin?x=1#f" })).toBe("/users/..%2Fadmin%3Fx%3D1%23f/posts");
    expect(expandPath("op", "/users/{id}", [id], { id: "a b;c=d" })).toBe("/users/a%20b%3Bc%3Dd");
  });

  it("a value that would be a whole dot-segment is refused (URL parsing would remove it)", () => {
    for (const value of [".", ".."]) {
      expect(() => expandPath("op", "/users/{id}/posts", [id], { id: value })).toThrowError(/"\." or "\.\." path segment/);
    }
    // A value spelling a dot-segment with %2e has its "%" encoded, so it stays a name.
    expect(expandPath("op", "/users/{id}", [id], { id: "%2e%2E" })).toBe("/users/%252e%252E");
    // Not a whole segment: fine.
    expect(expandPath("op", "/files/{id}.json", [id], { id: ".." })).toBe("/files/...json");
  });

  it("missing path parameters are an argument error naming them", () => {
    expect(() => expandPath("getUser", "/users/{id}/{sub}", [id], { id: 1 })).toThrowError(
      'getUser: missing required path parameter "sub"',
    );
    expect(() => expandPath("getUser", "/users/{id}", [id], { id: null })).toThrowError(/"id"/);
  });

  it("percentEncode encodes sub-delims that encodeURIComponent spares", () => {
    expect(percentEncode("!'()*")).toBe("%21%27%28%29%2A");
    expect(percentEncode("-._~")).toBe("-._~");
  });
});

describe("the lean serializers a client without other styles imports", () => {
  const simpleCases = cases.filter((c) => c.style === "simple" || c.style === "form");

  it.each(simpleCases)("$style explode=$explode, $column: the same as the full serializer", ({ style, explode, location, column }) => {
    const parameter: ParameterSpec = { name: "color", in: location, style, explode };
    if (location === "path") {
      expect(expandSimplePath("op", "/p/{color}", [parameter], { color: values[column] })).toBe(
        expandPath("op", "/p/{color}", [parameter], { color: values[column] }),
      );
    } else {
      expect(serializeFormQuery([parameter], { color: values[column] })).toBe(serializeQuery([parameter], { color: values[column] }));
    }
  });

  it("keeps the full serializer's argument checks", () => {
    const id: ParameterSpec = { name: "id", in: "path", style: "simple", explode: false };
    expect(() => expandSimplePath("getUser", "/users/{id}", [id], {})).toThrowError('getUser: missing required path parameter "id"');
    expect(() => expandSimplePath("getUser", "/users/{id}", [id], { id: ".." })).toThrowError(/"\." or "\.\." path segment/);
    expect(serializeFormQuery([{ name: "q", in: "query", style: "form", explode: true, allowReserved: true }], { q: "a/b" })).toBe("q=a/b");
  });

  it("refuses a style it does not write, rather than writing it as another", () => {
    expect(() => expandSimplePath("op", "/p/{c}", [{ name: "c", in: "path", style: "matrix", explode: false }], { c: "x" })).toThrowError(
      /internal error: path parameter "c" is matrix style/,
    );
    expect(() => serializeFormQuery([{ name: "c", in: "query", style: "deepObject", explode: true }], { c: { a: 1 } })).toThrowError(
      /internal error: query parameter "c" is deepObject style/,
    );
  });
});
