/**
 * `--watch`: regenerate when a spec, a file it `$ref`s, an overlay or the config file changes.
 *
 * Folders are watched, not files: editors often save by writing a temporary file and renaming it
 * over the original, which ends a watch on the original file (its inode is gone) but shows up in
 * its folder as an event for the file's name. Events are debounced (one editor save is several
 * events) and a pass never overlaps another; changes met during a pass make one more pass.
 *
 * Each pass uses the same skip test as a plain run, so a touched-but-equal file, or a config edit
 * that leaves a client alone, costs no generation. A pass that fails (an invalid intermediate save)
 * prints its diagnostics and keeps watching what the spec was last known to read, plus the spec.
 */
import { watch as watchFolder, type FSWatcher } from "node:fs";
import { dirname, resolve } from "node:path";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { GenerateOptions } from "../generate.js";
import { displayPath } from "./config.js";
import type { Output } from "./output.js";
import { configErrorReport, runPass } from "./run.js";

export interface WatchOptions {
  /** Generate everything on the first pass even when unchanged. */
  force: boolean;
  debounceMs: number;
  /** The config file (absolute path) when the specs come from one; it is watched too. */
  config?: string;
}

export interface Targets {
  targets: GenerateOptions[];
  warnings: Diagnostic[];
}

/** Runs until SIGINT or SIGTERM; resolves with the exit code (0: stopped on request). */
export async function watch(load: () => Promise<Targets>, options: WatchOptions, out: Output): Promise<number> {
  let targets: GenerateOptions[] = [];
  let warnings: Diagnostic[] = [];
  const sources = new Map<number, Set<string>>(); // target index → absolute paths it reads
  const watchers = new Map<string, FSWatcher>(); // folder → its watcher
  const changed = new Set<string>();
  let configChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let watchedCount = -1;
  const config = options.config === undefined ? undefined : displayPath(options.config);

  const reload = async (): Promise<boolean> => {
    try {
      ({ targets, warnings } = await load());
      sources.clear();
      return true;
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      for (const d of error.diagnostics) out.diagnostic(d);
      out.json(configErrorReport(config, error.diagnostics), false);
      return false;
    }
  };

  const pass = async (indexes: number[], force: boolean): Promise<void> => {
    const report = await runPass(
      indexes.map((i) => targets[i]!),
      { check: false, force, ...(config === undefined ? {} : { config }), diagnostics: warnings },
      out,
    );
    warnings = []; // config warnings: once per config load
    report.specs.forEach((spec, j) => {
      const i = indexes[j]!;
      const known = spec.sources.map((s) => resolve(s));
      // A failed load knows less than the last good one; keep watching both.
      sources.set(i, new Set(spec.status === "error" ? [...(sources.get(i) ?? []), ...known] : known));
    });
    out.json(report, false);
  };

  const watched = (): Set<string> => {
    const files = new Set<string>();
    if (options.config !== undefined) files.add(resolve(options.config));
    for (const set of sources.values()) for (const file of set) files.add(file);
    return files;
  };

  const onEvent = (folder: string, name: string | Buffer | null): void => {
    if (stopped) return;
    if (name === null) return;
    const file = resolve(folder, name.toString());
    if (options.config !== undefined && file === resolve(options.config)) configChanged = true;
    else if (![...sources.values()].some((set) => set.has(file))) return;
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };

  const updateWatchers = (): void => {
    const files = watched();
    const folders = new Set([...files].map((f) => dirname(f)));
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watchFolder(folder, { persistent: true }, (_event, name) => onEvent(folder, name));
        // A folder removed while watched: forget it; the next pass tries again.
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // The folder does not exist (yet): a $ref to a file not written yet. Tried after the next pass.
      }
    }
    if (files.size !== watchedCount) {
      watchedCount = files.size;
      out.info(`Watching ${files.size} file${files.size === 1 ? "" : "s"} for changes (Ctrl-C to stop).`);
    }
  };

  const flush = (): void => {
    if (stopped) return;
    if (running !== undefined) return; // the pass in progress flushes again when it ends
    if (changed.size === 0 && !configChanged) return;
    const files = [...changed];
    changed.clear();
    const all = configChanged;
    configChanged = false;
    out.info(`Changed: ${files.map((f) => displayPath(f)).join(", ")}`);
    running = (async () => {
      if (all) {
        if (await reload()) await pass(targets.map((_, i) => i), false);
      } else {
        const indexes = [...sources].filter(([, set]) => files.some((f) => set.has(f))).map(([i]) => i);
        await pass(indexes, false);
      }
    })()
      .catch((error: unknown) => out.internalError(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        updateWatchers();
        flush();
      });
  };

  if (await reload()) await pass(targets.map((_, i) => i), options.force);
  updateWatchers();

  return new Promise<number>((done) => {
    const stop = (): void => {
      if (stopped) process.exit(130); // a second Ctrl-C while a pass finishes
      stopped = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      void (running ?? Promise.resolve()).then(() => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        out.progress(undefined);
        done(0);
      });
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
