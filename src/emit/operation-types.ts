/**
 * Type expressions for one operation's arguments and result, as indexed accesses into
 * openapi-typescript's `paths` type so that both stay one source of truth.
 */
import type { OperationModel, ResponseModel } from "../model/types.js";
import { join, trusted, type Code } from "./code.js";
import { identifier, indexedAccess, jsdoc, jsdocCode, stringLiteral } from "./encode.js";
import { operationTypeNames } from "../model/naming.js";

export interface ArgMember {
  doc: Code;
  declaration: Code;
}

/** `paths["/oauth/token"]["post"]`. */
export function operationTypeExpression(operation: OperationModel): Code {
  return trusted(`paths${indexedAccess(operation.path).text}${indexedAccess(operation.method.toLowerCase()).text}`);
}

export function typeNames(operation: OperationModel): { operation: Code; args: Code; result: Code } {
  const names = operationTypeNames(operation.name);
  return { operation: identifier(names.operation), args: identifier(names.args), result: identifier(names.result) };
}

const ARG_GROUPS = [
  { location: "path", member: "path", doc: "Path parameters." },
  { location: "query", member: "query", doc: "Query parameters." },
  { location: "header", member: "headers", doc: "Header parameters." },
  { location: "cookie", member: "cookies", doc: "Cookie parameters." },
] as const;

/** The members of the `...Args` interface; `signal` is always last. */
export function argMembers(operation: OperationModel, operationType: Code): ArgMember[] {
  const members: ArgMember[] = [];
  for (const group of ARG_GROUPS) {
    const parameters = operation.parameters.filter((p) => p.in === group.location);
    if (parameters.length === 0) continue;
    const required = parameters.some((p) => p.required);
    members.push({
      doc: jsdoc([group.doc]),
      declaration: trusted(
        `${group.member}${required ? "" : "?"}: ${required ? "" : "NonNullable<"}${operationType.text}["parameters"]${indexedAccess(group.location).text}${required ? "" : ">"};`,
      ),
    });
  }
  const body = operation.requestBody;
  if (body) {
    const requestBody = body.required
      ? trusted(`${operationType.text}["requestBody"]`)
      : trusted(`NonNullable<${operationType.text}["requestBody"]>`);
    members.push({
      doc: jsdoc([body.description, `Sent as ${jsdocCode(body.mediaType)}.`]),
      declaration: trusted(`body${body.required ? "" : "?"}: ${requestBody.text}["content"]${indexedAccess(body.mediaType).text};`),
    });
  }
  members.push({ doc: jsdoc(["Aborts the call, including any token acquisition it waits for."]), declaration: trusted("signal?: AbortSignal;") });
  return members;
}

/**
 * Whether the argument and result types index into the operation's type: an operation with
 * no parameters, no body and no JSON response does not, and its alias would be unused
 * (`noUnusedLocals`).
 */
export function usesOperationType(operation: OperationModel): boolean {
  return operation.parameters.length > 0 || operation.requestBody !== undefined || operation.responses.some((r) => r.bodyKind === "json");
}

export function argsRequired(operation: OperationModel): boolean {
  return operation.parameters.some((p) => p.required) || operation.requestBody?.required === true;
}

/** The declared key as a type: `200`, `"4XX"` or `"default"`. */
function statusType(status: string): Code {
  return /^\d+$/.test(status) ? trusted(status) : stringLiteral(status);
}

function bodyType(operationType: Code, response: ResponseModel): Code {
  switch (response.bodyKind) {
    case "empty":
      return trusted("undefined");
    case "text":
      return trusted("string");
    case "binary":
      return trusted("ArrayBuffer");
    case "json": {
      const key = /^\d+$/.test(response.status) ? Number(response.status) : response.status;
      return trusted(`${operationType.text}["responses"]${indexedAccess(key).text}["content"]${indexedAccess(response.mediaType ?? "").text}`);
    }
  }
}

/** `Result<Success<200, ...>, HttpError<400, ...> | HttpError<404, undefined>>`. */
export function resultType(operation: OperationModel, operationType: Code): Code {
  const successes = operation.responses.filter((r) => r.success).map((r) => trusted(`Success<${statusType(r.status).text}, ${bodyType(operationType, r).text}>`));
  const errors = operation.responses.filter((r) => !r.success).map((r) => trusted(`HttpError<${statusType(r.status).text}, ${bodyType(operationType, r).text}>`));
  const union = (parts: Code[]): Code => (parts.length === 0 ? trusted("never") : join(parts, " | "));
  return trusted(`Result<${union(successes).text}, ${union(errors).text}>`);
}
