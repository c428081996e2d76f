/**
 * `--check` proves an output current from its header's record (same generator build, same
 * inputs, files hashing to what was written) without generating; anything that breaks the record
 * makes it generate that spec and report the drift. Each way an output can go stale is tried here:
 * a hand edit, a changed spec, overlay or `$ref`'d file, a changed template or runtime.
 *
 * The generator itself is copied into the project folder, so that its templates and runtime can be
 * edited without touching this checkout, and so that its libraries can be replaced by stubs that
 * throw when imported: the proof that a current output is checked without loading the pipeline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFile, cp, mkdir, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { project, removeProject, repo, run, splitSpec, userSchema, writeFiles, type RunResult } from "./helpers.js";
import { execFile } from "node:child_process";

/** What the pipeline imports and the fast path must not (package names in node_modules). */
const PIPELINE = ["typescript", "prettier", "ajv", "yaml", "handlebars", "openapi-typescript", "jsonpath-plus", "@apidevtools/swagger-parser", "@apidevtools/json-schema-ref-parser", "@scalar/openapi-upgrader"];

const overlay = (description: string): string => `overlay: 1.0.0
info:
  title: Describe
  version: "1"
actions:
  - target: $.info
    update:
      description: ${description}
`;

let dir: string;
let generator: string;

