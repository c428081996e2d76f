// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * What the pipeline derives from an operation's static description, computed once on the
 * operation's first call and kept beside it (a WeakMap keyed by the OperationSpec): the
 * Accept header, the path template as it is sent, and its parameters by name, which the
 * path serializer the client imports (serialize.ts `expandPath`, `expandSimplePath`) expands. Every call
 * of an operation used to re-derive them; they cannot change, since the spec is a constant.
 */
import { acceptHeader } from "./body.js";
import type { OperationSpec, ParameterSpec } from "./operation.js";
import { declaredKinds } from "./responses.js";

export interface OperationPlan {
  /** The Accept header for the declared responses (RFC 9110 §12.5.1); undefined when none has content. */
  readonly accept: string | undefined;
  /** The path template, its literal text as it is sent (see `literal`). */
  readonly path: string;
  /** The path parameters by name; undefined when the template has none, so the path is sent as it is. */
  readonly parameters: ReadonlyMap<string, ParameterSpec> | undefined;
}

const plans = new WeakMap<OperationSpec, OperationPlan>();

export function planFor(op: OperationSpec): OperationPlan {
  let plan = plans.get(op);
  if (plan === undefined) {
    plan = {
      accept: acceptHeader(declaredKinds(op.responses)),
      path: literal(op.path),
      parameters: op.path.includes("{") ? new Map(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, p])) : undefined,
    };
    plans.set(op, plan);
  }
  return plan;
}

/**
 * The template's literal text as the URL's path keeps it. The URL is built as a string and parsed
 * once by fetch, which percent-encodes the path as the `pathname` setter does (WHATWG URL,
 * path percent-encode set) except for "?" and "#": those would end the path there, so
 * they are encoded here.
 */
function literal(template: string): string {
  // Parameter names, in braces, are left as they are: they are looked up, not sent.
  return template.replace(/\{[^{}]*\}|[?#]/g, (c) => (c === "?" ? "%3F" : c === "#" ? "%23" : c));
}
