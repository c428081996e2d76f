/**
 * index.ts, types.ts and operations.ts are written in their final form (src/emit/layout.ts), without running Prettier on it
 * at generation time; this holds that form to Prettier itself, with the options in
 * src/emit/format.ts: every committed client, the corpus sample, and hostile names must come
 * out of `prettier.format` unchanged.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { formatTypeScript } from "../support/prettier.js";
import { clientView } from "../../src/emit/client-view.js";
import { render } from "../../src/emit/template.js";
import { loadDocument } from "../../src/load/index.js";
import { buildModel } from "../../src/model/index.js";
import { loaded } from "../model/helpers.js";

const repo = resolve(import.meta.dirname, "../..");
const committed = ["generated", "test/snapshots"].flatMap((dir) =>
  readdirSync(join(repo, dir)).flatMap((d) => [
    join(dir, d, "index.ts"),
    join(dir, d, "types.ts"),
    join(dir, d, "operations.ts"),
  ]),
);
const corpus = join(repo, "test/fixtures/corpus");
const corpusDocuments = readdirSync(corpus).filter(
  (f) => f.endsWith(".json") || f.endsWith(".yaml") || f.endsWith(".yml"),
);
const header = {
  generatorVersion: "0.0.0",
  specName: "spec.yml",
  sha256: "0".repeat(64),
};

/** The first line where Prettier's output differs, to read in a failure. */
function firstDifference(source: string, formatted: string): string {
  const a = source.split("\n");
  const b = formatted.split("\n");
  const i = a.findIndex((line, n) => line !== b[n]);
  return `line ${i + 1}:\n  written:  ${JSON.stringify(a[i])}\n  prettier: ${JSON.stringify(b[i])}`;
}

async function expectStable(source: string): Promise<void> {
  const formatted = await formatTypeScript(source);
  expect(
    formatted === source,
    formatted === source ? "" : firstDifference(source, formatted),
  ).toBe(true);
}

describe("index.ts, types.ts and operations.ts are already Prettier-formatted", () => {
  it.each(committed)("%s", async (file) => {
    await expectStable(readFileSync(join(repo, file), "utf8"));
  });

  it.each(corpusDocuments)("corpus: %s", async (file) => {
    const document = await loadDocument(join(corpus, file));
    const view = clientView(buildModel(document), header);
    await expectStable(await render("index.ts.hbs", view));
    await expectStable(await render("types.ts.hbs", view));
    await expectStable(await render("operations.ts.hbs", view));
  });

  it("lays out what a document's text can make long or odd: quotes, non-ASCII keys, long scopes and URLs", async () => {
    const scopes = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `scope:${"x".repeat(i * 3)}:${i}`,
        "a scope",
      ]),
    );
    const view = clientView(
      buildModel(
        loaded({
          "x-gen-auth-client": {
            requestIdHeader: "x-a-rather-long-request-identifier-header",
          },
          servers: [
            {
              url: "https://{region}.example.com/a/very/long/path/that/goes/on/and/on/and/on",
              variables: {
                region: {
                  default: "eu",
                  enum: [
                    "eu",
                    "us",
                    "ap-southeast-1",
                    "ap-northeast-2",
                    "sa-east-1",
                    "ca-central",
                  ],
                },
              },
            },
          ],
          // Long scope lists make the `OperationSecurity` member types break (operations.ts).
          security: [{ 名前: Object.keys(scopes) }, { 'say "hi"': [] }, { 名前: ["scope:"], 'say "hi"': [] }],
          paths: {
            "/items/{itemIdentifierThatIsRatherLong}/sub-resources/{subResourceIdentifierThatIsLong}":
              {
                get: {
                  operationId:
                    "getTheSubResourceOfAnItemByBothOfTheirRatherLongIdentifiers",
                  parameters: [
                    {
                      name: "itemIdentifierThatIsRatherLong",
                      in: "path",
                      required: true,
                      schema: { type: "string" },
                    },
                    {
                      name: "subResourceIdentifierThatIsLong",
                      in: "path",
                      required: true,
                      schema: { type: "string" },
                    },
                    {
                      name: 'it\'s "quoted"',
                      in: "query",
                      schema: { type: "string" },
                    },
                  ],
                  responses: {
                    "200": {
                      description: "ok",
                      content: {
                        "application/vnd.example.sub-resource+json": {
                          schema: { type: "object" },
                        },
                      },
                    },
                    "4XX": { description: "error" },
                  },
                },
              },
          },
          components: {
            securitySchemes: {
              名前: {
                type: "oauth2",
                flows: {
                  clientCredentials: {
                    tokenUrl:
                      "https://auth.example.com/oauth2/a/rather/long/token/endpoint/path/v2/token",
                    scopes,
                  },
                },
              },
              'say "hi"': {
                type: "apiKey",
                in: "header",
                name: "X-Api-Key-With-A-Rather-Long-Header-Name-That-Goes-On",
              },
            },
          },
        }),
      ),
      header,
    );
    const source = await render("index.ts.hbs", view);
    expect(source).toContain("名前");
    await expectStable(source);
    const types = await render("types.ts.hbs", view);
    expect(types).toContain("getTheSubResourceOfAnItemByBothOfTheirRatherLongIdentifiers(");
    await expectStable(types);
    await expectStable(await render("operations.ts.hbs", view));
  });
});
