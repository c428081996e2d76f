// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
/**
 * What the pipeline derives from an operation's static description, computed once on the
 * operation's first call and kept beside it (a WeakMap keyed by the OperationSpec): the
 * Accept header and the path template split into literal text and parameters. Every call
 * of an operation used to re-derive them; they cannot change, since the spec is a constant.
 */
import { acceptHeader } from "./body.js";
import type { OperationSpec, ParameterSpec } from "./operation.js";
import { declaredKinds } from "./responses.js";
import { serializePathParameter } from "./serialize.js";

export interface OperationPlan {
  /** The Accept header for the declared responses (RFC 9110 §12.5.1); undefined when none has content. */
  readonly accept: string | undefined;
  /** The path template, `/`-separated segments: literal text as it is sent, or text and parameters in turn. */
  readonly segments: readonly Segment[];
  /** The whole path when the template has no parameters. */
  readonly staticPath: string | undefined;
}

/** A literal segment, or one with parameters: `parts` alternates text and parameters, text first and last. */
type Segment = string | { readonly parts: readonly (string | ParameterSpec)[] };

const plans = new WeakMap<OperationSpec, OperationPlan>();

export function planFor(op: OperationSpec): OperationPlan {
  let plan = plans.get(op);
  if (plan === undefined) {
    plan = compile(op);
    plans.set(op, plan);
  }
  return plan;
}

function compile(op: OperationSpec): OperationPlan {
  const byName = new Map(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, p]));
  const segments = op.path.split("/").map((segment): Segment => {
    const pieces = segment.split(/\{([^{}]+)\}/);
    if (pieces.length === 1) return literal(segment);
    return {
      parts: pieces.map((piece, i) =>
        i % 2 === 0 ? literal(piece) : (byName.get(piece) ?? { name: piece, in: "path", style: "simple", explode: false }),
      ),
    };
  });
  return {
    accept: acceptHeader(declaredKinds(op.responses)),
    segments,
    staticPath: segments.every((segment) => typeof segment === "string") ? segments.join("/") : undefined,
  };
}

/**
 * Literal template text as the URL's path keeps it. The URL is built as a string and parsed
 * once by fetch, which percent-encodes the path as the `pathname` setter does (WHATWG URL,
 * path percent-encode set) except for "?" and "#": those would end the path there, so
 * they are encoded here.
 */
function literal(text: string): string {
  return text.replace(/[?#]/g, (c) => (c === "?" ? "%3F" : "%23"));
}

/** WHATWG URL treats ".", "..", and their %2e spellings as dot-segments and removes them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Expands the path template with the call's values. Path parameters are always required
 * (OpenAPI 3 §4.8.12.2), so a missing one is an argument error, as is a value that would
 * become a whole "." or ".." segment: URL parsing would remove it and the request would
 * reach a different resource.
 */
export function expandPlannedPath(operation: string, plan: OperationPlan, values: Readonly<Record<string, unknown>> | undefined): string {
  if (plan.staticPath !== undefined) return plan.staticPath;
  let missing: string[] | undefined;
  let path = "";
  for (let s = 0; s < plan.segments.length; s++) {
    const segment = plan.segments[s]!;
    if (s > 0) path += "/";
    if (typeof segment === "string") {
      path += segment;
      continue;
    }
    let expanded = "";
    for (const part of segment.parts) {
      if (typeof part === "string") {
        expanded += part;
        continue;
      }
      const value = values !== undefined && Object.hasOwn(values, part.name) ? values[part.name] : undefined;
      if (value === undefined || value === null) (missing ??= []).push(part.name);
      else expanded += serializePathParameter(part, value);
    }
    if (DOT_SEGMENT.test(expanded)) {
      throw new TypeError(`${operation}: a path parameter would make a "." or ".." path segment`);
    }
    path += expanded;
  }
  if (missing !== undefined) {
    throw new TypeError(`${operation}: missing required path parameter ${missing.map((n) => `"${n}"`).join(", ")}`);
  }
  return path;
}
