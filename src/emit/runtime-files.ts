/**
 * The runtime, copied into every client so that generated code needs no package.
 * Tests (`*.test.ts`) and the runtime's own tsconfig stay behind.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { runtimeDir } from "./paths.js";

async function listTs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listTs(path);
      return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
    }),
  );
  return files.flat();
}

let cache: Promise<Map<string, string>> | undefined;

/** Runtime sources keyed by their path inside the output folder ("runtime/client.ts"). */
export function runtimeFiles(): Promise<Map<string, string>> {
  cache ??= (async () => {
    const files = (await listTs(runtimeDir)).sort();
    const contents = await Promise.all(files.map((f) => readFile(f, "utf8")));
    return new Map(files.map((f, i) => [["runtime", ...relative(runtimeDir, f).split(sep)].join("/"), contents[i]!]));
  })();
  return cache;
}
