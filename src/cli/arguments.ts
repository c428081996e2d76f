/**
 * The command line's arguments. yargs reads them, except for the invocations a build runs again
 * and again (`gen-auth-client`, `gen-auth-client --check`, with `--quiet`, `--json`, `--force` or
 * `--config <file>`), which are read here without it: loading yargs costs more than checking every
 * client of a project from its header (~0.1 s of a ~0.25 s run). Anything else (specs, `--help`,
 * `--version`, a mistake) goes through yargs, which prints help and usage errors.
 */
import { generatorVersion } from "../version.js";

export interface Arguments {
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

export function usageError(message: string): never {
  process.stderr.write(`gen-auth-client: ${message}\nRun gen-auth-client --help for usage.\n`);
  process.exit(2);
}

export async function parseArguments(argv: string[]): Promise<Arguments> {
  const { default: yargs } = await import("yargs");
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

const QUICK_FLAGS: Record<string, "check" | "force" | "json" | "quiet"> = {
  "--check": "check",
  "--force": "force",
  "-f": "force",
  "--json": "json",
  "--quiet": "quiet",
  "-q": "quiet",
};

/**
 * The arguments of a run over the config file with boolean flags only (and maybe `--config
 * <file>`), or undefined for anything else. These mean the same to yargs (a test compares them).
 */
export function quickArguments(argv: readonly string[]): Arguments | undefined {
  const args: Arguments = { specs: [], overlay: [], allowRemoteRefs: false, allowRefsOutsideFolder: false, check: false, watch: false, force: false, json: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = QUICK_FLAGS[arg];
    if (flag !== undefined) {
      args[flag] = true;
    } else if ((arg === "--config" || arg === "-c") && args.config === undefined && i + 1 < argv.length && !argv[i + 1]!.startsWith("-") && argv[i + 1] !== "") {
      args.config = argv[++i]!;
    } else {
      return undefined;
    }
  }
  return args;
}
