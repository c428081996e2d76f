/**
 * Type expressions for one operation's arguments and result, as indexed accesses into
 * openapi-typescript's `paths` type so that both stay one source of truth, laid out in
 * their final (Prettier) form.
 */
import type { OperationModel, ResponseModel } from "../model/types.js";
import { trusted, type Code } from "./code.js";
import { identifier, indexedAccess, jsdoc, jsdocCode, stringLiteral } from "./encode.js";
import { fluid, hardline, lines, print, type Doc } from "./layout.js";
import { memberLines, typeReference, unionType } from "./type-docs.js";
import { operationTypeNames } from "../model/naming.js";

/** `paths["/oauth/token"]["post"]`. */
export function operationTypeExpression(operation: OperationModel): Code {
  return trusted(`paths${indexedAccess(operation.path).text}${indexedAccess(operation.method.toLowerCase()).text}`);
}

export function typeNames(operation: OperationModel): { operation: Code; args: Code; result: Code } {
  const names = operationTypeNames(operation.name);
  return { operation: identifier(names.operation), args: identifier(names.args), result: identifier(names.result) };
}

/** `type ReposGetOperation = paths["/repos/{owner}/{repo}"]["get"];` */
export function operationTypeDeclaration(operation: OperationModel, name: Code): Code {
  return print([trusted("type "), name, trusted(" ="), fluid(operationTypeExpression(operation)), trusted(";")]);
}

const ARG_GROUPS = [
  { location: "path", member: "path", doc: "Path parameters." },
  { location: "query", member: "query", doc: "Query parameters." },
  { location: "header", member: "headers", doc: "Header parameters." },
  { location: "cookie", member: "cookies", doc: "Cookie parameters." },
] as const;

const NON_NULLABLE = trusted("NonNullable");


/** The members of the `...Args` interface beyond `CallOptions`, each with its JSDoc. */
function argMembers(operation: OperationModel, operationType: Code): Code[] {
  const members: Code[] = [];
  for (const group of ARG_GROUPS) {
    const parameters = operation.parameters.filter((p) => p.in === group.location);
    if (parameters.length === 0) continue;
    const required = parameters.some((p) => p.required);
    const type = trusted(`${operationType.text}["parameters"]${indexedAccess(group.location).text}`);
    members.push(
      memberLines(jsdoc([group.doc]), [trusted(`${group.member}${required ? "" : "?"}: `), required ? type : typeReference(NON_NULLABLE, [type]), trusted(";")]),
    );
  }
  const body = operation.requestBody;
  if (body) {
    const requestBody = trusted(`${operationType.text}["requestBody"]`);
    const content = trusted(`["content"]${indexedAccess(body.mediaType).text};`);
    members.push(
      memberLines(jsdoc([body.description, `Sent as ${jsdocCode(body.mediaType)}.`]), [
        trusted(`body${body.required ? "" : "?"}: `),
        body.required ? requestBody : typeReference(NON_NULLABLE, [requestBody]),
        content,
      ]),
    );
  }
  return members;
}

const CALL_OPTIONS = trusted("CallOptions");

/**
 * `export interface XArgs extends CallOptions { path: ...; }`, or `export type XArgs =
 * CallOptions;` for an operation that takes nothing else. `signal` comes from `CallOptions`
 * rather than being written into each of a large API's thousand interfaces: every line
 * here is parsed and checked in the user's build.
 */
export function argsDeclaration(operation: OperationModel, name: Code, operationType: Code): Code {
  const doc = jsdoc([`Arguments of ${jsdocCode(operation.name)}.`]);
  const members = argMembers(operation, operationType);
  if (members.length === 0) return print([lines(doc), hardline, trusted("export type "), name, trusted(" = "), CALL_OPTIONS, trusted(";")]);
  // Prettier keeps a single heritage clause on the declaration's line, however long.
  const heading = print([lines(doc), hardline, trusted("export interface "), name, trusted(" extends "), CALL_OPTIONS, trusted(" {")]);
  return trusted(`${heading.text}\n${members.map((m) => m.text).join("\n")}\n}`);
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

/** `export type XResult = Result<Success<200, ...>, HttpError<400, ...> | HttpError<404, undefined>>;` */
export function resultDeclaration(operation: OperationModel, name: Code, operationType: Code): Code {
  const parts = (success: boolean, type: Code): Doc[] =>
    operation.responses.filter((r) => r.success === success).map((r) => typeReference(type, [statusType(r.status), bodyType(operationType, r)]));
  const union = (members: Doc[]): Doc => (members.length === 0 ? trusted("never") : unionType(members, false));
  const result = typeReference(trusted("Result"), [union(parts(true, trusted("Success"))), union(parts(false, trusted("HttpError")))]);
  return print([trusted("export type "), name, trusted(" ="), fluid(result), trusted(";")]);
}
