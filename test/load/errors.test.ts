import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { loadDocument } from "../../src/load/index.js";
import { diagnosticsOf, FIXTURES, fixture, lineOf } from "./helpers.js";

type Want = Partial<Diagnostic> & { message: string };

/** Bad input: one DiagnosticError, each diagnostic naming the file and, where known, pointer and line. */
const cases: Array<[string, { given: string; want: Want[] }]> = [
  [
    "a missing file",
    { given: fixture("no-such-file.yaml"), want: [{ file: fixture("no-such-file.yaml"), message: "cannot read file: no such file" }] },
  ],
  ["a directory", { given: FIXTURES, want: [{ file: FIXTURES, message: "cannot read file: is a directory" }] }],
  [
    // The YAML parser notices the unclosed `[` where the next key starts.
    "invalid YAML",
    {
      given: fixture("invalid-yaml.yaml"),
      want: [
        {
          line: lineOf(fixture("invalid-yaml.yaml"), "responses: {}"),
          column: 7,
          message: "invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]",
        },
      ],
    },
  ],
  [
    // YAML would read `"/users": {},` followed by `}` happily; a .json file is held to RFC 8259.
    "invalid JSON (trailing comma)",
    {
      given: fixture("invalid-json.json"),
      want: [{ line: 6, column: 3, message: 'invalid JSON: expected a property name in double quotes, found "}"' }],
    },
  ],
  [
    "not an OpenAPI document",
    { given: fixture("not-openapi.yaml"), want: [{ pointer: "", line: 2, column: 1, message: "not an OpenAPI document: no `openapi` or `swagger` field" }] },
  ],
  [
    "OpenAPI 3.2",
    { given: fixture("openapi-3.2.yaml"), want: [{ pointer: "/openapi", line: 1, column: 1, message: "unsupported OpenAPI version 3.2.0 (supported: 2.0, 3.0.x, 3.1.x)" }] },
  ],
  [
    "a version written as a YAML number",
    { given: fixture("openapi-number.yaml"), want: [{ pointer: "/openapi", line: 1, column: 1, message: '`openapi` must be a string such as "3.0.3", not the number 3' }] },
  ],
  [
    "schema errors: no responses, a bad `in`, an http scheme without `scheme`",
    {
      given: fixture("schema-invalid.yaml"),
      want: [
        { pointer: "/paths/~1users/get", line: 7, column: 5, message: "must have required property 'responses'" },
        { pointer: "/paths/~1users/get/parameters/0/in", line: 11, column: 11, message: 'must be one of "query", "header", "path", "cookie"' },
        { pointer: "/components/securitySchemes/Bearer", line: 28, column: 5, message: "must have required property 'scheme' (needed by `type: http`)" },
      ],
    },
  ],
];

describe("loadDocument: bad input", () => {
  it.each(cases)("%s", async (_name, { given, want }) => {
    const diagnostics = await diagnosticsOf(loadDocument(given));
    expect(diagnostics).toEqual(want.map((w) => ({ severity: "error", file: given, ...w })));
  });
});
