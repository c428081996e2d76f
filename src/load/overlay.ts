/**
 * OpenAPI Overlay Specification 1.0.0 (https://spec.openapis.org/overlay/v1.0.0.html).
 *
 * §Overlay Object: "The list of actions MUST be applied in sequential order... Actions are
 * applied to the result of the previous updates." §Action Object: `target` is a JSONPath
 * expression; `update` is merged into each selected object or appended to each selected array;
 * `remove: true` removes each selected node from the map or array containing it.
 */
import { JSONPath } from "jsonpath-plus";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { clip, isObject, setOwn, shortMessage, type JsonObject } from "./json.js";
import type { SourceDocument } from "./parse.js";

interface Action {
  index: number;
  target: string;
  update?: unknown;
  remove: boolean;
}

/** Applies one parsed overlay to `root` in place; returns warnings (targets that matched nothing). */
export function applyOverlay(root: JsonObject, overlay: SourceDocument): Diagnostic[] {
  const actions = readActions(overlay);
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const at = (severity: Diagnostic["severity"], pointer: string, message: string): Diagnostic => ({
    severity,
    file: overlay.file,
    pointer,
    ...overlay.locate(pointer),
    message,
  });

  for (const action of actions) {
    const pointer = `/actions/${action.index}`;
    if (!action.remove && action.update === undefined) {
      warnings.push(at("warning", pointer, "the action has neither `update` nor `remove: true`, so it does nothing"));
      continue;
    }
    let matches: Match[];
    try {
      matches = select(root, action.target);
    } catch (error) {
      errors.push(at("error", `${pointer}/target`, `invalid JSONPath target ${clip(action.target)}: ${shortMessage(error, 160)}`));
      continue;
    }
    if (matches.length === 0) {
      warnings.push(at("warning", pointer, `target ${clip(action.target)} matched nothing; the action was not applied`));
      continue;
    }
    if (action.remove) {
      const problem = removeAll(matches);
      if (problem) errors.push(at("error", `${pointer}/target`, problem));
    } else if (action.update !== undefined) {
      for (const match of matches) {
        const problem = update(match, action.update);
        if (problem) {
          errors.push(at("error", `${pointer}/update`, problem));
          break;
        }
      }
    }
  }

  if (errors.length > 0) throw new DiagnosticError(errors);
  return warnings;
}

/** Checks the overlay's shape (Overlay 1.0 §Overlay Object, §Info Object, §Action Object). */
function readActions(overlay: SourceDocument): Action[] {
  const errors: Diagnostic[] = [];
  const error = (pointer: string, message: string) =>
    errors.push({ severity: "error", file: overlay.file, pointer, ...overlay.locate(pointer), message });
  const data = overlay.data;

  if (!isObject(data) || !("overlay" in data)) {
    error("", "not an Overlay document: no `overlay` field");
    throw new DiagnosticError(errors);
  }
  if (typeof data.overlay !== "string" || !/^1\.[01]\.\d+$/.test(data.overlay)) {
    error("/overlay", `unsupported Overlay version ${clip(data.overlay)} (supported: 1.0.x)`);
  }
  const info = data.info;
  if (!isObject(info)) {
    error(isObject(data) && "info" in data ? "/info" : "", "an Overlay must have an `info` object with `title` and `version`");
  } else {
    for (const field of ["title", "version"] as const) {
      if (typeof info[field] !== "string") error(field in info ? `/info/${field}` : "/info", `\`info.${field}\` must be a string`);
    }
  }
  if (!("actions" in data)) {
    error("", "an Overlay must have an `actions` list");
    throw new DiagnosticError(errors);
  }
  if (!Array.isArray(data.actions) || data.actions.length === 0) {
    // §Overlay Object: "The array MUST contain at least one value."
    error("/actions", "`actions` must be a non-empty list");
    throw new DiagnosticError(errors);
  }

  const actions: Action[] = [];
  data.actions.forEach((raw: unknown, index: number) => {
    const pointer = `/actions/${index}`;
    if (!isObject(raw)) {
      error(pointer, "an action must be an object with a `target`");
      return;
    }
    if (typeof raw.target !== "string") {
      error("target" in raw ? `${pointer}/target` : pointer, "an action's `target` must be a JSONPath string");
      return;
    }
    const syntax = checkTarget(raw.target);
    if (syntax) {
      error(`${pointer}/target`, syntax);
      return;
    }
    if ("remove" in raw && typeof raw.remove !== "boolean") error(`${pointer}/remove`, "`remove` must be true or false");
    if ("description" in raw && typeof raw.description !== "string") error(`${pointer}/description`, "`description` must be a string");
    if ("copy" in raw) error(`${pointer}/copy`, "`copy` actions (Overlay 1.1) are not supported");
    actions.push({ index, target: raw.target, update: raw.update, remove: raw.remove === true });
  });
  if (errors.length > 0) throw new DiagnosticError(errors);
  return actions;
}

