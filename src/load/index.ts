/**
 * The load stage: file → parsed, overlaid, checked, bundled, validated OpenAPI 3.x document.
 *
 *   read → parse (positions kept) → overlays → version → $ref check → bundle → validate
 *        → (Swagger 2.0 only) convert → check and validate the result
 *
 * Every failure is a DiagnosticError naming the file, the JSON pointer and the line where known.
 */
import { createHash } from "node:crypto";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { bundleExternalRefs } from "./bundle.js";
import { convertSwagger2, swagger2Locator } from "./convert.js";
import { isObject } from "./json.js";
import type { Locate } from "./locate.js";
import { checkExtensions } from "./extension.js";
import { applyOverlay } from "./overlay.js";
import { parseSource, type SourceDocument } from "./parse.js";
import { decodeText, readBytes } from "./read.js";
import { checkRefs } from "./refs.js";
import type { LoadedDocument, LoadOptions, OpenApiDocument } from "./types.js";
import { validateDocument } from "./validate.js";
import { detectVersion } from "./version.js";

export type { LoadedDocument, LoadOptions, OpenApiDocument } from "./types.js";

export async function loadDocument(file: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const hash = createHash("sha256");
  const source = await readSource(file, hash);
  const overlays: SourceDocument[] = [];
  for (const overlayFile of options.overlays ?? []) overlays.push(await readSource(overlayFile, hash));

  const warnings: Diagnostic[] = [...source.warnings, ...overlays.flatMap((o) => o.warnings)];
  const locate = source.locate;

  // Overlays apply to the document as parsed, before anything interprets it (Overlay 1.0
  // §Overlay Object: actions apply in order, each to the result of the previous ones).
  let data = source.data;
  if (overlays.length > 0) {
    if (!isObject(data)) detectVersion(file, data, locate); // throws "not an OpenAPI document"
    for (const overlay of overlays) warnings.push(...applyOverlay(data as Record<string, unknown>, overlay));
  }

  const version = detectVersion(file, data, locate);
  let document = data as Record<string, unknown>;

  const policy = { allowRemoteRefs: options.allowRemoteRefs === true, allowRefsOutsideFolder: options.allowRefsOutsideFolder === true };
  const refs = await checkRefs({ file, data: document, locate }, policy);
  if (refs.diagnostics.length > 0) throw new DiagnosticError(refs.diagnostics);
  if (refs.hasFileRefs) document = await bundleExternalRefs(file, document, version.family, policy.allowRemoteRefs);
  // The output header records this hash; a change to a `$ref`'d file changes the client too.
  for (const external of refs.externalFiles) hash.update(await readBytes(external));
  const sha256 = hash.digest("hex");

  warnings.push(...(await validateDocument(file, document, version.family, locate)));

  let documentLocate: Locate = locate;
  if (version.family === "2.0") {
    document = convertSwagger2(file, document);
    documentLocate = swagger2Locator(locate);
    // The conversion moves objects (`responses/200/schema` → `.../content/{type}/schema`); a local
    // `$ref` into a moved place (as bundling creates for external values) would now dangle.
    const after = await checkRefs({ file, data: document, locate: documentLocate }, policy);
    if (after.diagnostics.length > 0) {
      throw new DiagnosticError(after.diagnostics.map((d) => ({ ...d, message: `${d.message} after conversion from Swagger 2.0` })));
    }
    warnings.push(...(await validateDocument(file, document, "3.0", documentLocate)));
  }

  checkExtensions(file, document, documentLocate);

  return {
    file,
    document: document as OpenApiDocument,
    sourceVersion: version.version,
    sha256,
    locate: documentLocate,
    warnings,
    sources: [file, ...(options.overlays ?? []), ...refs.externalFiles],
  };
}

async function readSource(file: string, hash: ReturnType<typeof createHash>): Promise<SourceDocument> {
  const bytes = await readBytes(file);
  hash.update(bytes);
  return parseSource(file, decodeText(file, bytes));
}
