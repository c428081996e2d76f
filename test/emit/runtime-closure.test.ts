/**
 * Each client carries only the runtime its index.ts reaches (emit/runtime-files.ts), and
 * a bundle of a client keeps only the parts its document uses (emit/runtime-parts.ts).
 * The closure is recomputed here with TypeScript's own import scanner, not the
 * generator's, over every committed output.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix, relative, resolve, sep } from "node:path";
import { build } from "esbuild";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { PUBLIC_TYPE_MODULES, runtimeFilesFor } from "../../src/emit/runtime-files.js";
import { print } from "../../src/emit/layout.js";
import { objectDoc, runtimePartsView } from "../../src/emit/runtime-parts.js";
// The committed outputs record the fingerprint of the built generator (dist/), which `npm test`
// builds first; the same function imported from src/ would fingerprint src/ instead.
import { checkUpToDate } from "../../dist/generate.js";
import { buildModel } from "../../src/model/index.js";
import { loaded } from "../model/helpers.js";

const repo = resolve(import.meta.dirname, "../..");
const clients = (
  await Promise.all(["generated", "test/snapshots"].map(async (dir) => (await readdir(join(repo, dir))).map((d) => join(dir, d))))
).flat();

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"));
}

/** The runtime files `index.ts` reaches, by TypeScript's reading of every import and re-export. */
async function closure(client: string): Promise<string[]> {
  const reached = new Set<string>();
  const visit = async (path: string) => {
    const source = await readFile(join(repo, client, path), "utf8");
    for (const { fileName } of ts.preProcessFile(source, true, false).importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), fileName)).replace(/\.js$/, ".ts");
      if (!target.startsWith("runtime/") || reached.has(target)) continue;
      reached.add(target);
      await visit(target);
    }
  };
  await visit("index.ts");
  return [...reached].sort();
}