/**
 * Overlay 1.0 targets are JSONPath; the library also understands its own extensions, and some of
 * them run script. Documents and overlays are untrusted, so script evaluation is disabled
 * (`eval: false`) and the syntax that would reach it, or that only that library understands
 * (`~` property names, `^` parent, `@path`-style variables, backtick escapes), is refused up
 * front with a clear message instead of silently matching nothing.
 */
function checkTarget(target: string): string | undefined {
  // Overlay 1.0 JSON schema: `target` has the pattern "^\$".
  if (!target.startsWith("$")) return `target ${clip(target)} must be a JSONPath expression starting with "$"`;
  let quote: string | undefined;
  for (let i = 0; i < target.length; i++) {
    const c = target[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "?" || c === "(" || c === "@") {
      return `target ${clip(target)} uses a filter or script expression, which is not supported (scripts from input files are never evaluated); select nodes by name, index or wildcard`;
    } else if (c === "~" || c === "^" || c === "`") {
      return `target ${clip(target)} uses "${c}", a jsonpath-plus extension that Overlay 1.0 does not define`;
    }
  }
  if (quote) return `target ${clip(target)} has an unterminated quoted name`;
  return undefined;
}

interface Match {
  value: unknown;
  parent: unknown;
  key: string | number | undefined;
}

function select(root: JsonObject, target: string): Match[] {
  const results = JSONPath({ path: target, json: root, eval: false, resultType: "all", wrap: true }) as Array<{
    value: unknown;
    parent: unknown;
    parentProperty: string | number | null;
  }>;
  return (results ?? []).map((r) => ({
    value: r.value,
    parent: r.parent,
    key: r.parentProperty === null ? undefined : Array.isArray(r.parent) ? Number(r.parentProperty) : String(r.parentProperty),
  }));
}

/**
 * §Action Object `remove`: "the target object is to be removed from the map or array it is
 * contained in". Array items are removed from the highest index down, so that removing one does
 * not shift the others selected by the same target.
 */
function removeAll(matches: Match[]): string | undefined {
  if (matches.some((m) => m.parent === null || m.parent === undefined || m.key === undefined)) {
    return "cannot remove the document root";
  }
  const fromArrays = new Map<unknown[], Set<number>>();
  for (const m of matches) {
    if (!Array.isArray(m.parent)) continue;
    const indexes = fromArrays.get(m.parent) ?? new Set<number>();
    indexes.add(m.key as number);
    fromArrays.set(m.parent, indexes);
  }
  for (const [array, indexes] of fromArrays) {
    for (const index of [...indexes].sort((a, b) => b - a)) array.splice(index, 1);
  }
  for (const m of matches) {
    if (isObject(m.parent)) delete m.parent[m.key as string];
  }
  return undefined;
}

/**
 * §Action Object `update`: "If the target selects an object node, the value of this field should
 * be an object with the properties and values to merge with the node. If the target selects an
 * array, the value of this field should be an entry to append to the array."
 */
function update(match: Match, value: unknown): string | undefined {
  const patch = structuredClone(value);
  if (isObject(match.value)) {
    if (!isObject(patch)) return "`update` must be an object when the target selects an object";
    merge(match.value, patch);
  } else if (Array.isArray(match.value)) {
    // Overlay 1.1 made explicit what 1.0 implies: an array update is concatenated.
    if (Array.isArray(patch)) match.value.push(...patch);
    else match.value.push(patch);
  } else if (isObject(match.parent) && match.key !== undefined) {
    // 1.0 says targets are objects or arrays; 1.1 lets an update replace a primitive, which is
    // what a user selecting a string means.
    setOwn(match.parent, String(match.key), patch);
  } else if (Array.isArray(match.parent) && typeof match.key === "number") {
    match.parent[match.key] = patch;
  } else {
    return "`update` cannot replace the document root";
  }
  return undefined;
}

/**
 * §Action Object: "the properties in the merge object replace properties in the target object
 * with the same name and new properties are appended to the target object", applied recursively
 * (the specification's Structured Overlay example relies on it). Arrays are concatenated, as
 * Overlay 1.1 spells out; any other pair of values is replaced by the update's.
 */
function merge(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    if (isObject(current) && isObject(value)) merge(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) current.push(...value);
    else setOwn(target, key, value);
  }
}
