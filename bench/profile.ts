/**
 * Where the time goes in a `node --cpu-prof` profile of gen-auth-client, by pipeline phase.
 *
 *   node --cpu-prof --cpu-prof-dir=bench/.work/prof bin/gen-auth-client.js <spec> -o bench/.work/prof/out
 *   npx tsx bench/profile.ts bench/.work/prof/<file>.cpuprofile [--top=25]
 *
 * Each sample is charged to a phase by the innermost frame of ours (dist/<stage>/<module>.js) on
 * its stack, or else by the package its leaf frame is in (an `await` cuts the stack, so a
 * continuation inside Prettier shows no frame of ours); garbage collection and other native
 * samples are charged to the phase of the sample before them.
 */
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const OURS: [RegExp, string][] = [
  [/\/dist\/emit\/(schema-types\.js|schema\/)/, "emit: schema.ts"],
  [/\/dist\/emit\/layout\.js$/, "emit: layout printer"],
  [/\/dist\/emit\/template\.js$/, "emit: templates (Handlebars)"],
  [/\/dist\/emit\//, "emit: views, encoders"],
  [/\/dist\/load\/(parse|json-syntax|json|locate|read)\.js$/, "load: read + parse with positions"],
  [/\/dist\/load\/validate\.js$/, "load: validate"],
  [/\/dist\/load\/(openapi-schema\.js|validators\/)/, "load: validate"],
  [/\/dist\/load\/(bundle|refs)\.js$/, "load: bundle $refs"],
  [/\/dist\/load\/convert\.js$/, "load: convert Swagger 2.0"],
  [/\/dist\/load\//, "load: other"],
  [/\/dist\/model\//, "model"],
  [/\/dist\/write\//, "write"],
  [/\/dist\/cli\//, "cli"],
];

const PACKAGES: [RegExp, string][] = [
  // Neither runs at generation any more; kept so that a profile of an older build still reads.
  [/node_modules\/prettier\//, "emit: Prettier"],
  [/node_modules\/(openapi-typescript|@redocly|typescript)\//, "emit: schema.ts (openapi-typescript)"],
  [/node_modules\/handlebars\//, "emit: templates (Handlebars)"],
  [/node_modules\/yaml\//, "load: read + parse with positions"],
  [/node_modules\/(ajv|@apidevtools\/swagger-parser|z-schema|@apidevtools\/openapi-schemas)\//, "load: validate"],
  [/node_modules\/@apidevtools\/json-schema-ref-parser\//, "load: bundle $refs"],
  [/node_modules\/@scalar\//, "load: convert Swagger 2.0"],
  [/^node:internal\/(modules|deps\/cjs-module-lexer|bootstrap)/, "module loading"],
];

export function phases(profile: Profile): { total: number; byPhase: Map<string, number>; byFunction: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map<number, string | undefined>();
  const classify = (id: number): string | undefined => {
    if (phaseOf.has(id)) return phaseOf.get(id);
    let phase: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined && phase === undefined; cur = parent.get(cur)) {
      const url = nodes.get(cur)!.callFrame.url;
      phase = OURS.find(([re]) => re.test(url))?.[1];
    }
    if (phase === undefined) {
      const url = nodes.get(id)!.callFrame.url;
      phase = PACKAGES.find(([re]) => re.test(url))?.[1];
    }
    phaseOf.set(id, phase);
    return phase;
  };
  const byPhase = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let previous = "other";
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === "(idle)") {
      byPhase.set("idle (waiting on I/O)", (byPhase.get("idle (waiting on I/O)") ?? 0) + dt);
      continue;
    }
    const native = frame.url === "";
    // Ajv's compiled validators have no URL.
    let phase = native && /^validate\d*$/.test(frame.functionName) ? "load: validate" : classify(id);
    if (phase === undefined) phase = native ? previous : "other";
    if (frame.functionName === "(garbage collector)") phase = `${previous} [GC]`;
    else previous = phase;
    byPhase.set(phase, (byPhase.get(phase) ?? 0) + dt);
    const where = frame.url.replace(/^.*node_modules\//, "").replace(/^.*\/dist\//, "dist/");
    const key = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
  }
  return { total, byPhase, byFunction };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("profile.ts")) {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write("usage: npx tsx bench/profile.ts <file.cpuprofile> [--top=25]\n");
    process.exit(2);
  }
  const top = Number(/--top=(\d+)/.exec(process.argv.slice(3).join(" "))?.[1] ?? 25);
  const { total, byPhase, byFunction } = phases(JSON.parse(readFileSync(file, "utf8")) as Profile);
  const line = ([name, us]: [string, number]) => `${(us / 1e6).toFixed(2).padStart(8)} s ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`;
  // Fold "X [GC]" into a second column view: phases first, each with its GC share.
  const merged = new Map<string, { cpu: number; gc: number }>();
  for (const [name, us] of byPhase) {
    const base = name.replace(/ \[GC\]$/, "");
    const entry = merged.get(base) ?? { cpu: 0, gc: 0 };
    if (name.endsWith("[GC]")) entry.gc += us;
    else entry.cpu += us;
    merged.set(base, entry);
  }
  process.stdout.write(`total ${(total / 1e6).toFixed(2)} s sampled\n\nphase (time incl. the GC it caused; GC part)\n`);
  for (const [name, { cpu, gc }] of [...merged].sort((a, b) => b[1].cpu + b[1].gc - (a[1].cpu + a[1].gc))) {
    process.stdout.write(`${line([name, cpu + gc])}   (GC ${(gc / 1e6).toFixed(2)} s)\n`);
  }
  process.stdout.write(`\nself time by function (top ${top})\n`);
  for (const entry of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${line(entry)}\n`);
}
