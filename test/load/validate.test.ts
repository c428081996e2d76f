import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadDocument } from "../../src/load/index.js";
import { diagnosticsOf, fixture, lineOf } from "./helpers.js";

const v = (name: string) => fixture("validation", name);
const schemaOfName = "/paths/~1b/post/responses/200/content/application~1json/schema/properties/name/type";

type Want = Pick<Diagnostic, "pointer" | "message"> & { at?: string };

/**
 * Ajv reports each mistake once per failed `oneOf` branch; the load stage must report it once,
 * in words that say what to change, at the node to change.
 */
const cases: Array<[string, { given: string; want: Want[] }]> = [
  [
    "3.0: one diagnostic per mistake despite oneOf cascades",
    {
      given: v("cascade-3.0.yaml"),
      want: [
        { pointer: "/paths/~1b/post/responses/200", at: '"200":', message: "must have required property 'description'" },
        { pointer: schemaOfName, at: "type: strin", message: 'must be one of "array", "boolean", "integer", "number", "object", "string"' },
        {
          pointer: "/paths/~1b/post/responses/2000",
          at: '"2000":',
          message: "'2000' is not a response code (use a status such as 200, a range such as 2XX, or default)",
        },
        { pointer: "/components/securitySchemes/Key/in", at: "in: body", message: 'must be one of "query", "header", "cookie"' },
        {
          pointer: "/components/securitySchemes/OAuth/flows/clientCredentials",
          at: "clientCredentials:",
          message: "must have required property 'tokenUrl' (needed by the `clientCredentials` flow)",
        },
      ],
    },
  ],
  [
    "3.1: unevaluated properties point at the key; a numeric version is named",
    {
      given: v("unevaluated-3.1.yaml"),
      want: [
        { pointer: "/info/version", at: "version: 1.0", message: "must be string (YAML read a number: put the version in quotes)" },
        { pointer: "/paths/users", at: "users:", message: 'path \'users\' must begin with "/"' },
      ],
    },
  ],
  [
    "3.0 without paths: reported like the schema would, with the other errors",
    {
      given: v("no-paths-3.0.yaml"),
      want: [
        { pointer: "", at: "openapi:", message: "must have required property 'paths'" },
        { pointer: "/info", at: "info:", message: "must have required property 'title'" },
      ],
    },
  ],
  [
    "2.0: a response schema's bad type, without the Reference-branch noise",
    {
      given: v("swagger2-response.yaml"),
      want: [
        {
          pointer: "/paths/~1x/get/responses/200/schema/type",
          at: "type: strin",
          message: 'must be one of "array", "boolean", "integer", "null", "number", "object", "string", "file"',
        },
      ],
    },
  ],
  [
    "2.0: swagger-parser's spec checks get a pointer too",
    {
      given: v("swagger2-path-parameter.yaml"),
      want: [{ pointer: "/paths/~1users~1{id}/get", at: "get:", message: "/paths/users/{id}/get is missing path parameter(s) for {id}" }],
    },
  ],
  [
    "corpus bug: a problem inside a $ref'd schema is reported once, at the schema, with its line",
    {
      given: v("through-ref-3.0.yaml"),
      want: [{ pointer: "/components/schemas/Pick/properties/timecode/pattern", at: "pattern: 0", message: "must be string" }],
    },
  ],
  [
    "corpus bug: a value valid where written but not where a $ref uses it names that $ref",
    {
      given: v("ref-to-parameter-3.0.yaml"),
      want: (
        [
          ["name", "name: id", "unexpected property 'name' (not allowed here)"],
          ["in", "in: path", "unexpected property 'in' (not allowed here)"],
          ["required", "required: true", "must be array"],
          ["schema", "schema: { type: string }", "unexpected property 'schema' (not allowed here)"],
        ] as const
      ).map(([key, at, message]) => ({
        pointer: `/paths/~1vehicles~1{id}/get/parameters/0/${key}`,
        at,
        message: `${message}, where the $ref at /paths/~1vehicles/get/parameters/0/schema/items uses it`,
      })),
    },
  ],
];

describe("validation diagnostics", () => {
  it.each(cases)("%s", async (_name, { given, want }) => {
    const diagnostics = await diagnosticsOf(loadDocument(given));
    expect(diagnostics.map(({ pointer, message, line }) => ({ pointer, message, line }))).toEqual(
      want.map(({ pointer, message, at }) => ({ pointer, message, line: at === undefined ? undefined : lineOf(given, at) })),
    );
    for (const d of diagnostics) expect(d).toMatchObject({ severity: "error", file: given });
  });

  it("caps the list at 20, in line order", async () => {
    const diagnostics = await diagnosticsOf(loadDocument(v("many-errors.yaml")));
    expect(diagnostics).toHaveLength(20);
    const lines = diagnostics.map((d) => d.line!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(diagnostics[0]).toMatchObject({ pointer: "/paths/~1p0/get", message: "must have required property 'responses'" });
  });
});
