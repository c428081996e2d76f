/**
 * The emit stage: the model in, the files of one client out (paths relative to the
 * output folder, contents formatted). Nothing is written here.
 */
import type { ApiModel } from "../model/types.js";
import type { OpenApiDocument } from "../load/types.js";
import { clientView, headerLine, type HeaderInfo } from "./client-view.js";
import { PUBLIC_TYPE_MODULES, RUNTIME_NOCHECK, runtimeFilesFor } from "./runtime-files.js";
import { printSchemaStatements, schemaStatements } from "./schema-types.js";
import { proveTypePaths } from "./type-paths.js";
import { render } from "./template.js";
import { lineComment } from "./encode.js";

export type { HeaderInfo } from "./client-view.js";

/**
 * `document` is the loaded document; `schema.ts` is written from `model.schemaDocument`, the
 * same document with the constructs openapi-typescript's typing (which src/emit/schema ports)
 * mistypes rewritten (falling back to
 * `document` for a model built without one).
 */
export async function emitClient(model: ApiModel, document: OpenApiDocument, header: HeaderInfo): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const view = clientView(model, header);
  const statements = schemaStatements(model.schemaDocument ?? document);
  // types.ts goes unchecked in users' builds: prove here what the checker would have.
  proveTypePaths(statements, view.operations.map((operation) => operation.typePaths));
  const [index, types, operations] = await Promise.all([
    // The files are written in their final form (layout.ts); the tests hold
    // them to Prettier (test/emit/prettier-stable.test.ts, schema-types.test.ts).
    render("index.ts.hbs", view),
    // The `Client` interface and per-operation types, apart so that a user's build takes them as declared (see the template).
    render("types.ts.hbs", view),
    // The operations table, apart so that a user's build need not type-check it (see the template).
    render("operations.ts.hbs", view),
  ]);
  const schema = `${headerLine(header).text}\n${printSchemaStatements(statements)}`;
  files.set("index.ts", index);
  files.set("operations.ts", operations);
  files.set("types.ts", types);
  files.set("schema.ts", schema);
  const runtimeHeader = lineComment(`Runtime of gen-auth-client ${header.generatorVersion}, copied into this client. Do not edit.`).text;
  for (const [path, source] of await runtimeFilesFor(index)) {
    files.set(path, PUBLIC_TYPE_MODULES.has(path) ? `${runtimeHeader}\n${source}` : `${runtimeHeader}\n${RUNTIME_NOCHECK}\n${source}`);
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
