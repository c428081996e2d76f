/**
 * The command line: a thin shell over `generate()`. Exit codes (PRODUCT.md): 0 success,
 * 1 `--check` found drift, 2 bad input (usage errors included), 3 an internal error (a bug).
 *
 * Only yargs is imported up front; the rest is imported once the arguments are known, and the
 * pipeline itself only when a spec has to be generated, so `--help`, `--version` and a run that
 * skips every unchanged spec start fast.
 */
import { resolve } from "node:path";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { generatorVersion } from "../version.js";

interface Arguments {
  specs: string[];
  output?: string;
  overlay: string[];
  allowRemoteRefs: boolean;
  allowRefsOutsideFolder: boolean;
  config?: string;
  check: boolean;
  watch: boolean;
  force: boolean;
  json: boolean;
  quiet: boolean;
}

function usageError(message: string): never {
  process.stderr.write(`gen-auth-client: ${message}\nRun gen-auth-client --help for usage.\n`);
  process.exit(2);
}

function parseArguments(argv: string[]): Arguments {
  const parsed = yargs(argv)
    .scriptName("gen-auth-client")
    .usage(
      "$0 [spec..] [options]\n\nGenerate a typed TypeScript client, authentication included, from OpenAPI documents.\n" +
        "With no spec, generates every client of the config file (gen-auth-client.config.json, .mjs or .ts,\nlooked for from the working directory upwards).",
    )
    .command("$0 [specs..]", false)
    .positional("specs", { type: "string", array: true, describe: "OpenAPI documents (YAML or JSON)" })
    .option("output", { alias: "o", type: "string", describe: "Output folder (with several specs: the parent of one folder per spec)" })
    .option("overlay", { type: "string", array: true, default: [], describe: "OpenAPI Overlay 1.0 file applied before generation (repeatable)" })
    .option("allow-remote-refs", { type: "boolean", default: false, describe: "Fetch http(s) $refs (never from loopback or private addresses)" })
    .option("allow-refs-outside-folder", { type: "boolean", default: false, describe: "Follow file $refs that leave the spec's folder" })
    .option("config", { alias: "c", type: "string", describe: "Config file listing the clients (default: the nearest gen-auth-client.config.{json,mjs,ts})" })
    .option("check", { type: "boolean", default: false, describe: "Write nothing; exit 1 naming every stale, missing or extra file (with a short diff)" })
    .option("watch", { alias: "w", type: "boolean", default: false, describe: "Regenerate when a spec, a file it $refs, an overlay or the config changes" })
    .option("force", { alias: "f", type: "boolean", default: false, describe: "Generate even specs whose output records unchanged inputs" })
    .option("json", { type: "boolean", default: false, describe: "Print a machine-readable report on stdout (one line per pass with --watch)" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print only errors" })
    .example("$0 specs/api.yml", "write generated/api/")
    .example("$0 specs/api.yml -o src/clients/api --overlay specs/api.overlay.yml", "apply an overlay, write src/clients/api/")
    .example("$0", "generate every client of the config file (unchanged ones are skipped)")
    .example("$0 --watch", "regenerate on every change")
    .example("$0 --check", "in CI: exit 1 if a committed client is not what its spec generates")
    .example("$0 --check --json > report.json", "the same, with a machine-readable report")
    .epilogue(
      "Exit codes: 0 success; 1 --check found drift; 2 bad input (unreadable file, invalid document, broken $ref, bad config), " +
        "printed as file:line:column: error: message (at /json/pointer); 3 an internal error (a bug: please report it).\n" +
        "Under GitHub Actions (GITHUB_ACTIONS=true) problems are also printed as ::error annotations.",
    )
    .version(generatorVersion)
    .strict()
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error !== undefined && error !== null) throw error;
      usageError(message);
    })
    .parseSync();
  return {
    specs: (parsed.specs as string[] | undefined) ?? [],
    ...(parsed.output === undefined ? {} : { output: parsed.output }),
    overlay: parsed.overlay as string[],
    allowRemoteRefs: parsed["allow-remote-refs"] === true,
    allowRefsOutsideFolder: parsed["allow-refs-outside-folder"] === true,
    ...(parsed.config === undefined ? {} : { config: parsed.config }),
    check: parsed.check,
    watch: parsed.watch,
    force: parsed.force,
    json: parsed.json,
    quiet: parsed.quiet,
  };
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
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

process.exitCode = await main(hideBin(process.argv));
