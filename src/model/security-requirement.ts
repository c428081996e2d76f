/**
 * Security Requirement Object, OpenAPI 3.1 §4.8.30, and its use in §4.8.10 / §4.8.1:
 * the operation's `security` replaces the root's; the list is of alternatives (any one
 * suffices); each alternative needs all its schemes; `{}` makes security optional; `[]`
 * removes it. Kept in that shape: flattening loses the AND.
 */
import type { SecurityAlternative } from "./types.js";
import { isObject } from "./ref.js";

export function securityRequirements(
  rootSecurity: unknown,
  operationSecurity: unknown,
  knownSchemes: ReadonlySet<string>,
  report: (index: number, message: string) => void,
): SecurityAlternative[] {
  const declared = operationSecurity === undefined ? rootSecurity : operationSecurity;
  if (!Array.isArray(declared)) return [];
  return declared.filter(isObject).map((alternative, index) => {
    const unknown = Object.keys(alternative).filter((scheme) => !knownSchemes.has(scheme));
    if (unknown.length > 0) {
      // Kept, not dropped: dropping the scheme would weaken an AND (or turn it into `{}`,
      // "optional"); with an unknown scheme the alternative simply can never be met.
      report(index, `security requirement names ${unknown.map((s) => `"${s}"`).join(", ")}, which components.securitySchemes does not define`);
    }
    return Object.entries(alternative).map(([scheme, scopes]) => ({
      scheme,
      scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [],
    }));
  });
}