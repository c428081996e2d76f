/**
 * `gen-auth-client.config.json`: the clients a project generates. Paths are relative to
 * the config file's folder.
 *
 *     { "clients": [{ "spec": "specs/api.yml", "output": "generated/api", "overlays": ["specs/api.overlay.yml"] }] }
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve, relative } from "node:path";
import { DiagnosticError } from "../diagnostics/diagnostic.js";
import type { GenerateOptions } from "../generate.js";

export const DEFAULT_CONFIG = "gen-auth-client.config.json";

function fail(file: string, pointer: string, message: string): never {
  throw new DiagnosticError([{ severity: "error", file, pointer, message }]);
}

export async function readConfig(file: string): Promise<GenerateOptions[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    fail(file, "", `cannot read config file: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "unreadable"}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    fail(file, "", `invalid JSON: ${(error as Error).message}`);
  }
  const clients = (config as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(clients)) fail(file, "/clients", `must be an array of { spec, output?, overlays? }`);
  const base = dirname(file);
  // Paths are printed relative to the working directory, as the user would type them.
  const fromBase = (p: string): string => relative(process.cwd(), resolve(base, p)) || ".";
  return clients.map((entry: unknown, i): GenerateOptions => {
    const client = entry as { spec?: unknown; output?: unknown; overlays?: unknown };
    if (typeof client?.spec !== "string") fail(file, `/clients/${i}/spec`, "must be a path to an OpenAPI document");
    if (client.output !== undefined && typeof client.output !== "string") fail(file, `/clients/${i}/output`, "must be a folder path");
    if (client.overlays !== undefined && !(Array.isArray(client.overlays) && client.overlays.every((o) => typeof o === "string"))) {
      fail(file, `/clients/${i}/overlays`, "must be an array of paths");
    }
    return {
      spec: fromBase(client.spec),
      ...(typeof client.output === "string" ? { output: fromBase(client.output) } : {}),
      ...(Array.isArray(client.overlays) ? { overlays: (client.overlays as string[]).map(fromBase) } : {}),
    };
  });
}
