/** The config file in its three forms, found from a subfolder, and its located errors. */
import { afterAll, describe, expect, it } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { headerPattern, linkPackage, project, removeProject, run, tinySpec } from "./helpers.js";

const projects: string[] = [];
afterAll(() => Promise.all(projects.map(removeProject)));

async function twoSpecs(config: Record<string, string>): Promise<string> {
  const dir = await project({ "specs/a.yml": tinySpec("A"), "specs/b.yml": tinySpec("B", "/pong"), "app/src/.keep": "", ...config });
  projects.push(dir);
  return dir;
}


async function firstLine(file: string): Promise<string> {
  return (await readFile(file, "utf8")).split("\n", 1)[0]!;
}

describe("config file", () => {
  const forms: [string, Record<string, string>][] = [
    ["gen-auth-client.config.json", { "gen-auth-client.config.json": JSON.stringify({ clients: [{ spec: "specs/a.yml", output: "clients/a" }, { spec: "specs/b.yml" }] }) }],
    [
      "gen-auth-client.config.mjs",
      {
        "gen-auth-client.config.mjs":
          'import { defineConfig } from "gen-auth-client";\nexport default defineConfig({ clients: [{ spec: "specs/a.yml", output: "clients/a" }, { spec: "specs/b.yml" }] });\n',
      },
    ],
    [
      "gen-auth-client.config.ts",
      {
        "gen-auth-client.config.ts": [
          'import { defineConfig, type ClientConfig } from "gen-auth-client";',
          'const a: ClientConfig = { spec: "specs/a.yml", output: "clients/a" };',
          "export default defineConfig(async () => ({ clients: [a, { spec: `specs/${'b'}.yml` }] }));",
          "",
        ].join("\n"),
      },
    ],
  ];

  it.each(forms)("%s: every client generated from a subfolder, paths relative to the config file", async (name, files) => {
    const dir = await twoSpecs(files);
    await linkPackage(dir);
    const { code, stdout, stderr } = await run([], join(dir, "app/src"));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    // Paths print relative to where the user is; outputs land beside the config file.
    expect(stdout).toContain("../../specs/a.yml → ../../clients/a/ (");
    expect(stdout).toContain("../../specs/b.yml → ../../generated/b/ (");
    expect(stdout).toMatch(/^2 specs: 2 written \(\d+ ms\)$/m);
    expect(await firstLine(join(dir, "clients/a/index.ts"))).toMatch(headerPattern("a.yml"));
    expect(await firstLine(join(dir, "generated/b/index.ts"))).toMatch(headerPattern("b.yml"));
    expect(await readdir(join(dir, "app/src"))).toEqual([".keep"]);
    // A .ts config leaves no transpiled file behind.
    expect((await readdir(dir)).filter((f) => f.includes(".mjs") && f !== name)).toEqual([]);
  });

  it("--config names a file explicitly; giving specs too is a usage error (exit 2)", async () => {
    const dir = await twoSpecs({ "conf/clients.json": JSON.stringify({ clients: [{ spec: "../specs/a.yml", output: "../out" }] }) });
    const { code, stdout } = await run(["--config", "conf/clients.json"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("specs/a.yml → out/ (");
    const both = await run(["specs/b.yml", "--config", "conf/clients.json"], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give specs or --config, not both");
  });

  it("no spec and no config file: exit 2 with a message", async () => {
    const dir = await project({});
    projects.push(dir);
    const { code, stderr } = await run([], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gen-auth-client\.config\.json: error: no spec given and no config file found/m);
  });

  it("two config forms in one folder are ambiguous: exit 2", async () => {
    const dir = await twoSpecs({ "gen-auth-client.config.json": '{ "clients": [] }', "gen-auth-client.config.mjs": "export default { clients: [] };\n" });
    const { code, stderr } = await run([], dir);
    expect(code).toBe(2);
    expect(stderr).toContain("error: several config files in one folder (gen-auth-client.config.json, gen-auth-client.config.mjs); keep one");
  });

  const invalid: [string, { files: Record<string, string>; want: RegExp[]; warnings?: RegExp[] }][] = [
    [
      "JSON with wrong shapes: every problem, with line and pointer",
      {
        files: {
          "gen-auth-client.config.json": [
            "{",
            '  "clients": [',
            '    { "spec": "specs/a.yml", "output": "out" },',
            '    { "spec": 42, "ouptut": "x" },',
            '    { "spec": "specs/b.yml", "output": "out", "overlays": ["o.yml", 7] }',
            "  ],",
            '  "extra": true',
            "}",
          ].join("\n"),
        },
        want: [
          /^gen-auth-client\.config\.json:4:7: error: must be the path of an OpenAPI document \(at \/clients\/1\/spec\)$/m,
          /^gen-auth-client\.config\.json:5:\d+: error: must be a path \(at \/clients\/2\/overlays\/1\)$/m,
          /^gen-auth-client\.config\.json:5:\d+: error: the same output folder as \/clients\/0 \(out\); each client needs its own \(at \/clients\/2\/output\)$/m,
        ],
        warnings: [
          /^gen-auth-client\.config\.json:4:\d+: warning: unknown option "ouptut"; ignored \(at \/clients\/1\/ouptut\)$/m,
          /^gen-auth-client\.config\.json:7:3: warning: unknown option "extra"; ignored \(at \/extra\)$/m,
        ],
      },
    ],
    ["JSON syntax error", { files: { "gen-auth-client.config.json": '{ "clients": [\n  { "spec": "a.yml" },\n' }, want: [/^gen-auth-client\.config\.json:3:\d+: error: invalid JSON: /m] }],
    ["clients missing", { files: { "gen-auth-client.config.json": '{ "specs": [] }' }, want: [/^gen-auth-client\.config\.json:1:1: error: must be an array of \{ spec, output\?, overlays\? \} \(at \/clients\)$/m] }],
    ["mjs without a default export", { files: { "gen-auth-client.config.mjs": "export const clients = [];\n" }, want: [/^gen-auth-client\.config\.mjs: error: the config module has no default export/m] }],
    ["mjs that throws", { files: { "gen-auth-client.config.mjs": 'throw new Error("boom");\n' }, want: [/^gen-auth-client\.config\.mjs: error: cannot load config: boom$/m] }],
    ["mjs with a bad value", { files: { "gen-auth-client.config.mjs": "export default { clients: [{ output: 'x' }] };\n" }, want: [/^gen-auth-client\.config\.mjs: error: must be the path of an OpenAPI document \(at \/clients\/0\/spec\)$/m] }],
    ["ts syntax error, located", { files: { "gen-auth-client.config.ts": "const n: number = ;\nexport default { clients: [] };\n" }, want: [/^gen-auth-client\.config\.ts:1:19: error: Expression expected\.$/m] }],
  ];

  it.each(invalid)("%s: exit 2, nothing generated", async (_, { files, want, warnings = [] }) => {
    const dir = await twoSpecs(files);
    const { code, stdout, stderr } = await run([], dir);
    expect(code).toBe(2);
    for (const pattern of [...want, ...warnings]) expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).toBe("");
    expect((await readdir(dir)).filter((f) => f === "out" || f === "generated")).toEqual([]);
  });
});
