/**
 * The command line: a thin shell over `generate()`. Exit codes (PRODUCT.md): 0 success,
 * 1 `--check` found drift, 2 bad input (usage errors included), 3 an internal error (a bug).
 *
 * Modules are imported once the arguments are known (yargs only when arguments.ts needs it), and
 * the pipeline itself only when a spec has to be generated, so `--check` of current clients, a run
 * that skips every unchanged spec, `--help` and `--version` start fast.
 */
import { resolve } from "node:path";
import { parseArguments, quickArguments, usageError } from "./arguments.js";

export async function main(argv: string[]): Promise<number> {
  const args = quickArguments(argv) ?? (await parseArguments(argv));
  if (args.specs.length > 0 && args.config !== undefined) usageError("give specs or --config, not both");
  if (args.check && args.watch) usageError("--check and --watch do not go together");
  if (args.specs.length === 0 && (args.output !== undefined || args.overlay.length > 0)) {
    usageError("--output and --overlay go with specs named on the command line; a config file sets them per client");
  }

  const [{ DiagnosticError }, { findConfig, loadConfig, displayPath }, { Output }, { runPass, configErrorReport }, { defaultOutput }] = await Promise.all([
    import("../diagnostics/diagnostic.js"),
    import("./config.js"),
    import("./output.js"),
    import("./run.js"),
    import("../generate.js"),
  ]);
  const out = new Output({
    json: args.json,
    quiet: args.quiet,
    github: process.env.GITHUB_ACTIONS === "true" && !args.json,
    progress: process.stderr.isTTY === true,
  });

  try {
    let configPath: string | undefined;
    if (args.specs.length === 0) {
      configPath = args.config === undefined ? findConfig() : resolve(args.config);
      if (configPath === undefined) {
        throw new DiagnosticError([
          { severity: "error", file: "gen-auth-client.config.json", message: "no spec given and no config file found from here upwards (try: gen-auth-client spec.yml)" },
        ]);
      }
    }
    const load = async () => {
      if (configPath === undefined) {
        const targets = args.specs.map((spec) => ({
          spec,
          overlays: args.overlay,
          ...(args.allowRemoteRefs ? { allowRemoteRefs: true } : {}),
          ...(args.allowRefsOutsideFolder ? { allowRefsOutsideFolder: true } : {}),
          output: args.output === undefined ? defaultOutput(spec) : args.specs.length === 1 ? args.output : resolveJoin(args.output, defaultOutput(spec)),
        }));
        return { targets, warnings: [] };
      }
      const config = await loadConfig(configPath);
      return { targets: config.clients, warnings: config.warnings };
    };
    const config = configPath === undefined ? undefined : displayPath(configPath);

    if (args.watch) {
      const { watch } = await import("./watch.js");
      return await watch(load, { force: args.force, debounceMs: 150, ...(configPath === undefined ? {} : { config: configPath }) }, out);
    }

    let loaded: Awaited<ReturnType<typeof load>>;
    try {
      loaded = await load();
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      for (const d of error.diagnostics) out.diagnostic(d);
      out.json(configErrorReport(config, error.diagnostics, args.check), true);
      return 2;
    }
    const report = await runPass(loaded.targets, { check: args.check, force: args.force, ...(config === undefined ? {} : { config }), diagnostics: loaded.warnings }, out);
    out.json(report, true);
    return report.exitCode;
  } catch (error) {
    if (error instanceof DiagnosticError) {
      for (const d of error.diagnostics) out.diagnostic(d);
      out.json(configErrorReport(undefined, error.diagnostics, args.check), true);
      return 2;
    }
    out.internalError(error instanceof Error ? error.message : String(error));
    return 3;
  }
}

/** With several specs, -o is the parent of one folder per spec: `<output>/<spec base name>`. */
function resolveJoin(output: string, perSpec: string): string {
  return `${output.replace(/[\\/]+$/, "")}/${perSpec.split(/[\\/]/).pop()!}`;
}

// As yargs' `hideBin`: the arguments after the node binary and the script.
process.exitCode = await main(process.argv.slice(2));
