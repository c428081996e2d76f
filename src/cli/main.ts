/**
 * The command line: a thin shell over `generate()`. Exit codes (PRODUCT.md): 0 success,
 * 1 `--check` found drift, 2 bad input, 3 an internal error (a bug: please report it).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { DiagnosticError, formatDiagnostic } from "../diagnostics/diagnostic.js";
import { compareWithDisk, defaultOutput, generate, type GenerateOptions } from "../generate.js";
import { generatorVersion } from "../version.js";
import { DEFAULT_CONFIG, readConfig } from "./config.js";

interface Arguments {
  specs: string[];
  output?: string;
  overlay: string[];
  config?: string;
  check: boolean;
  quiet: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const parsed = yargs(argv)
    .scriptName("gen-auth-client")
    .usage("$0 [spec..] [options]\n\nGenerate a typed TypeScript client, authentication included, from OpenAPI documents.")
    .command("$0 [specs..]", false)
    .positional("specs", { type: "string", array: true, describe: "OpenAPI documents (YAML or JSON)" })
    .option("output", { alias: "o", type: "string", describe: "Output folder (with several specs: the parent of one folder per spec)" })
    .option("overlay", { type: "string", array: true, default: [], describe: "OpenAPI Overlay 1.0 file applied before generation (repeatable)" })
    .option("config", { alias: "c", type: "string", describe: `Config file listing specs (default: ./${DEFAULT_CONFIG} when no spec is given)` })
    .option("check", { type: "boolean", default: false, describe: "Write nothing; exit 1 if any output differs from what would be generated" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print only errors" })
    .example("$0 specs/api.yml", "write generated/api/")
    .example("$0 specs/api.yml -o src/clients/api", "write src/clients/api/")
    .example("$0 --check", `check every client of ./${DEFAULT_CONFIG} is current (for CI)`)
    .version(generatorVersion)
    .strict()
    .help()
    .parseSync();
  return {
    specs: (parsed.specs as string[] | undefined) ?? [],
    ...(parsed.output === undefined ? {} : { output: parsed.output }),
    overlay: parsed.overlay as string[],
    ...(parsed.config === undefined ? {} : { config: parsed.config }),
    check: parsed.check,
    quiet: parsed.quiet,
  };
}

async function targets(args: Arguments): Promise<GenerateOptions[]> {
  if (args.specs.length > 0) {
    return args.specs.map((spec) => ({
      spec,
      overlays: args.overlay,
      ...(args.output === undefined ? {} : { output: args.specs.length === 1 ? args.output : join(args.output, defaultOutput(spec).split(/[\\/]/).pop()!) }),
    }));
  }
  const config = args.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  if (config === undefined) {
    throw new DiagnosticError([{ severity: "error", file: DEFAULT_CONFIG, message: "no spec given and no config file found (try: gen-auth-client spec.yml)" }]);
  }
  return readConfig(config);
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
  const log = (line: string): void => {
    if (!args.quiet) process.stdout.write(`${line}\n`);
  };
  try {
    let drifted = false;
    for (const target of await targets(args)) {
      const started = performance.now();
      const result = await generate({ ...target, write: !args.check });
      for (const warning of result.warnings) process.stderr.write(`${formatDiagnostic(warning)}\n`);
      const elapsed = `${Math.round(performance.now() - started)} ms`;
      if (!args.check) {
        log(`${result.spec} → ${result.output}/ (${result.files.size} files, ${elapsed})`);
        continue;
      }
      const drift = await compareWithDisk(result);
      if (drift.length === 0) {
        log(`${result.output}/ is current (${elapsed})`);
      } else {
        drifted = true;
        process.stdout.write(`${result.output}/ differs from ${result.spec}:\n`);
        for (const d of drift) process.stdout.write(`  ${d.change}: ${result.output}/${d.path}\n`);
      }
    }
    if (drifted) process.stdout.write("Run gen-auth-client without --check to update.\n");
    return drifted ? 1 : 0;
  } catch (error) {
    if (error instanceof DiagnosticError) {
      for (const d of error.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      return 2;
    }
    process.stderr.write(`gen-auth-client: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug; please report it with the document that caused it.\n`);
    return 3;
  }
}

process.exitCode = await main(hideBin(process.argv));
