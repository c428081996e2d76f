/**
 * A compiler host that type-checks generated files marked `// @ts-nocheck` as if they were not:
 * `operations.ts` carries the pragma so that users' builds skip its entries, and the
 * generator's tests are where those entries are proved well-formed (templates/operations.ts.hbs).
 */
import ts from "typescript";

/** The pragma line exactly as the template writes it (second line, after the header). */
export const NOCHECK = /^\/\/ @ts-nocheck\b.*$/m;

/** The TypeScript API a check runs on: the installed one, or an older release (typecheck-oldest.test.ts). */
export type TypeScriptApi = typeof ts;

/** `host` (by default the system's) with the pragma blanked in every file it reads. */
export function checkingEverything(
  options: ts.CompilerOptions,
  host: ts.CompilerHost = ts.createCompilerHost(options),
  typescript: TypeScriptApi = ts,
): ts.CompilerHost {
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const file = getSourceFile(
      fileName,
      languageVersion,
      onError,
      shouldCreate,
    );
    if (file === undefined || !NOCHECK.test(file.text)) return file;
    // Blank the pragma rather than delete it, so that line numbers in diagnostics stay right.
    return typescript.createSourceFile(
      fileName,
      file.text.replace(NOCHECK, ""),
      languageVersion,
    );
  };
  return host;
}
