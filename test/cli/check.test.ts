/** `--check`: current, stale, missing and extra output; exit codes, file names, diff lines, reports. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { project, removeProject, run, tinySpec } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await project({
    "specs/a.yml": tinySpec("A"),
    "specs/b.yml": tinySpec("B", "/pong"),
    "gen-auth-client.config.json": JSON.stringify({ clients: [{ spec: "specs/a.yml", output: "clients/a" }, { spec: "specs/b.yml", output: "clients/b" }] }),
  });
  const first = await run([], dir);
  expect(first.code).toBe(0);
});
afterAll(() => removeProject(dir));

describe("--check", () => {
  it("exits 0 when every output is current", async () => {
    const { code, stdout } = await run(["--check"], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^clients\/a\/ is current \(\d+ ms\)$/m);
    expect(stdout).toMatch(/^clients\/b\/ is current \(\d+ ms\)$/m);
    expect(stdout).toMatch(/^2 specs: 2 current/m);
  });

  describe("with drift", () => {
    let original: string;
    let edited: string;
    beforeAll(async () => {
      original = await readFile(join(dir, "clients/a/index.ts"), "utf8");
      const lines = original.split("\n");
      const at = lines.findIndex((l) => l.startsWith("export function createClient"));
      lines[at] = `${lines[at]} // edited by hand`;
      edited = lines.join("\n");
      await writeFile(join(dir, "clients/a/index.ts"), edited);
      await rm(join(dir, "clients/a/schema.ts"));
      await writeFile(join(dir, "clients/a/notes.txt"), "mine\n");
      await rm(join(dir, "clients/b"), { recursive: true });
    });

    it("exits 1 naming stale, missing and extra files, with a short diff, and writes nothing", async () => {
      // Under GitHub Actions each drifted file is also an ::error annotation (after its own lines).
      const { code, stdout } = await run(["--check"], dir, { GITHUB_ACTIONS: "true" });
      expect(code).toBe(1);
      const lines = stdout.split("\n");
      const stale = lines.indexOf("  stale: clients/a/index.ts (- on disk, + generated)");
      expect(stale).toBeGreaterThan(-1);
      expect(lines[stale - 1]).toBe("clients/a/ differs from specs/a.yml:");
      // A hunk header, then context, "-" the hand-edited line, "+" the generated one.
      expect(lines[stale + 1]).toMatch(/^ {4}@@ -\d+,\d+ \+\d+,\d+ @@$/);
      const hunk = lines.slice(stale + 1, stale + 14);
      expect(hunk.some((l) => l.startsWith("    -") && l.endsWith("// edited by hand"))).toBe(true);
      expect(hunk.some((l) => l.startsWith("    +") && l.includes("createClient") && !l.includes("edited"))).toBe(true);
      expect(stdout).toContain("  missing: clients/a/schema.ts\n");
      expect(stdout).toContain("  extra: clients/a/notes.txt\n");
      // A folder that is not there at all: one line, not one per file.
      expect(stdout).toMatch(/^ {2}missing: clients\/b\/ \(\d+ files\)$/m);
      expect(stdout).toMatch(/^Run gen-auth-client to update\.$/m);
      expect(await readFile(join(dir, "clients/a/index.ts"), "utf8")).toBe(edited);
      expect(stdout).toMatch(/^::error file=clients\/a\/index\.ts::stale: differs from what gen-auth-client generates from specs\/a\.yml$/m);
      expect(stdout).toMatch(/^::error file=clients\/b::clients\/b\/ is missing/m);
    });

    it("--json: the report parses and carries each drifted file, its diff, and the exit code", async () => {
      const { code, stdout, stderr } = await run(["--check", "--json"], dir);
      expect(code).toBe(1);
      expect(stderr).toBe("");
      const report = JSON.parse(stdout) as {
        mode: string;
        exitCode: number;
        config: string;
        summary: Record<string, number>;
        specs: { spec: string; output: string; status: string; durationMs: number; changes: { path: string; change: string; diff?: string[] }[]; diagnostics: unknown[]; sources: string[] }[];
      };
      expect(report).toMatchObject({ mode: "check", exitCode: 1, config: "gen-auth-client.config.json", summary: { drift: 2, current: 0 } });
      const [a, b] = report.specs;
      expect(a).toMatchObject({ spec: "specs/a.yml", output: "clients/a", status: "drift", sources: ["specs/a.yml"] });
      expect(a!.changes.map((c) => `${c.change} ${c.path}`)).toEqual(["stale index.ts", "extra notes.txt", "missing schema.ts"]);
      expect(a!.changes[0]!.diff!.join("\n")).toContain("// edited by hand");
      expect(b!.changes.every((c) => c.change === "missing")).toBe(true);
      expect(typeof a!.durationMs).toBe("number");
    });

    it("bad input outranks drift: exit 2, and the other spec is still checked", async () => {
      await writeFile(join(dir, "specs/b.yml"), "openapi: 3.0.3\ninfo: [\n");
      try {
        const { code, stdout, stderr } = await run(["--check"], dir);
        expect(code).toBe(2);
        expect(stderr).toMatch(/^specs\/b\.yml:\d+:\d+: error: invalid YAML/m);
        expect(stdout).toContain("stale: clients/a/index.ts");
      } finally {
        await writeFile(join(dir, "specs/b.yml"), tinySpec("B", "/pong"));
      }
    });
  });
});
