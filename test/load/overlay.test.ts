import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../src/load/index.js";
import { applyOverlay } from "../../src/load/overlay.js";
import { parseSource } from "../../src/load/parse.js";
import { diagnosticsOf, fixture, lineOf } from "./helpers.js";

const NCE = "specs/1nce-authorization.yml";
const overlay = (name: string) => fixture("overlays", `${name}.yaml`);

describe("OpenAPI Overlay 1.0 files applied on load", () => {
  it("merges an update into a security scheme and appends to an array", async () => {
    const { document, warnings } = await loadDocument(NCE, { overlays: [overlay("update-scheme")] });
    expect((document.components as any).securitySchemes.BasicAuthentication).toEqual({
      type: "http",
      scheme: "basic",
      description: "HTTP Basic, used only to obtain a bearer token.",
      "x-token-request": { contentType: "application/json" },
    });
    expect((document.paths as any)["/oauth/token"].post.tags).toEqual(["Bearer Authorization", "Token"]);
    expect(warnings.filter((w) => w.file !== NCE)).toEqual([]);
  });

  it("removes a path and an array item", async () => {
    const { document } = await loadDocument(NCE, { overlays: [overlay("remove-path")] });
    expect(document.paths).toEqual({});
    expect(document.tags).toEqual([]);
  });

  it("applies overlays in order, each to the result of the previous one", async () => {
    const { document } = await loadDocument(NCE, { overlays: [overlay("remove-path"), overlay("update-scheme")] });
    // The second overlay's path action now matches nothing; its scheme action still applies.
    expect(document.paths).toEqual({});
    expect((document.components as any).securitySchemes.BasicAuthentication.description).toBe("HTTP Basic, used only to obtain a bearer token.");
  });

  it("hashes the input and every overlay, in order", async () => {
    const files = [overlay("update-scheme"), overlay("no-match")];
    const { sha256, sources } = await loadDocument(NCE, { overlays: files });
    const want = createHash("sha256");
    for (const f of [NCE, ...files]) want.update(readFileSync(f));
    expect(sha256).toBe(want.digest("hex"));
    expect(sources).toEqual([NCE, ...files]);
    const reversed = await loadDocument(NCE, { overlays: [...files].reverse() });
    expect(reversed.sha256).not.toBe(sha256);
  });

  it("warns, with the overlay's line, about an action whose target matches nothing", async () => {
    const file = overlay("no-match");
    const { document, warnings } = await loadDocument(NCE, { overlays: [file] });
    expect((document.info as any)["x-audience"]).toBe("internal");
    expect(warnings).toContainEqual({
      severity: "warning",
      file,
      pointer: "/actions/1",
      line: lineOf(file, "- target: $.paths['/does/not/exist'].get"),
      column: 5,
      message: "target $.paths['/does/not/exist'].get matched nothing; the action was not applied",
    });
  });

  const invalid: Array<[string, { given: string; want: { pointer?: string; line: number; message: string } }]> = [
    [
      "not YAML",
      { given: overlay("not-yaml"), want: { line: 8, message: 'invalid YAML: missing closing "quote' } },
    ],
    [
      "no actions",
      { given: overlay("missing-actions"), want: { pointer: "", line: 1, message: "an Overlay must have an `actions` list" } },
    ],
    [
      "a target that is not a string",
      {
        given: overlay("target-not-string"),
        want: { pointer: "/actions/1/target", line: lineOf(overlay("target-not-string"), "target: 42"), message: "an action's `target` must be a JSONPath string" },
      },
    ],
    [
      "a filter expression (never evaluated)",
      {
        given: overlay("filter-target"),
        want: {
          pointer: "/actions/0/target",
          line: lineOf(overlay("filter-target"), "target:"),
          message:
            "target $.paths[?(@.post)] uses a filter or script expression, which is not supported (scripts from input files are never evaluated); select nodes by name, index or wildcard",
        },
      },
    ],
  ];
  it.each(invalid)("rejects an invalid overlay naming its file: %s", async (_name, { given, want }) => {
    const diagnostics = await diagnosticsOf(loadDocument(NCE, { overlays: [given] }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", file: given, ...want });
  });

  it("rejects an unreadable overlay naming its file", async () => {
    const missing = overlay("no-such-overlay");
    const diagnostics = await diagnosticsOf(loadDocument(NCE, { overlays: [missing] }));
    expect(diagnostics).toEqual([{ severity: "error", file: missing, message: "cannot read file: no such file" }]);
  });
});

/** Merge semantics, on inline documents: Overlay 1.0 §Action Object, as clarified by 1.1. */
describe("applyOverlay", () => {
  const run = (target: unknown, overlayYaml: string) => {
    const root = structuredClone(target) as Record<string, unknown>;
    const warnings = applyOverlay(root, parseSource("inline-overlay.yaml", overlayYaml));
    return { root, warnings };
  };
  const actions = (...lines: string[]) => ["overlay: 1.0.0", "info: {title: t, version: '1'}", "actions:", ...lines].join("\n");

  it.each([
    [
      "objects merge key by key, recursively",
      { given: { a: { b: 1, c: { d: 1 } } }, overlay: actions("  - target: $.a", "    update: {c: {e: 2}, f: 3}"), want: { a: { b: 1, c: { d: 1, e: 2 }, f: 3 } } },
    ],
    [
      "primitives are replaced",
      { given: { a: { b: 1 } }, overlay: actions("  - target: $.a", "    update: {b: two}"), want: { a: { b: "two" } } },
    ],
    [
      "a nested array is concatenated",
      { given: { a: { list: [1] } }, overlay: actions("  - target: $.a", "    update: {list: [2, 3]}"), want: { a: { list: [1, 2, 3] } } },
    ],
    [
      "an update to an array is appended",
      { given: { list: [1] }, overlay: actions("  - target: $.list", "    update: {x: 1}"), want: { list: [1, { x: 1 }] } },
    ],
    [
      "a wildcard updates every match",
      { given: { p: { a: {}, b: {} } }, overlay: actions("  - target: $.p.*", "    update: {x-safe: true}"), want: { p: { a: { "x-safe": true }, b: { "x-safe": true } } } },
    ],
    [
      "remove takes several array items without shifting the others",
      { given: { list: ["a", "b", "c", "d"] }, overlay: actions("  - target: $.list[0,2]", "    remove: true"), want: { list: ["b", "d"] } },
    ],
    [
      "the root can be updated",
      { given: { a: 1 }, overlay: actions("  - target: $", "    update: {b: 2}"), want: { a: 1, b: 2 } },
    ],
  ])("%s", (_name, { given, overlay: text, want }) => {
    const { root, warnings } = run(given, text);
    expect(root).toEqual(want);
    expect(warnings).toEqual([]);
  });

  it("warns about an action that does nothing", () => {
    const { root, warnings } = run({ a: 1 }, actions("  - target: $.a", "    description: forgot the update"));
    expect(root).toEqual({ a: 1 });
    expect(warnings).toEqual([
      {
        severity: "warning",
        file: "inline-overlay.yaml",
        pointer: "/actions/0",
        line: 4,
        column: 5,
        message: "the action has neither `update` nor `remove: true`, so it does nothing",
      },
    ]);
  });

  it("copies the update per match (no shared objects)", () => {
    const { root } = run({ p: { a: {}, b: {} } }, actions("  - target: $.p.*", "    update: {o: {}}"));
    const p = root.p as Record<string, { o: object }>;
    expect(p.a!.o).not.toBe(p.b!.o);
  });

  it("never lets `__proto__` in an update reach a prototype", () => {
    const { root } = run({ a: {} }, actions("  - target: $.a", '    update: {"__proto__": {polluted: true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(root.a)).toBe(Object.prototype);
    expect(Object.keys(root.a as object)).toEqual(["__proto__"]);
  });

  it.each([
    ["the root cannot be removed", actions("  - target: $", "    remove: true"), "/actions/0/target", "cannot remove the document root"],
    ["an object takes only an object update", actions("  - target: $.a", "    update: 5"), "/actions/0/update", "`update` must be an object when the target selects an object"],
    ["`copy` is Overlay 1.1", actions("  - target: $.a", "    copy: $.b"), "/actions/0/copy", "`copy` actions (Overlay 1.1) are not supported"],
    ["a target must start with $", actions("  - target: paths", "    remove: true"), "/actions/0/target", 'target paths must be a JSONPath expression starting with "$"'],
    ["jsonpath-plus extensions are refused", actions("  - target: $.a~", "    remove: true"), "/actions/0/target", 'target $.a~ uses "~", a jsonpath-plus extension that Overlay 1.0 does not define'],
    ["an unsupported version", "overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, update: {}}]", "/overlay", "unsupported Overlay version 2.0.0 (supported: 1.0.x)"],
    ["an empty action list", "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []", "/actions", "`actions` must be a non-empty list"],
  ])("error: %s", (_name, text, pointer, message) => {
    let error: unknown;
    try {
      run({ a: {}, b: {} }, text);
    } catch (e) {
      error = e;
    }
    expect((error as { diagnostics?: unknown }).diagnostics).toEqual([
      expect.objectContaining({ severity: "error", file: "inline-overlay.yaml", pointer, message }),
    ]);
  });
});
