/**
 * Bugs the corpus run found (CORPUS.md), one row each: a minimal document that reproduces
 * the bug, generated in memory and type-checked under the options the committed clients are
 * held to, all rows in one TypeScript program.
 */
import { beforeAll, describe, expect, it } from "vitest";
import ts from "typescript";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModel } from "../../src/model/index.js";
import { emitClient } from "../../src/emit/index.js";
import { typecheckClients, writeForCheck, writeSharedRuntime, type TypeError } from "../../scripts/corpus/typecheck.js";
import { loaded } from "../model/helpers.js";

const ok = (description: string) => ({ description });
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });

type Case = [string, { given: Record<string, unknown>; want?: (files: { dir: string; index: string; types: string; schema: string }) => void }];

const cases: Case[] = [
  [
    "unused HttpError import when no operation declares an error response",
    { given: { paths: { "/a": { get: { responses: { 200: { ...ok("ok"), ...json({ type: "string" }) } } } } } } },
  ],
  [
    "unused Success import when no operation declares a success response",
    { given: { paths: { "/a": { get: { responses: { default: ok("error") } } } } } },
  ],
  [
    "unused …Operation alias for an operation without parameters, body or JSON response",
    {
      given: { paths: { "/ping": { get: { operationId: "ping", responses: { 204: ok("pong") } } } } },
      want: ({ types }) => {
        expect(types).toContain("ping(args?: PingArgs): Promise<PingResult>;");
        expect(types).not.toContain("type PingOperation");
      },
    },
  ],
  [
    "ServerVariables interface not assignable to the runtime's Record (exactOptionalPropertyTypes)",
    {
      given: {
        servers: [{ url: "https://{region}.example.com", variables: { region: { default: "eu", enum: ["eu", "us"] } } }],
        paths: { "/a": { get: { responses: { 200: ok("ok") } } } },
      },
    },
  ],
  [
    "unused Result import for a document with webhooks but no operations (adyen.com notifications)",
    { given: { paths: {}, webhooks: { ping: { post: { responses: { 200: ok("ok") } } } } } },
  ],
  [
    "$ref into a schema's definitions names no type (codat.io)",
    {
      given: {
        paths: { "/accounts": { get: { responses: { 200: { ...ok("ok"), ...json({ $ref: "#/components/schemas/Account" }) } } } } },
        components: {
          schemas: {
            Account: {
              type: "object",
              properties: { ids: { $ref: "#/components/schemas/Account/definitions/ids" } },
              definitions: { ids: { type: "array", items: { type: "string" } } },
            },
          },
        },
      },
      want: ({ schema }) => expect(schema).toContain('ids?: components["schemas"]["Account_definitions_ids"]'),
    },
  ],
  [
    "$ref into an inline schema under paths names no type (eos.local)",
    {
      given: {
        paths: {
          "/net/status": { post: { responses: { 200: { ...ok("ok"), ...json({ type: "object", properties: { token: { type: "string" } } }) } } } },
          "/net/other": {
            post: {
              responses: {
                200: { ...ok("ok"), ...json({ type: "object", properties: { token: { $ref: "#/paths/~1net~1status/post/responses/200/content/application~1json/schema/properties/token" } } }) },
              },
            },
          },
        },
      },
    },
  ],
  [
    "a schema that is a union with an array of itself references itself (vercel.com, openapi-typescript 1603)",
    {
      given: {
        paths: { "/items": { get: { responses: { 200: { ...ok("ok"), ...json({ $ref: "#/components/schemas/Value" }) } } } } },
        components: {
          schemas: {
            Value: {
              type: "null",
              oneOf: [{ type: "string" }, { type: "number" }, { type: "object" }, { type: "array", items: { $ref: "#/components/schemas/Value" } }],
            },
          },
        },
      },
      want: ({ schema }) => expect(schema).toMatch(/Value:[^;]*unknown\[\][^;]*\| null;/),
    },
  ],
  [
    "WithRequired over a nullable schema has no keys (plaid.com)",
    {
      given: {
        openapi: "3.0.3",
        paths: { "/causes": { get: { responses: { 200: { ...ok("ok"), ...json({ $ref: "#/components/schemas/Cause" }) } } } } },
        components: {
          schemas: {
            Error: { type: "object", nullable: true, properties: { code: { type: "string" } } },
            Cause: { type: "object", required: ["code", "item"], allOf: [{ $ref: "#/components/schemas/Error" }, { type: "object", properties: { item: { type: "string" } } }] },
          },
        },
      },
      want: ({ schema }) => expect(schema).toContain("WithRequired<"),
    },
  ],
  [
    "openapi-typescript fetches an example's externalValue, and crashes offline (cpy.re/peertube)",
    {
      given: {
        paths: {
          "/feed": {
            get: {
              responses: {
                200: { ...ok("ok"), content: { "text/xml": { schema: { type: "string" }, examples: { nightly: { externalValue: "http://127.0.0.1:1/feed.xml" } } } } },
              },
            },
          },
        },
      },
    },
  ],
  [
    "openapi-typescript declares a discriminator property twice in a subtype that also declares it (apple.com/sirikit-cloud-media)",
    {
      given: {
        paths: { "/r": { get: { responses: { 200: { ...ok("ok"), ...json({ $ref: "#/components/schemas/Sub" }) } } } } },
        components: {
          schemas: {
            Base: { type: "object", required: ["class"], properties: { class: { type: "string" } }, discriminator: { propertyName: "class" } },
            Sub: { allOf: [{ $ref: "#/components/schemas/Base" }], type: "object", properties: { class: { type: "string", enum: ["Sub"] }, n: { type: "integer" } } },
          },
        },
      },
      want: ({ schema }) => expect(schema.match(/class\??:/g)?.length).toBe(2),
    },
  ],
  [
    "a response component that is itself a $ref types the body it ends at (found by the type-path proof)",
    {
      given: {
        paths: { "/a": { get: { operationId: "getA", responses: { "4XX": { $ref: "#/components/responses/Problem" } } } } },
        components: {
          responses: {
            Problem: { $ref: "#/components/responses/Deeper" },
            Deeper: { description: "p", ...json({ type: "object", properties: { code: { type: "string" } } }) },
          },
          requestBodies: { Alias: { $ref: "#/components/requestBodies/Body" }, Body: { required: true, ...json({ type: "integer" }) } },
        },
      },
      want: ({ schema }) => expect(schema).not.toContain("content?: never"),
    },
  ],
  [
    "an operation whose types are named as runtime types (operationId token → TokenResult) shadows them, without an ambiguous re-export",
    {
      given: { paths: { "/token": { post: { operationId: "token", responses: { 200: { ...ok("t"), ...json({ type: "string" }) } } } } } },
      want: ({ dir, types }) => {
        expect(types).toContain("export type TokenResult = Result<");
        // What index.ts exports as TokenResult is the operation's, not the runtime's: index.ts
        // re-exporting both modules would make the name ambiguous (TS2308), or silently pick one,
        // depending on their order.
        const program = ts.createProgram([join(dir, "index.ts")], { strict: true, noEmit: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
        const checker = program.getTypeChecker();
        const module = checker.getSymbolAtLocation(program.getSourceFile(join(dir, "index.ts"))!)!;
        const exported = checker.getExportsOfModule(module).find((symbol) => symbol.name === "TokenResult")!;
        const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const declaration = target.declarations![0]!;
        expect(declaration.getSourceFile().fileName).toBe(join(dir, "types.ts"));
      },
    },
  ],
  [
    "an operation named new declares a construct signature in the Client interface (gambitcomm.local/mimic)",
    {
      given: { paths: { "/new": { post: { operationId: "new", responses: { 204: ok("made") } } } } },
      want: ({ types }) => expect(types).toContain('"new"(args?: NewArgs): Promise<NewResult>;'),
    },
  ],
  [
    "a $ref to a parameter under paths is typed through an optional member (digitalocean.com)",
    {
      given: {
        paths: {
          "/keys": { get: { parameters: [{ name: "per_page", in: "query", schema: { type: "integer" } }], responses: { 204: ok("none") } } },
          "/actions": { get: { parameters: [{ $ref: "#/paths/~1keys/get/parameters/0" }], responses: { 204: ok("none") } } },
        },
      },
    },
  ],
  [
    "an enum of strings on an object schema makes openapi-typescript throw (mercedes-benz.com)",
    {
      given: {
        paths: { "/g": { get: { responses: { 200: { ...ok("ok"), ...json({ $ref: "#/components/schemas/Group" }) } } } } },
        components: { schemas: { Group: { type: "object", enum: ["PKW", "VAN"], properties: { name: { type: "string" } } } } },
      },
    },
  ],
  [
    "a discriminator mapping to a file makes openapi-typescript resolve it (digitalocean.com)",
    {
      given: {
        paths: { "/u": { post: { requestBody: { required: true, ...json({ $ref: "#/components/schemas/U" }) }, responses: { 204: ok("done") } } } },
        components: {
          schemas: {
            A: { type: "object", properties: { type: { type: "string" } } },
            U: { oneOf: [{ $ref: "#/components/schemas/A" }], discriminator: { propertyName: "type", mapping: { a: "models/a.yml", b: "#/nowhere" } } },
          },
        },
      },
    },
  ],
];

const root = await mkdtemp(join(tmpdir(), "corpus-regressions-"));
const outputs = new Map<string, { dir: string; index: string; types: string; schema: string }>();
let errors = new Map<string, TypeError[]>();

beforeAll(async () => {
  const header = { generatorVersion: "0.0.0", specName: "case.yml", sha256: "0".repeat(64) };
  let shared: Map<string, string> | undefined;
  for (const [i, [name, { given }]] of cases.entries()) {
    const doc = loaded(given);
    const files = await emitClient(buildModel(doc), doc.document, header);
    if (shared === undefined) {
      shared = new Map([...files].filter(([p]) => p.startsWith("runtime/")));
      writeSharedRuntime(join(root, "_runtime"), shared);
    }
    const dir = join(root, String(i));
    writeForCheck(dir, files, join(root, "_runtime"), shared);
    outputs.set(name, { dir, index: files.get("index.ts")!, types: files.get("types.ts")!, schema: files.get("schema.ts")! });
  }
  errors = typecheckClients([...outputs.values()].map((o) => o.dir));
}, 120_000);

describe("corpus regressions: each generates a client that type-checks", () => {
  it.each(cases)("%s", (name, { want }) => {
    const output = outputs.get(name)!;
    expect(errors.get(output.dir)?.map((e) => `${e.at}: TS${e.code} ${e.message}`)).toEqual([]);
    want?.(output);
  });

  it("the shared runtime type-checks too", () => {
    expect(errors.get("runtime") ?? []).toEqual([]);
  });
});