async function bundle(client: string): Promise<{ text: string; inputs: string[] }> {
  const built = await build({
    entryPoints: [join(repo, client, "index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const output = Object.values(built.metafile.outputs)[0]!;
  return {
    text: built.outputFiles[0]!.text,
    inputs: Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  };
}

describe("the copied runtime", () => {
  it.each(clients)("%s holds exactly the modules its index.ts reaches, each as the generator has it", async (client) => {
    const runtime = (await filesUnder(join(repo, client, "runtime"))).map((f) => `runtime/${f}`).sort();
    expect(runtime).toEqual(await closure(client));
    for (const path of runtime) {
      const copy = await readFile(join(repo, client, path), "utf8");
      const source = await readFile(join(repo, "src", path), "utf8");
      // The header line, then the pragma on every module but the public type ones (src/emit/runtime-files.ts).
      const [, second, ...rest] = copy.split("\n");
      expect(PUBLIC_TYPE_MODULES.has(path) ? [second, ...rest].join("\n") : rest.join("\n"), path).toBe(source);
      if (!PUBLIC_TYPE_MODULES.has(path)) expect(second, path).toMatch(/^\/\/ @ts-nocheck /);
    }
  });

  it("reads imports by their grammar: document text in comments and declarations is never one", async () => {
    const index = [
      'import { createClientRuntime } from "./runtime/index.js";',
      "/**",
      ' * import { x } from "./runtime/oauth/index.js";',
      " */",
      "export interface Client {",
      '  /** from "./runtime/token-from.js"; */',
      '  "./runtime/nope.js": string;',
      "}",
      'export const text = "import \\"./runtime/nope.js\\";";',
    ].join("\n");
    const files = [...(await runtimeFilesFor(index)).keys()];
    expect(files).toContain("runtime/index.ts");
    expect(files.filter((f) => f.startsWith("runtime/oauth/") || f === "runtime/token-from.ts")).toEqual([]);
  });

  it("a client whose document uses only an API key has no OAuth or tokenFrom code, copied or bundled", async () => {
    const client = "test/snapshots/security-api-key-header";
    const runtime = await filesUnder(join(repo, client, "runtime"));
    expect(runtime.filter((f) => f.startsWith("oauth/") || f === "token-from.ts")).toEqual([]);
    const { text, inputs } = await bundle(client);
    expect(inputs.filter((path) => /runtime\/(oauth|token-from)/.test(path))).toEqual([]);
    // Strings only the OAuth and tokenFrom code carries.
    for (const marker of ["grant_type", "code_verifier", "token_endpoint", "did not issue a token"]) expect(text).not.toContain(marker);
  });

  it("an OAuth client does bundle its OAuth code (the check above can fail)", async () => {
    const { text, inputs } = await bundle("test/snapshots/oauth2");
    expect(inputs.some((path) => path.includes("runtime/oauth/scheme.ts"))).toBe(true);
    expect(text).toContain("grant_type");
  });
});

describe("the parts a client imports", () => {
  const parts = (paths: Record<string, unknown>, components: Record<string, unknown> = {}) => {
    const view = runtimePartsView(buildModel(loaded({ paths, components })));
    return { imports: view.imports.map((c) => c.text), value: print(objectDoc(view.entries)).text };
  };
  const get = (parameters: unknown[], extra: Record<string, unknown> = {}) => ({
    "/items/{id}": { get: { operationId: "getItem", parameters, responses: { 204: { description: "none" } }, ...extra } },
  });
  const id = { name: "id", in: "path", required: true, schema: { type: "string" } };

  it("simple path and form query parameters take the lean serializers", () => {
    expect(parts(get([id, { name: "q", in: "query", schema: { type: "string" } }]))).toEqual({
      imports: ['import { expandSimplePath, serializeFormQuery } from "./runtime/serialize.js";'],
      value: "{ parameters: { path: expandSimplePath, query: serializeFormQuery } }",
    });
  });

  it("a label path or deepObject query parameter anywhere takes the serializer for every style", () => {
    const deep = { name: "filter", in: "query", style: "deepObject", schema: { type: "object" } };
    expect(parts(get([{ ...id, style: "label" }, deep])).value).toBe("{ parameters: { path: expandPath, query: serializeQuery } }");
  });

  it("schemes and bodies: one implementation per kind the document uses", () => {
    const view = parts(
      { "/a": { post: { security: [{ key: [] }], requestBody: { content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } } }, responses: { 204: { description: "none" } } } } },
      { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" }, oidc: { type: "openIdConnect", openIdConnectUrl: "https://id.example/.well-known/openid-configuration" } } },
    );
    expect(view).toEqual({
      imports: [
        'import { formBody } from "./runtime/body.js";',
        'import { oauth2Auth } from "./runtime/oauth/index.js";',
        'import { apiKeyAuth } from "./runtime/static-auth.js";',
      ],
      value: "{ auth: { apiKey: apiKeyAuth, oauth2: oauth2Auth }, bodies: { form: formBody } }",
    });
  });

  it("placement only when something goes in the query or a cookie: a query or cookie API key, or a cookie parameter", () => {
    const keyIn = (where: string) => parts(get([id]), { securitySchemes: { key: { type: "apiKey", in: where, name: "k" } } });
    expect(keyIn("header").value).toBe("{ auth: { apiKey: apiKeyAuth }, parameters: { path: expandSimplePath } }");
    for (const where of ["query", "cookie"]) {
      expect(keyIn(where).imports).toContain('import { placeOutsideHeaders } from "./runtime/placement.js";');
      expect(keyIn(where).value.replace(/\s+/g, " ")).toBe("{ auth: { apiKey: apiKeyAuth }, parameters: { path: expandSimplePath }, placement: placeOutsideHeaders, }");
    }
    expect(parts(get([id, { name: "sid", in: "cookie", schema: { type: "string" } }])).value.replace(/\s+/g, " ")).toBe(
      "{ parameters: { path: expandSimplePath, cookies: serializeCookies }, placement: placeOutsideHeaders, }",
    );
  });
});

describe("checkUpToDate and the runtime closure", () => {
  const scratch: string[] = [];
  afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function copyOf(client: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "gac-closure-"));
    scratch.push(dir);
    await cp(join(repo, client), dir, { recursive: true });
    return dir;
  }
  const spec = join(repo, "test/fixtures/security/api-key-header.yml");

  it("accepts the committed output", async () => {
    expect(await checkUpToDate({ spec, output: await copyOf("test/snapshots/security-api-key-header") })).toMatchObject({ upToDate: true });
  });

  it("refuses a runtime module the client does not reach (a stale oauth/ folder)", async () => {
    const output = await copyOf("test/snapshots/security-api-key-header");
    await mkdir(join(output, "runtime/oauth"));
    const header = (await readFile(join(output, "runtime/index.ts"), "utf8")).split("\n", 1)[0]!;
    await writeFile(join(output, "runtime/oauth/scheme.ts"), `${header}\n${await readFile(join(repo, "src/runtime/oauth/scheme.ts"), "utf8")}`);
    expect(await checkUpToDate({ spec, output })).toMatchObject({ upToDate: false, reason: expect.stringContaining("files changed") });
  });

  it("refuses a missing module of the closure", async () => {
    const output = await copyOf("test/snapshots/security-api-key-header");
    await rm(join(output, "runtime/static-auth.ts"));
    expect(await checkUpToDate({ spec, output })).toMatchObject({ upToDate: false, reason: expect.stringContaining("files changed") });
  });
});
