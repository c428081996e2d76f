// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Choosing which credentials one call sends, from its Security Requirement Objects
 * (OpenAPI 3 §4.8.30): "When a list of Security Requirement Objects is defined on the
 * OpenAPI Object or Operation Object, only one of the Security Requirement Objects in the
 * list needs to be satisfied", and within one object "all schemes MUST be satisfied". An
 * empty object `{}` makes security optional; an empty list `[]` means anonymous.
 */
import type { AppliedCredentials, SchemeAuth } from "./auth.js";
import type { SecurityAlternative } from "./operation.js";
import { isAuthError, type AuthError } from "./result.js";

/** The schemes chosen for one call, each with the scopes its alternative asks for. Empty: send nothing. */
export type SecurityChoice = readonly (readonly [scheme: string, scopes: readonly string[]])[];


/**
 * The first alternative all of whose schemes are configured; else nothing, when `{}` (or
 * `[]`) allows anonymous calls; else a `missing_credentials` AuthError naming every
 * alternative, so that the call fails before any request is sent.
 */
export function chooseSecurity(
  operation: string,
  security: readonly SecurityAlternative[],
  schemes: Readonly<Record<string, SchemeAuth>>,
): SecurityChoice | AuthError {
  if (security.length === 0) return [];
  let optional = false;
  for (const alternative of security) {
    const entries = Object.entries(alternative);
    if (entries.length === 0) {
      // `{}` is satisfied by sending nothing, but an alternative with credentials, listed
      // anywhere, is preferred: the server may answer more when it knows the caller.
      optional = true;
      continue;
    }
    if (entries.every(([name]) => Object.hasOwn(schemes, name) && schemes[name]!.configured)) {
      return entries.map(([name, scopes]) => [name, scopes] as const);
    }
  }
  if (optional) return [];

  const alternatives = security.map((alternative) => Object.keys(alternative)).filter((names) => names.length > 0);
  const mentioned = [...new Set(alternatives.flat())];
  const wanted = alternatives.map((names) => names.join(" + "));
  const need = wanted.length === 1 ? wanted[0]! : `one of: ${wanted.join(", or ")}`;
  return {
    kind: "auth",
    reason: "missing_credentials",
    message: `${operation} needs credentials for ${need}; none is configured`,
    schemes: mentioned,
  };
}

/**
 * Asks each chosen scheme for its credentials, in order (a scheme may fetch a token).
 * The first failure is returned as it is: it names its own scheme. Returns without a
 * Promise when every scheme answered at once, as a cached token does.
 */
export function applySecurity(
  choice: SecurityChoice,
  schemes: Readonly<Record<string, SchemeAuth>>,
  signal?: AbortSignal,
  applied: AppliedCredentials[] = [],
): readonly AppliedCredentials[] | AuthError | Promise<readonly AppliedCredentials[] | AuthError> {
  for (let i = applied.length; i < choice.length; i++) {
    const [name, scopes] = choice[i]!;
    const result = schemes[name]!.apply(scopes, signal);
    // A scheme that has to wait: the rest follows once it has answered.
    if ("then" in result) return result.then((answer) => (isAuthError(answer) ? answer : applySecurity(choice, schemes, signal, [...applied, answer])));
    if (isAuthError(result)) return result;
    applied.push(result);
  }
  return applied;
}
