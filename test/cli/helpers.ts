/** Running the built CLI (`npm run build` first) as a user does: a subprocess in a temporary folder. */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const repo = resolve(import.meta.dirname, "../..");
export const bin = join(repo, "bin", "gen-auth-client.js");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CI variable would add annotation lines to stdout; tests opt in to it explicitly. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (extra.GITHUB_ACTIONS === undefined) delete env.GITHUB_ACTIONS;
  return env;
}

export function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: cleanEnv(env) }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A temporary project folder with the given files (paths "/"-separated, relative to it). */
export async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "gen-auth-client-cli-"));
  await writeFiles(dir, files);
  return dir;
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

/** So that a config module's `import { defineConfig } from "gen-auth-client"` resolves to this checkout. */
export async function linkPackage(dir: string): Promise<void> {
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(repo, join(dir, "node_modules", "gen-auth-client"), "dir");
}

export const removeProject = (dir: string | undefined): Promise<void> => (dir === undefined ? Promise.resolve() : rm(dir, { recursive: true, force: true }));

/** The smallest document that generates a client. */
export function tinySpec(title = "Tiny", path = "/ping"): string {
  return `openapi: 3.0.3
info:
  title: ${title}
  version: "1"
paths:
  ${path}:
    get:
      operationId: ping
      responses:
        "200":
          description: OK
`;
}

/** A document whose response schema lives in another file. */
export const splitSpec = `openapi: 3.0.3
info:
  title: Split
  version: "1"
paths:
  /users:
    get:
      operationId: listUsers
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema:
                $ref: "./schemas/user.yaml#/User"
`;

export function userSchema(property: string): string {
  return `User:
  type: object
  properties:
    ${property}:
      type: string
`;
}

/** A long-running CLI (`--watch`) whose output is collected as it comes. */
export class Child {
  readonly process: ChildProcess;
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[], cwd: string) {
    this.process = spawn(process.execPath, [bin, ...args], { cwd, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
    this.process.stdout!.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.process.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((done) => this.process.on("exit", (code, signal) => done({ code, signal })));
  }

  /** Resolves once `test()` holds, polling; rejects after `timeoutMs` with what was printed. */
  async waitFor(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`);
      if (this.process.exitCode !== null) throw new Error(`exited (${this.process.exitCode}) before ${what}\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until stdout holds `count` occurrences of `text`. */
  waitForOutput(text: string, count = 1, timeoutMs?: number): Promise<void> {
    return this.waitFor(`${count} × "${text}"`, () => this.stdout.split(text).length - 1 >= count, timeoutMs);
  }

  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill("SIGKILL");
  }
}
