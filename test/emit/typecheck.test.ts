/**
 * Generated clients are a product: every committed output type-checks under `strict`
 * with the DOM lib and no Node types (they must run in browsers and workers too), and
 * without unused locals or parameters.
 */
import { beforeAll, describe, expect, it } from "vitest";
import ts from "typescript";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkingEverything, NOCHECK } from "./check-everything.js";
import { diagnosticsByOutput, outputs, repo, tsFiles } from "./check-outputs.js";
import { PUBLIC_TYPE_MODULES } from "../../src/emit/runtime-files.js";

describe("generated clients type-check under strict, DOM lib, no Node types", () => {
  let diagnostics: Map<string, string[]>;
  beforeAll(() => {
    // Including operations.ts and types.ts, which users' builds skip (`@ts-nocheck`): here they are checked.
    diagnostics = diagnosticsByOutput(ts, "checked");
  }, 180_000);

  it.each(outputs)("%s", (output) => {
    expect(diagnostics.get(output)).toEqual([]);
  });

  it("nothing outside the outputs is reported", () => {
    expect(diagnostics.get("(other)") ?? []).toEqual([]);
  });
});

describe("operations.ts and types.ts: skipped by users' builds, checked here", () => {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };

  it.each(["operations.ts", "types.ts"])(
    "every output's %s carries the pragma on its second line",
    (file) => {
      for (const output of outputs)
        expect(
          readFileSync(join(repo, output, file), "utf8").split("\n")[1],
          output,
        ).toMatch(NOCHECK);
    },
  );

  /** What the checker reports for `file` with `edit` applied to it, as users' builds see it and as these tests do. */
  function reportedAfter(file: string, edit: (text: string) => string) {
    const broken = edit(readFileSync(file, "utf8"));
    expect(broken).not.toBe(readFileSync(file, "utf8"));
    const reading = (): ts.CompilerHost => {
      const host = ts.createCompilerHost(options);
      const read = host.getSourceFile.bind(host);
      host.getSourceFile = (name, ...rest) =>
        name === file
          ? ts.createSourceFile(name, broken, ts.ScriptTarget.ES2022)
          : read(name, ...rest);
      return host;
    };
    const diagnose = (host: ts.CompilerHost): string =>
      ts
        .getPreEmitDiagnostics(ts.createProgram([file], options, host))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
        .join("\n");
    return { byUsersBuild: diagnose(reading()), byTheseTests: diagnose(checkingEverything(options, reading())) };
  }

  it("an ill-formed operations entry is reported by the checking host, and not without it", () => {
    const { byUsersBuild, byTheseTests } = reportedAfter(join(repo, "generated/example-api/operations.ts"), (text) =>
      text.replace(/method: "[A-Z]+"/, "method: 42"),
    );
    expect(byUsersBuild).toBe("");
    expect(byTheseTests).toContain("not assignable");
  });

  it("a type path that names no member of schema.ts is reported by the checking host, and not without it", () => {
    const { byUsersBuild, byTheseTests } = reportedAfter(join(repo, "generated/example-api/types.ts"), (text) =>
      text.replace('["content"]["application/json"]', '["content"]["application/xml"]'),
    );
    expect(byUsersBuild).toBe("");
    expect(byTheseTests).toContain("Property 'application/xml' does not exist");
  });
});

describe("runtime: a user's build checks the types it names, not the implementation behind them", () => {
  const runtimeFiles = (output: string): string[] =>
    tsFiles(join(repo, output, "runtime")).map((f) =>
      f.slice(join(repo, output).length + 1).split("\\").join("/"),
    );

  it("every runtime module but the public type modules carries the pragma on its second line", () => {
    for (const output of outputs) {
      for (const path of runtimeFiles(output)) {
        const second = readFileSync(join(repo, output, path), "utf8").split("\n")[1]!;
        if (PUBLIC_TYPE_MODULES.has(path)) expect(second, `${output}/${path}`).not.toMatch(NOCHECK);
        else expect(second, `${output}/${path}`).toMatch(NOCHECK);
      }
    }
  });

  it("the public type modules exist in the runtime", () => {
    for (const path of PUBLIC_TYPE_MODULES) {
      expect(readFileSync(join(repo, "src", path), "utf8")).toMatch(/^export (interface|type) /m);
    }
  });

  it("a build without the DOM lib is told so by the public types, not left with `any`", () => {
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      types: [],
      lib: ["lib.es2022.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    };
    const program = ts.createProgram([join(repo, "generated/example-api/index.ts")], options);
    const reported = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(reported.some((r) => r.includes("runtime/result.ts") && r.includes("Cannot find name 'Response'"))).toBe(true);
  });
});
