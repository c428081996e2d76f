/** The built CLI as a user runs it: a subprocess, in temporary folders. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { headerPattern, repo, run } from "./helpers.js";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "gen-auth-client-cli-"));
  await mkdir(join(work, "specs"));
  await cp(join(repo, "specs", "1nce-authorization.yml"), join(work, "specs", "1nce.yml"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("gen-auth-client", () => {
  it("proves this repository's committed clients current (--check over the config file)", async () => {
    const { code, stdout } = await run(["--check"], repo);
    expect(stdout).toContain("generated/1nce-authorization/ is current");
    expect(code).toBe(0);
  });

  it("writes generated/<base name>/ by default, and the same bytes on every run", async () => {
    const first = await run(["specs/1nce.yml"], work);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("specs/1nce.yml → generated/1nce/");
    const index = await readFile(join(work, "generated/1nce/index.ts"), "utf8");
    expect(index.split("\n")[0]).toMatch(headerPattern("1nce.yml"));
    await run(["specs/1nce.yml"], work);
    expect(await readFile(join(work, "generated/1nce/index.ts"), "utf8")).toBe(index);
  });

  it("--check names stale, missing and extra files and exits 1, writing nothing", async () => {
    await run(["specs/1nce.yml", "-o", "out"], work);
    await writeFile(join(work, "out/index.ts"), "// edited by hand\n");
    await rm(join(work, "out/schema.ts"));
    await writeFile(join(work, "out/notes.txt"), "mine");
    const { code, stdout } = await run(["specs/1nce.yml", "-o", "out", "--check"], work);
    expect(code).toBe(1);
    expect(stdout).toContain("stale: out/index.ts");
    expect(stdout).toContain("missing: out/schema.ts");
    expect(stdout).toContain("extra: out/notes.txt");
    expect(await readFile(join(work, "out/index.ts"), "utf8")).toBe("// edited by hand\n");
  });

  it("refuses to replace a folder it did not write (exit 2), and leaves it as it was", async () => {
    await mkdir(join(work, "mine"));
    await writeFile(join(work, "mine/app.ts"), "export {};\n");
    const { code, stderr } = await run(["specs/1nce.yml", "-o", "mine"], work);
    expect(code).toBe(2);
    expect(stderr).toContain("mine: error: the output folder holds files that gen-auth-client did not write");
    expect(await readdir(join(work, "mine"))).toEqual(["app.ts"]);
  });

  const badInputs: [string, { file: string; text?: string; want: RegExp }][] = [
    ["a missing file", { file: "nope.yml", want: /^nope\.yml: error: cannot read file: no such file/m }],
    ["invalid YAML", { file: "bad.yml", text: "openapi: 3.1.0\ninfo: [\n", want: /^bad\.yml:\d+:\d+: error: /m }],
    [
      "a broken $ref",
      {
        file: "ref.yml",
        text: "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          $ref: '#/components/responses/Gone'\n",
        want: /^ref\.yml:7:\d+: error: .*#\/components\/responses\/Gone.* \(at \/paths\/~1x\/get\/responses\/200\)$/m,
      },
    ],
    [
      "an invalid document",
      { file: "invalid.yml", text: "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /x:\n    get:\n      summary: no responses\n", want: /^invalid\.yml:5:\d+: error: .*responses.* \(at \/paths\/~1x\/get\)$/m },
    ],
  ];
  it.each(badInputs)("%s: exit 2, one located message, no stack trace, nothing written", async (_, { file, text, want }) => {
    if (text !== undefined) await writeFile(join(work, file), text);
    const { code, stderr, stdout } = await run([file, "-o", `out-${file}`], work);
    expect(code).toBe(2);
    expect(stderr).toMatch(want);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).toBe("");
    const entries = await readdir(work);
    expect(entries.filter((e) => e.includes(`out-${file}`))).toEqual([]);
  });

  it("follows a $ref out of the spec's folder only with --allow-refs-outside-folder", async () => {
    await mkdir(join(work, "shared"), { recursive: true });
    await writeFile(join(work, "shared", "user.yaml"), "User:\n  type: object\n  properties:\n    id: { type: string }\n");
    await writeFile(
      join(work, "specs", "outside.yml"),
      "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n  /u:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '../shared/user.yaml#/User' }\n",
    );
    const refused = await run(["specs/outside.yml", "-o", "out-outside"], work);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^specs\/outside\.yml:11:\d+: error: \$ref "\.\.\/shared\/user\.yaml#\/User" leaves the document's folder/m);
    const allowed = await run(["specs/outside.yml", "-o", "out-outside", "--allow-refs-outside-folder"], work);
    expect(allowed.code).toBe(0);
    expect(await readFile(join(work, "out-outside", "schema.ts"), "utf8")).toContain("id?: string");
  });

  it("prints its version and help", async () => {
    const pkg = JSON.parse(await readFile(join(repo, "package.json"), "utf8")) as { version: string };
    expect((await run(["--version"], work)).stdout.trim()).toBe(pkg.version);
    const help = await run(["--help"], work);
    expect(help.stdout).toContain("--check");
    expect(help.stdout).toContain("--overlay");
    for (const option of ["--watch", "--force", "--json", "--quiet", "--config"]) expect(help.stdout).toContain(option);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("Exit codes: 0 success; 1 --check found drift; 2 bad input");
  });

  it.each([
    [["--check", "--watch"], "--check and --watch do not go together"],
    [["--no-such-option"], "Unknown argument"],
    [["--output", "x"], "--output and --overlay go with specs named on the command line"],
  ])("usage error %j: exit 2 with a message", async (args, message) => {
    const { code, stderr } = await run(args, work);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("Run gen-auth-client --help for usage.");
  });
});
