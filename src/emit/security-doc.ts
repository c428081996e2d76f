/** The "Security:" line of a method's JSDoc, read by a person in an editor's hover. */
import type { SecurityAlternative } from "../model/types.js";
import { jsdocCode } from "./encode.js";

function describeAlternative(alternative: SecurityAlternative): string {
  if (alternative.length === 0) return "anonymous";
  return alternative
    .map(({ scheme, scopes }) => (scopes.length === 0 ? jsdocCode(scheme) : `${jsdocCode(scheme)} (scopes: ${scopes.map(jsdocCode).join(", ")})`))
    .join(" and ");
}

export function describeSecurity(security: readonly SecurityAlternative[]): string {
  if (security.length === 0) return "Security: none (anonymous).";
  if (security.length === 1) return `Security: ${describeAlternative(security[0]!)}.`;
  return `Security: ${security.map(describeAlternative).join(", or ")}.`;
}
