/**
 * The programmatic API. Importing it is cheap: the generation pipeline loads on the first
 * `generate()` call, so a config file may `import { defineConfig } from "gen-auth-client"`.
 *
 * @example
 * import { generate, compareWithDisk } from "gen-auth-client";
 * const result = await generate({ spec: "specs/api.yml", output: "src/api" }); // nothing written
 * const drift = await compareWithDisk(result); // [] when src/api holds exactly result.files
 */
export {
  generate,
  compareWithDisk,
  checkUpToDate,
  defaultOutput,
  type GenerateOptions,
  type GenerateResult,
  type Drift,
  type UpToDate,
} from "./generate.js";
export { defineConfig, findConfig, loadConfig, CONFIG_FILES, type Config, type ClientConfig, type ConfigExport, type LoadedConfig } from "./cli/config.js";
/** The shape of `gen-auth-client --json` output (one report; one per line with --watch). */
export type { RunReport, SpecReport, SpecStatus, FileChange } from "./cli/run.js";
export { DiagnosticError, formatDiagnostic, type Diagnostic } from "./diagnostics/diagnostic.js";
export type { ApiModel } from "./model/types.js";
