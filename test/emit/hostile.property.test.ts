/**
 * A document is untrusted input (issue 8): hostile strings in every place a document can
 * carry text into the output must leave the generated client compiling, with exactly the
 * code a benign document gets, and with the document's text reaching the runtime exactly.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ts from "typescript";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildModel } from "../../src/model/index.js";
import { emitClient } from "../../src/emit/index.js";
import { loaded } from "../model/helpers.js";
import { checkingEverything } from "./check-everything.js";

const NASTY = [
  "*/ process.exit(1); /*",
  "`${process.exit(1)}`",
  '"; process.exit(1); "',
  "'); process.exit(1); ('",
  "\\",
  "\\u0022",
  "line\nbreak",
  "cr\rlf\r\n",
  "sep\u2028ara\u2029tor",
  "</script><script>alert(1)</script>",
  "__proto__",
  "constructor",
  "@deprecated forged",
  "// comment",
  "{{code header}}",
  "\u0000nul",
  "x".repeat(3000),
  "ünïcödé 名前",
];

const hostile = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" }),
);

/** A document whose every free-text place holds one of `t`'s strings. */
function document(t: string[], i = 0) {
  const at = (n: number) => t[(i + n) % t.length]!;
  const scheme = `${at(5)}`;
  return {
    info: { title: at(0), version: at(1), description: at(2) },
    servers: [
      {
        url: `https://api.example.com/${encodeURIComponent(at(3))}`,
        description: at(4),
      },
    ],
    security: [{ [scheme]: [] }],
    paths: {
      [`/items/${encodeURIComponent(at(6))}`]: {
        get: {
          operationId: at(7),
          summary: at(8),
          description: at(9),
          parameters: [
            {
              name: at(10),
              in: "query",
              description: at(11),
              schema: {
                type: "string",
                enum: [at(12), at(13)],
                example: at(14),
              },
            },
            { name: at(15), in: "header", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: at(16),
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      [at(17)]: { type: "string", description: at(18) },
                    },
                  },
                },
              },
            },
            "4XX": { description: at(19) },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        [scheme]: {
          type: "oauth2",
          description: at(20),
          flows: {
            clientCredentials: {
              tokenUrl: `https://as.example.com/${encodeURIComponent(at(21))}`,
              scopes: { [at(22)]: at(23) },
            },
          },
          "x-gen-auth-client": {
            tokenResponsePath: [at(24)],
            issuer: `https://as.example.com/${encodeURIComponent(at(25))}`,
            // Not a URL on purpose: the extension's schema does not check formats, so any string gets here.
            revocationUrl: at(26),
          },
        },
      },
    },
  };
}

/** Counts of the node kinds that can do something when the code runs. */
function executableShape(source: string): Record<string, number> {
  const file = ts.createSourceFile(
    "index.ts",
    source,
    ts.ScriptTarget.Latest,
    true,
  );
  const kinds = [
    ts.SyntaxKind.CallExpression,
    ts.SyntaxKind.NewExpression,
    ts.SyntaxKind.TaggedTemplateExpression,
    ts.SyntaxKind.TemplateExpression,
    ts.SyntaxKind.ArrowFunction,
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.FunctionExpression,
    ts.SyntaxKind.BinaryExpression,
    ts.SyntaxKind.ImportDeclaration,
    ts.SyntaxKind.ExportDeclaration,
    ts.SyntaxKind.VariableStatement,
    ts.SyntaxKind.ExpressionStatement,
  ];
  const counts: Record<string, number> = {};
  const visit = (node: ts.Node): void => {
    if (kinds.includes(node.kind))
      counts[ts.SyntaxKind[node.kind]] =
        (counts[ts.SyntaxKind[node.kind]] ?? 0) + 1;
    node.forEachChild(visit);
  };
  visit(file);
  counts.topLevelStatements = file.statements.length;
  return counts;
}

async function generateInto(dir: string, doc: Record<string, unknown>) {
  const model = buildModel(loaded(doc));
  const files = await emitClient(model, loaded(doc).document, {
    generatorVersion: "0.0.0",
    specName: "hostile.yml",
    sha256: "0".repeat(64),
  });
  for (const [path, contents] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
  return {
    model,
    index: files.get("index.ts")!,
    types: files.get("types.ts")!,
    operations: files.get("operations.ts")!,
  };
}

describe("hostile documents cannot inject code", () => {
  it("outputs compile, have the benign document's code shape, and carry the text exactly", async () => {
    const root = await mkdtemp(join(tmpdir(), "hostile-"));
    try {
      const baseline = await generateInto(
        join(root, "baseline"),
        document(
          ["plain"].concat(Array.from({ length: 26 }, (_, i) => `v${i}`)),
        ),
      );
      const baselineShape = executableShape(baseline.index);
      const baselineTypesShape = executableShape(baseline.types);
      const baselineOperationsShape = executableShape(baseline.operations);
      const samples = fc.sample(
        fc.array(hostile, { minLength: 27, maxLength: 27 }),
        { numRuns: 12, seed: 20261124 },
      );
      samples.push(NASTY.concat(NASTY).slice(0, 27));
      const cases: {
        dir: string;
        doc: ReturnType<typeof document>;
        name: string;
      }[] = [];
      for (const [n, strings] of samples.entries()) {
        const dir = join(root, `case-${n}`);
        const doc = document(strings);
        const { model, index, types, operations } = await generateInto(dir, doc);
        expect(executableShape(index), `case ${n}`).toEqual(baselineShape);
        expect(executableShape(types), `case ${n}: types.ts`).toEqual(
          baselineTypesShape,
        );
        expect(executableShape(operations), `case ${n}: operations.ts`).toEqual(
          baselineOperationsShape,
        );
        cases.push({ dir, doc, name: model.operations[0]!.name });
      }

      // Generated clients are ESM; under NodeNext the nearest package.json says so.
      await writeFile(join(root, "package.json"), '{"type":"module"}');
      // One program for all outputs: strict, DOM lib, no Node types; emitted as JS to run.
      const files = [
        join(root, "baseline", "index.ts"),
        ...cases.map((c) => join(c.dir, "index.ts")),
      ];
      const options: ts.CompilerOptions = {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
        types: [],
        strict: true,
        outDir: join(root, "js"),
        rootDir: root,
      };
      // operations.ts and types.ts included, though users' builds skip them (`@ts-nocheck`).
      const program = ts.createProgram(
        files,
        options,
        checkingEverything(options),
      );
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(diagnostics).toEqual([]);
      program.emit();
      await writeFile(join(root, "js", "package.json"), '{"type":"module"}');

      // What the runtime reads is the document's text, exactly.
      for (const [n, { doc, name }] of cases.entries()) {
        const client = (await import(
          pathToFileURL(join(root, "js", `case-${n}`, "index.js")).href
        )) as {
          operations: Record<
            string,
            {
              path: string;
              parameters: { name: string }[];
              security: Record<string, string[]>[];
            }
          >;
          securitySchemes: Record<string, unknown>;
        };
        const path = Object.keys(doc.paths)[0]!;
        const operation = doc.paths[path as keyof typeof doc.paths] as {
          get: { parameters: { name: string }[] };
        };
        expect(client.operations[name]!.path).toBe(path);
        expect(client.operations[name]!.parameters.map((p) => p.name)).toEqual(
          operation.get.parameters.map((p) => p.name),
        );
        expect(Object.keys(client.securitySchemes)).toEqual(
          Object.keys(doc.components.securitySchemes),
        );
        expect(Object.getPrototypeOf(client.securitySchemes)).toBe(
          Object.prototype,
        );
        expect(client.operations[name]!.security).toEqual(doc.security);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});
