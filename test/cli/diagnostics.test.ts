/**
 * Diagnostics for a set of broken documents, all in one config run: each is printed as
 * `file:line:column: severity: message (at /pointer)`, in --json with the same fields, and as a
 * GitHub Actions annotation under GITHUB_ACTIONS=true. A broken spec does not stop the others.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { project, removeProject, run, tinySpec } from "./helpers.js";

const documents: Record<string, string> = {
  "specs/bad-yaml.yml": 'openapi: 3.0.3\ninfo:\n  title: T\n   version: "1"\npaths: {}\n',
  "specs/local-ref.yml": 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "200":\n          $ref: "#/components/responses/Gone"\n',
  "specs/missing-file-ref.yml":
    'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: "./parts/nope.yaml#/Thing"\n',
  "specs/inner-ref.yml":
    'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /x:\n    get:\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: "./parts/thing.yaml#/Thing"\n',
  "specs/parts/thing.yaml": 'Thing:\n  type: object\n  properties:\n    owner:\n      $ref: "#/Owner"\n',
  "specs/invalid.yml": 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /x:\n    get:\n      parameters:\n        - name: id\n          in: body\n      responses:\n        "200": { description: OK }\n',
  "specs/not-openapi.yml": 'swagger: "1.2"\napis: []\n',
  "specs/warns.yml": 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\n  contact:\n    email: 42\npaths:\n  /x:\n    get:\n      operationId: x\n      responses:\n        "200": { description: OK }\n',
  "specs/good.yml": tinySpec(),
};

/** [spec, the diagnostic wanted: file, line, column, severity, message fragment, pointer]. */
const want: [string, { file: string; line: number; column: number; severity: "error" | "warning"; message: string; pointer?: string }][] = [
  ["specs/bad-yaml.yml", { file: "specs/bad-yaml.yml", line: 3, column: 10, severity: "error", message: "invalid YAML: " }],
  ["specs/local-ref.yml", { file: "specs/local-ref.yml", line: 7, column: 9, severity: "error", message: '$ref "#/components/responses/Gone" does not resolve', pointer: "/paths/~1x/get/responses/200" }],
  [
    "specs/missing-file-ref.yml",
    { file: "specs/missing-file-ref.yml", line: 11, column: 15, severity: "error", message: '$ref "./parts/nope.yaml#/Thing" does not resolve: cannot read specs/parts/nope.yaml (no such file)', pointer: "/paths/~1x/get/responses/200/content/application~1json/schema" },
  ],
  // The broken $ref is in the $ref'd file: that file is named, with its own line and pointer.
  ["specs/inner-ref.yml", { file: "specs/parts/thing.yaml", line: 4, column: 5, severity: "error", message: '$ref "#/Owner" does not resolve', pointer: "/Thing/properties/owner" }],
  ["specs/invalid.yml", { file: "specs/invalid.yml", line: 8, column: 11, severity: "error", message: 'must be one of "query", "header", "path", "cookie"', pointer: "/paths/~1x/get/parameters/0/in" }],
  ["specs/not-openapi.yml", { file: "specs/not-openapi.yml", line: 1, column: 1, severity: "error", message: "unsupported Swagger version 1.2", pointer: "/swagger" }],
  ["specs/warns.yml", { file: "specs/warns.yml", line: 6, column: 5, severity: "warning", message: "must be string", pointer: "/info/contact/email" }],
];

let dir: string;
beforeAll(async () => {
  const clients = Object.keys(documents)
    .filter((f) => !f.includes("/parts/"))
    .map((spec) => ({ spec, output: `out/${spec.slice("specs/".length, -".yml".length)}` }));
  dir = await project({ ...documents, "gen-auth-client.config.json": JSON.stringify({ clients }) });
});
afterAll(() => removeProject(dir));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe("diagnostics", () => {
  let human: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    human = await run([], dir);
  });

  it("exit 2, yet the good specs are still generated", async () => {
    expect(human.code).toBe(2);
    expect(human.stdout).toContain("specs/good.yml → out/good/ (");
    expect(human.stdout).toContain("specs/warns.yml → out/warns/ (");
    expect((await readdir(join(dir, "out"))).sort()).toEqual(["good", "warns"]);
    expect(human.stderr).not.toMatch(/^\s+at /m);
  });

  it.each(want)("%s: file:line:column: severity: message (at /pointer)", (_, d) => {
    const pointer = d.pointer === undefined ? "" : ` \\(at ${escape(d.pointer)}\\)`;
    expect(human.stderr).toMatch(new RegExp(`^${escape(d.file)}:${d.line}:${d.column}: ${d.severity}: ${escape(d.message)}.*${pointer}$`, "m"));
  });

  it("--json: each spec's diagnostics with file, line, column, pointer; its status; the exit code", async () => {
    const { code, stdout, stderr } = await run(["--json"], dir);
    expect(code).toBe(2);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout) as { exitCode: number; summary: Record<string, number>; specs: { spec: string; status: string; diagnostics: Diagnostic[] }[] };
    expect(report.exitCode).toBe(2);
    expect(report.summary).toMatchObject({ error: 6 });
    for (const [spec, d] of want) {
      const entry = report.specs.find((s) => s.spec === spec)!;
      expect(entry.status).toBe(d.severity === "error" ? "error" : "skipped");
      if (d.severity === "error") {
        expect(entry.diagnostics).toContainEqual(expect.objectContaining({ file: d.file, line: d.line, column: d.column, severity: d.severity, ...(d.pointer ? { pointer: d.pointer } : {}) }));
      }
    }
  });

  it("--quiet: errors only (no warnings, no progress lines), same exit code", async () => {
    const { code, stdout, stderr } = await run(["--quiet", "--force"], dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^specs\/local-ref\.yml:7:9: error: /m);
    expect(stderr).not.toContain("warning:");
  });

  it("GITHUB_ACTIONS=true: also ::error / ::warning workflow commands with file, line and col", async () => {
    const { stdout } = await run(["--force"], dir, { GITHUB_ACTIONS: "true" });
    expect(stdout).toMatch(/^::error file=specs\/local-ref\.yml,line=7,col=9::\$ref "#\/components\/responses\/Gone" does not resolve \(at \/paths\/~1x\/get\/responses\/200\)$/m);
    expect(stdout).toMatch(/^::error file=specs\/parts\/thing\.yaml,line=4,col=5::/m);
    expect(stdout).toMatch(/^::warning file=specs\/warns\.yml,line=6,col=5::must be string/m);
  });
});
