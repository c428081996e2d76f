/**
 * Everything the CLI prints goes through here, so that the modes stay consistent:
 *
 * - human (default): a line per spec on stdout, diagnostics on stderr as
 *   `file:line:column: severity: message (at /pointer)`;
 * - `--quiet`: errors only (and `--check`'s drift, which is the failure being reported);
 * - `--json`: stdout carries only the JSON report (one document; one per line in watch mode)
 *   and stderr stays silent, since the report holds the diagnostics;
 * - GitHub Actions (`GITHUB_ACTIONS=true`, not with `--json`): each diagnostic and drifted file
 *   is also printed as a workflow command (`::error file=…,line=…,col=…::message`), which the
 *   runner turns into an annotation on the file.
 *
 * On a terminal, a spinner on stderr names the spec being generated once a run has taken more
 * than a moment; it is erased before anything else is printed.
 */
import { formatDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  /** Print GitHub Actions workflow commands as well. */
  github: boolean;
  /** Show the progress indicator (stderr is a terminal). */
  progress: boolean;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const PROGRESS_AFTER_MS = 300;

/** Workflow command escaping, as @actions/core does it (toCommandValue / escapeData / escapeProperty). */
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function githubAnnotation(d: Diagnostic): string {
  const properties = [`file=${escapeProperty(d.file)}`];
  if (d.line !== undefined) properties.push(`line=${d.line}`);
  if (d.column !== undefined) properties.push(`col=${d.column}`);
  const pointer = d.pointer === undefined ? "" : ` (at ${d.pointer === "" ? "/" : d.pointer})`;
  return `::${d.severity} ${properties.join(",")}::${escapeData(d.message + pointer)}`;
}

export class Output {
  readonly options: OutputOptions;
  private label: string | undefined;
  private since = 0;
  private specSince = 0;
  private frame = 0;
  private drawn = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: OutputOptions) {
    this.options = options;
  }

  /** A line of the human report (stdout), not shown with --quiet or --json. */
  info(line: string): void {
    if (this.options.quiet || this.options.json) return;
    this.write(process.stdout, line);
  }

  /** A line explaining a failure (stdout), shown even with --quiet. */
  failure(line: string): void {
    if (this.options.json) return;
    this.write(process.stdout, line);
  }

  diagnostic(d: Diagnostic): void {
    if (this.options.json || (this.options.quiet && d.severity !== "error")) return;
    this.write(process.stderr, formatDiagnostic(d));
    if (this.options.github) this.write(process.stdout, githubAnnotation(d));
  }

  /** A file `--check` found out of date, as an annotation on it (GitHub Actions only). */
  driftAnnotation(file: string, message: string): void {
    if (this.options.json || !this.options.github) return;
    this.write(process.stdout, githubAnnotation({ severity: "error", file, message }));
  }

  /** A bug: always printed, whatever the mode, since the report cannot explain it. */
  internalError(message: string): void {
    this.write(process.stderr, `gen-auth-client: internal error: ${message}\nThis is a bug; please report it with the document that caused it.`);
  }

  json(value: unknown, pretty: boolean): void {
    if (!this.options.json) return;
    this.write(process.stdout, pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value));
  }

  /** Names the spec being worked on (`[2/9] specs/api.yml`); undefined when the run is over. */
  progress(label: string | undefined): void {
    if (!this.options.progress || this.options.json || this.options.quiet) return;
    if (label !== undefined && this.label === undefined) this.since = performance.now();
    this.specSince = performance.now();
    this.label = label;
    if (label === undefined) {
      this.erase();
      clearInterval(this.timer);
      this.timer = undefined;
    } else {
      this.timer ??= setInterval(() => this.draw(), 80).unref();
    }
  }

  private draw(): void {
    if (this.label === undefined || performance.now() - this.since < PROGRESS_AFTER_MS) return;
    const width = (process.stderr.columns || 80) - 1;
    const seconds = ((performance.now() - this.specSince) / 1000).toFixed(1);
    const text = `${FRAMES[this.frame++ % FRAMES.length]} ${this.label} (${seconds} s)`;
    process.stderr.write(`\r\x1b[2K${text.length > width ? text.slice(0, width) : text}`);
    this.drawn = true;
  }

  private erase(): void {
    if (!this.drawn) return;
    process.stderr.write("\r\x1b[2K");
    this.drawn = false;
  }

  private write(stream: NodeJS.WriteStream, line: string): void {
    this.erase();
    stream.write(`${line}\n`);
  }
}
