/**
 * The objects around schemas, as openapi-typescript 7's transform/*.ts types them: Paths
 * and Path Item (OpenAPI 3.1 §4.8.8–9), Operation (§4.8.10), Parameter (§4.8.12), Request
 * Body (§4.8.13), Media Type (§4.8.14), Responses and Response (§4.8.16–17), Header
 * (§4.8.21), Components (§4.8.7) and webhooks (§4.8.1). An operation with an `operationId`
 * is written once into the `operations` interface and referred to from its path.
 */
import { jsDoc, property, refType } from "./build.js";
import { NEVER, STRING, UNKNOWN, type Member, type Property, type TypeNode } from "./nodes.js";
import { createRef, escapePointer, type Obj } from "./refs.js";
import { schemaType, type Options } from "./schema-object.js";

const object = (members: Member[]): TypeNode => ({ kind: "object", members });
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function pathsType(paths: Obj, options: Options): TypeNode {
  const members: Member[] = [];
  for (const [url, item] of Object.entries(paths)) {
    if (!item || typeof item !== "object") continue;
    const i = item as Obj;
    if ("$ref" in i) members.push(property(url, refType(i.$ref as string), { comment: jsDoc(i) }));
    else members.push(property(url, pathItemType(i, { ...options, path: createRef(["paths", url]) })));
  }
  return object(members);
}

export function webhooksType(webhooks: Obj, options: Options): TypeNode {
  return object(Object.entries(webhooks).map(([name, item]) => property(name, pathItemType(item as Obj, { ...options, path: createRef(["webhooks", name]) }))));
}