/** Runs the generator copy (not this checkout) in the project folder. */
function runCopy(args: string[]): Promise<RunResult> {
  return new Promise((done) => {
    const env = { ...process.env };
    delete env.GITHUB_ACTIONS;
    execFile(process.execPath, [join(generator, "bin", "gen-auth-client.js"), ...args], { cwd: dir, env }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

interface Report {
  exitCode: number;
  specs: { status: string; reason?: string; changes: { path: string; change: string }[] }[];
}

async function check(): Promise<Report> {
  const { stdout } = await runCopy(["--check", "--json"]);
  return JSON.parse(stdout) as Report;
}

/** node_modules for the copy: this checkout's, with every pipeline library a stub that throws when imported. */
async function stubbedModules(target: string): Promise<void> {
  const source = join(repo, "node_modules");
  const stubbed = new Set(PIPELINE);
  const link = async (names: string[], from: string, to: string, prefix: string): Promise<void> => {
    await mkdir(to, { recursive: true });
    for (const name of names) {
      const full = `${prefix}${name}`;
      if (name.startsWith("@") && prefix === "") {
        await link(await readdir(join(from, name)), join(from, name), join(to, name), `${name}/`);
      } else if (stubbed.has(full)) {
        const manifest = JSON.parse(await readFile(join(from, name, "package.json"), "utf8")) as { version: string };
        await mkdir(join(to, name));
        await writeFile(join(to, name, "package.json"), JSON.stringify({ name: full, version: manifest.version, type: "module", main: "./index.js", exports: { ".": "./index.js", "./*": "./index.js" } }));
        await writeFile(join(to, name, "index.js"), `throw new Error("the pipeline library ${full} was imported");\n`);
      } else {
        await symlink(join(from, name), join(to, name), "dir");
      }
    }
  };
  await link((await readdir(source)).filter((n) => !n.startsWith(".")), source, target, "");
}

beforeAll(async () => {
  dir = await project({
    "specs/main.yaml": splitSpec,
    "specs/schemas/user.yaml": userSchema("id"),
    "specs/main.overlay.yaml": overlay("First"),
    "gen-auth-client.config.json": JSON.stringify({ clients: [{ spec: "specs/main.yaml", output: "clients/main", overlays: ["specs/main.overlay.yaml"] }] }),
  });
  generator = join(dir, "generator");
  for (const part of ["bin", "dist", "templates", "schemas", "src/runtime", "package.json"]) await cp(join(repo, part), join(generator, part), { recursive: true });
  await symlink(join(repo, "node_modules"), join(generator, "node_modules"), "dir");
  const first = await runCopy([]);
  expect(first.code, first.stderr).toBe(0);
}, 60_000);
afterAll(() => removeProject(dir));

describe("--check from the header's record", () => {
  it("passes a current output without loading the pipeline (its libraries are stubs that throw)", async () => {
    await rm(join(generator, "node_modules"));
    await stubbedModules(join(generator, "node_modules"));
    try {
      const { code, stdout, stderr } = await runCopy(["--check"]);
      expect(stderr).toBe("");
      expect(stdout).toMatch(/^clients\/main\/ is current \(\d+ ms\)$/m);
      expect(code).toBe(0);
      // The same stubs break generation: the test can fail.
      await writeFiles(dir, { "specs/main.yaml": `${splitSpec}# touched\n` });
      const broken = await runCopy(["--check"]);
      expect(broken.code).toBe(3);
      expect(PIPELINE.some((name) => broken.stderr.includes(name))).toBe(true);
    } finally {
      await writeFiles(dir, { "specs/main.yaml": splitSpec });
      await rm(join(generator, "node_modules"), { recursive: true, force: true });
      await symlink(join(repo, "node_modules"), join(generator, "node_modules"), "dir");
    }
  });

  it("fails on a hand edit below a file's header, in the runtime too, naming the file", async () => {
    const file = join(dir, "clients/main/runtime/retry.ts");
    const original = await readFile(file, "utf8");
    await appendFile(file, "// tuned by hand\n");
    try {
      const report = await check();
      expect(report.exitCode).toBe(1);
      expect(report.specs[0]).toMatchObject({ status: "drift", reason: "files changed since generation (edited, added or removed)" });
      expect(report.specs[0]!.changes).toEqual([expect.objectContaining({ path: "runtime/retry.ts", change: "stale" })]);
    } finally {
      await writeFile(file, original);
    }
    expect((await check()).exitCode).toBe(0);
  });

  it("fails on an added file and on a deleted one", async () => {
    await writeFile(join(dir, "clients/main/notes.ts"), "export {};\n");
    const added = await check();
    expect(added.specs[0]!.changes).toEqual([{ path: "notes.ts", change: "extra" }]);
    await rm(join(dir, "clients/main/notes.ts"));

    const removed = join(dir, "clients/main/runtime/servers.ts");
    const text = await readFile(removed, "utf8");
    await rm(removed);
    const deleted = await check();
    expect(deleted.specs[0]!.changes).toEqual([{ path: "runtime/servers.ts", change: "missing" }]);
    await writeFile(removed, text);
    expect((await check()).exitCode).toBe(0);
  });

  it.each([
    ["the spec", "specs/main.yaml", splitSpec.replace("title: Split", "title: Split again"), "index.ts"],
    ["the overlay", "specs/main.overlay.yaml", overlay("Second"), "index.ts"],
    ["a $ref'd file", "specs/schemas/user.yaml", userSchema("userId"), "schema.ts"],
  ])("fails when %s changes", async (_, path, text, stale) => {
    const original = await readFile(join(dir, path), "utf8");
    await writeFiles(dir, { [path]: text });
    try {
      const report = await check();
      expect(report.exitCode).toBe(1);
      expect(report.specs[0]).toMatchObject({ status: "drift", reason: "inputs changed" });
      expect(report.specs[0]!.changes).toContainEqual({ path: stale, change: "stale", diff: expect.any(Array) });
    } finally {
      await writeFiles(dir, { [path]: original });
    }
    expect((await check()).exitCode).toBe(0);
  });

  it.each([
    ["a template", "templates/index.ts.hbs", ["index.ts", "operations.ts", "schema.ts", "types.ts"]],
    ["a runtime source", "src/runtime/retry.ts", ["index.ts", "operations.ts", "runtime/retry.ts", "schema.ts", "types.ts"]],
  ])("fails when %s of the generator changes, with no version bump", async (_, path, stale) => {
    const file = join(generator, path);
    const original = await readFile(file, "utf8");
    await appendFile(file, "// a development change\n");
    try {
      const report = await check();
      expect(report.exitCode).toBe(1);
      expect(report.specs[0]).toMatchObject({ status: "drift", reason: "generated by another build of this version (its code, templates, runtime or libraries differ)" });
      // The header records the build, so index.ts, operations.ts, schema.ts and types.ts differ even when the change is elsewhere.
      expect(report.specs[0]!.changes.map((c) => c.path)).toEqual(stale);
      const plain = await runCopy(["--check"]);
      expect(plain.stdout).toContain("+// a development change");
    } finally {
      await writeFile(file, original);
    }
    expect((await check()).exitCode).toBe(0);
  }, 30_000);

  it("--check --force proves by generating, and agrees", async () => {
    const { code, stdout } = await runCopy(["--check", "--force"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^clients\/main\/ is current \(\d+ ms\)$/m);
  });
});
