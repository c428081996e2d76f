/** Remote `$ref`s and file `$ref`s outside the document's folder need the user's consent (issue 8). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDocument } from "../../src/load/index.js";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";
import { startServer, type TestServer } from "../support/server.js";

let root: string;
let server: TestServer;

const api = (ref: string) => `openapi: 3.1.0
info: { title: T, version: "1" }
paths:
  /users:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "${ref}" }
`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ref-policy-"));
  await mkdir(join(root, "specs"));
  await mkdir(join(root, "shared"));
  await writeFile(join(root, "shared", "user.yaml"), "User:\n  type: object\n  properties:\n    id: { type: string }\n");
  server = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/yaml" });
    res.end("User:\n  type: object\n  properties:\n    remote: { type: boolean }\n");
  });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function errorOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DiagnosticError);
  return (error as DiagnosticError).message;
}

describe("file $refs outside the document's folder", () => {
  it("are refused by default, with the place of the $ref", async () => {
    const file = join(root, "specs", "outside.yml");
    await writeFile(file, api("../shared/user.yaml#/User"));
    expect(await errorOf(loadDocument(file))).toMatch(/outside\.yml:11:\d+: error: \$ref "\.\.\/shared\/user\.yaml#\/User" leaves the document's folder/);
  });
  it("are bundled when allowed", async () => {
    const file = join(root, "specs", "outside-allowed.yml");
    await writeFile(file, api("../shared/user.yaml#/User"));
    const loaded = await loadDocument(file, { allowRefsOutsideFolder: true });
    expect(JSON.stringify(loaded.document)).toContain('"id":{"type":"string"}');
  });
});

describe("remote $refs", () => {
  it("are refused by default and nothing is fetched", async () => {
    const file = join(root, "specs", "remote.yml");
    await writeFile(file, api(`${server.url}/user.yaml#/User`));
    const before = server.requests.length;
    expect(await errorOf(loadDocument(file))).toContain("remote $ref not allowed");
    expect(server.requests.length).toBe(before);
  });
  it("even when allowed, are never fetched from loopback or private addresses (SSRF)", async () => {
    const file = join(root, "specs", "remote-allowed.yml");
    await writeFile(file, api(`${server.url}/user.yaml#/User`));
    const before = server.requests.length;
    expect(await errorOf(loadDocument(file, { allowRemoteRefs: true }))).toMatch(
      /remote-allowed\.yml:11:\d+: error: remote \$ref to a loopback, private or non-web address is never fetched/,
    );
    expect(server.requests.length).toBe(before);
  });
});