export function pathItemType(pathItem: Obj, options: Options): TypeNode {
  const { ctx } = options;
  const pathParameters = (pathItem.parameters as Obj[] | undefined) ?? [];
  const members: Member[] = [...parametersMembers(pathParameters, { ...options, path: createRef([options.path, "parameters"]) })];
  for (const method of METHODS) {
    const operation = pathItem[method] as Obj | undefined;
    if (!operation) {
      members.push(property(method, NEVER, { optional: true }));
      continue;
    }
    // Path-level parameters first, an operation's own of the same `in` and `name` in their place (§4.8.9.1).
    const keyed = new Map<string, Obj>();
    if (!("$ref" in operation)) {
      for (const parameter of [...pathParameters, ...((operation.parameters as Obj[] | undefined) ?? [])]) {
        const name = "$ref" in parameter ? `${(ctx.resolve(parameter.$ref as string) as Obj | undefined)?.in}-${(ctx.resolve(parameter.$ref as string) as Obj | undefined)?.name}` : `${parameter.in}-${parameter.name}`;
        keyed.set(name, parameter);
      }
    }
    let type: TypeNode;
    const operationOptions = { ...options, path: createRef([options.path, method]) };
    if ("$ref" in operation) {
      type = refType(operation.$ref as string);
    } else if (operation.operationId) {
      const operationId = (operation.operationId as string).replace(/#/g, "/");
      type = refType(createRef(["operations", operationId]));
      if (!ctx.footer.includes("operations")) ctx.footer.push("operations");
      ctx.operations.push(property(operationId, object(operationMembers({ ...operation, parameters: [...keyed.values()] }, operationOptions))));
    } else {
      type = object(operationMembers({ ...operation, parameters: [...keyed.values()] }, operationOptions));
    }
    members.push(property(method, type, { comment: jsDoc(operation) }));
  }
  return object(members);
}

function operationMembers(operation: Obj, options: Options): Member[] {
  const members = parametersMembers((operation.parameters as Obj[] | undefined) ?? [], options);
  const body = operation.requestBody as Obj | undefined;
  if (body) {
    const type = "$ref" in body ? refType(body.$ref as string) : requestBodyType(body, { ...options, path: createRef([options.path, "requestBody"]) });
    const required = !!(("$ref" in body ? options.ctx.resolve(body.$ref as string) : body) as Obj | undefined)?.required;
    members.push(property("requestBody", type, { optional: !required, comment: jsDoc(body) }));
  } else {
    members.push(property("requestBody", NEVER, { optional: true }));
  }
  members.push(property("responses", responsesType((operation.responses as Obj | undefined) ?? {}, options)));
  return members;
}

/** `transformParametersArray`: `parameters: { query?: …; header?: …; path: …; cookie?: … }`. */
function parametersMembers(parameters: Obj[], options: Options): Member[] {
  const groups: Member[] = [];
  const resolved = parameters.map((original) => ({ original, resolved: ("$ref" in original ? options.ctx.resolve(original.$ref as string) : original) as Obj | undefined }));
  for (const location of ["query", "header", "path", "cookie"]) {
    const members: Property[] = [];
    for (const { original, resolved: parameter } of resolved) {
      if (parameter?.in !== location) continue;
      const optional = location !== "path" && !parameter.required;
      const type = "$ref" in original ? refType(original.$ref as string, parameter) : parameterType(parameter, { ...options, path: createRef([options.path, "parameters", parameter.in as string, parameter.name as string]) });
      members.push(property(parameter.name, type, { optional, comment: jsDoc(parameter) }));
    }
    const allOptional = members.every((m) => m.optional);
    groups.push(property(location, members.length > 0 ? object(members) : NEVER, { optional: allOptional || members.length === 0 }));
  }
  return [property("parameters", object(groups))];
}

const parameterType = (parameter: Obj, options: Options): TypeNode => (parameter.schema ? schemaType(parameter.schema, options) : STRING);

/** A Media Type Object's `schema`, `unknown` without one. */
const mediaTypeType = (mediaType: Obj, options: Options): TypeNode => (mediaType.schema ? schemaType(mediaType.schema, options) : UNKNOWN);

/**
 * The same where openapi-typescript also accepts a `$ref` in place of the Media Type Object
 * (request bodies and header content, not responses), read as a schema reference.
 */
const mediaTypeOrRefType = (mediaType: Obj, options: Options): TypeNode => ("$ref" in mediaType ? schemaType(mediaType, options) : mediaTypeType(mediaType, options));

export function requestBodyType(body: Obj, options: Options): TypeNode {
  const members: Member[] = Object.entries((body.content as Obj | undefined) ?? {}).map(([contentType, mediaType]) =>
    property(contentType, mediaTypeOrRefType(mediaType as Obj, { ...options, path: createRef([options.path, "content", contentType]) }), { comment: jsDoc(mediaType) }),
  );
  // openapi-typescript writes `"*/*"?: never` for a body without media types.
  return object([property("content", object(members.length > 0 ? members : [property("*/*", NEVER, { optional: true })]))]);
}

export function responseType(response: Obj, options: Options): TypeNode {
  const headers: Member[] = [];
  if (response.headers) {
    for (const [name, header] of Object.entries(response.headers as Obj)) {
      const h = header as Obj;
      const optional = !("$ref" in h || h.required);
      const type = "$ref" in h ? refType(h.$ref as string) : headerType(h, { ...options, path: createRef([options.path, "headers", name]) });
      headers.push(property(name, type, { optional, comment: jsDoc(h) }));
    }
  }
  headers.push({ kind: "index", parameter: "name", type: UNKNOWN });
  const members: Member[] = [property("headers", object(headers))];
  const content: Member[] = [];
  if (response.content) {
    for (const [contentType, mediaType] of Object.entries(response.content as Obj)) {
      content.push(property(contentType, mediaTypeType(mediaType as Obj, { ...options, path: createRef([options.path, "content", contentType]) }), { comment: jsDoc(mediaType) }));
    }
  }
  members.push(content.length > 0 ? property("content", object(content)) : property("content", NEVER, { optional: true }));
  return object(members);
}

function responsesType(responses: Obj, options: Options): TypeNode {
  const members = Object.entries(responses).map(([code, response]) => {
    const r = response as Obj;
    const type = "$ref" in r ? refType(r.$ref as string) : responseType(r, { ...options, path: createRef([options.path, "responses", code]) });
    return property(code, type, { comment: jsDoc(r) });
  });
  return members.length > 0 ? object(members) : NEVER;
}

export function headerType(header: Obj, options: Options): TypeNode {
  if (header.schema) return schemaType(header.schema, options);
  if (header.content) {
    return object(
      Object.entries(header.content as Obj).map(([contentType, mediaType]) =>
        property(contentType, mediaTypeOrRefType(mediaType as Obj, { ...options, path: `${options.path ?? "#"}/${escapePointer(contentType)}` }), { comment: jsDoc(mediaType) }),
      ),
    );
  }
  return UNKNOWN;
}

const COMPONENTS: Record<string, (item: unknown, options: Options) => TypeNode> = {
  schemas: schemaType,
  responses: (item, options) => responseType(item as Obj, options),
  parameters: (item, options) => parameterType(item as Obj, options),
  requestBodies: (item, options) => requestBodyType(item as Obj, options),
  headers: (item, options) => headerType(item as Obj, options),
  pathItems: (item, options) => pathItemType(item as Obj, options),
};

export function componentsType(components: Obj, options: Options): TypeNode {
  return object(
    Object.entries(COMPONENTS).map(([key, transform]) => {
      const items = components[key]
        ? Object.entries(components[key] as Obj).map(([name, item]) => property(name, transform(item, { ...options, path: createRef(["components", key, name]) }), { comment: jsDoc(item) }))
        : [];
      return property(key, items.length > 0 ? object(items) : NEVER);
    }),
  );
}
