/**
 * Precise checks for the objects whose JSON Schema is a `oneOf` over a discriminating field:
 * Security Scheme Objects (`type`) and Parameter Objects (`in`). Ajv reports every failed
 * branch of such a `oneOf`, so a single mistake in an `http` scheme also yields "must have
 * required property 'name'" (from the apiKey branch), "'flows'" (oauth2)... Checking the variant
 * the document actually chose gives one message that names the real problem; validate.ts then
 * drops Ajv's errors for that object.
 *
 * Rules: OpenAPI 3.1 §4.8.27 / 3.0 §4.7.27 (Security Scheme Object), §4.8.29 (OAuth Flow
 * Object), §4.8.12 / §4.7.12 (Parameter Object); Swagger 2.0 §Security Scheme Object and
 * §Parameter Object.
 */
import { toPointer } from "../diagnostics/diagnostic.js";
import { clip, isObject, type JsonObject } from "./json.js";
import type { Problem } from "./validate.js";
import type { VersionFamily } from "./version.js";

export interface VariantCheck {
  problems: Problem[];
  /** Objects with problems: Ajv's errors at these pointers (and at their discriminator) are noise. */
  objects: string[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function checkVariants(data: JsonObject, family: VersionFamily): VariantCheck {
  const problems: Problem[] = [];
  const objects = new Set<string>();
  const report = (object: string, pointer: string, message: string) => {
    problems.push({ pointer, message });
    objects.add(object);
  };

  const schemes = family === "2.0" ? data.securityDefinitions : isObject(data.components) ? data.components.securitySchemes : undefined;
  if (isObject(schemes)) {
    for (const [name, scheme] of Object.entries(schemes)) {
      const at = toPointer(family === "2.0" ? ["securityDefinitions", name] : ["components", "securitySchemes", name]);
      if (isObject(scheme) && !("$ref" in scheme)) checkScheme(scheme, at, family, (p, m) => report(at, p, m));
    }
  }

  for (const [pointer, parameter] of parameters(data, family)) {
    checkParameter(parameter, pointer, family, (p, m) => report(pointer, p, m));
  }
  return { problems, objects: [...objects] };
}

type Report = (pointer: string, message: string) => void;

const oneOf = (values: readonly string[]) => `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;

function requireFields(object: JsonObject, at: string, fields: readonly string[], report: Report, why = ""): void {
  for (const field of fields) {
    if (object[field] === undefined) report(at, `must have required property '${field}'${why}`);
  }
}

function checkScheme(scheme: JsonObject, at: string, family: VersionFamily, report: Report): void {
  const types = family === "2.0" ? ["basic", "apiKey", "oauth2"] : family === "3.1" ? ["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"] : ["apiKey", "http", "oauth2", "openIdConnect"];
  const type = scheme.type;
  if (type === undefined) return report(at, "must have required property 'type'");
  if (typeof type !== "string" || !types.includes(type)) return report(`${at}/type`, oneOf(types));
  const why = ` (needed by \`type: ${type}\`)`;

  if (type === "apiKey") {
    requireFields(scheme, at, ["name", "in"], report, why);
    const places = family === "2.0" ? ["query", "header"] : ["query", "header", "cookie"];
    if (scheme.in !== undefined && (typeof scheme.in !== "string" || !places.includes(scheme.in))) report(`${at}/in`, oneOf(places));
  } else if (type === "http") {
    requireFields(scheme, at, ["scheme"], report, why);
  } else if (type === "openIdConnect") {
    requireFields(scheme, at, ["openIdConnectUrl"], report, why);
  } else if (type === "oauth2" && family === "2.0") {
    // 2.0: one `flow` per scheme; "application" is client credentials, "accessCode" authorization code.
    const urls: Record<string, string[]> = {
      implicit: ["authorizationUrl"],
      password: ["tokenUrl"],
      application: ["tokenUrl"],
      accessCode: ["authorizationUrl", "tokenUrl"],
    };
    const flow = scheme.flow;
    if (flow === undefined) return report(at, `must have required property 'flow'${why}`);
    if (typeof flow !== "string" || !(flow in urls)) return report(`${at}/flow`, oneOf(Object.keys(urls)));
    requireFields(scheme, at, urls[flow]!, report, ` (needed by \`flow: ${flow}\`)`);
  } else if (type === "oauth2") {
    if (scheme.flows === undefined) return report(at, `must have required property 'flows'${why}`);
    if (!isObject(scheme.flows)) return report(`${at}/flows`, "must be object");
    // §4.8.29 OAuth Flow Object: which URLs each flow needs; `scopes` is required for all.
    const needs: Record<string, string[]> = {
      implicit: ["authorizationUrl", "scopes"],
      password: ["tokenUrl", "scopes"],
      clientCredentials: ["tokenUrl", "scopes"],
      authorizationCode: ["authorizationUrl", "tokenUrl", "scopes"],
    };
    for (const [flowName, flow] of Object.entries(scheme.flows)) {
      const required = needs[flowName];
      if (!required) {
        if (!flowName.startsWith("x-")) report(`${at}/flows${toPointer([flowName])}`, `unexpected property '${clip(flowName)}' (flows are ${Object.keys(needs).join(", ")})`);
        continue;
      }
      const flowAt = `${at}/flows/${flowName}`;
      if (!isObject(flow)) report(flowAt, "must be object");
      else requireFields(flow, flowAt, required, report, ` (needed by the \`${flowName}\` flow)`);
    }
  }
}

function checkParameter(parameter: JsonObject, at: string, family: VersionFamily, report: Report): void {
  const places = family === "2.0" ? ["query", "header", "path", "formData", "body"] : ["query", "header", "path", "cookie"];
  const place = parameter.in;
  if (parameter.name === undefined) report(at, "must have required property 'name'");
  if (place === undefined) return report(at, "must have required property 'in'");
  if (typeof place !== "string" || !places.includes(place)) return report(`${at}/in`, oneOf(places));
  // "If the parameter location is "path", this field is REQUIRED and its value MUST be true."
  if (place === "path" && parameter.required !== true) {
    report(parameter.required === undefined ? at : `${at}/required`, "a path parameter must have `required: true`");
  }
  if (family === "2.0") {
    if (place === "body" && parameter.schema === undefined) report(at, "must have required property 'schema' (needed by `in: body`)");
    if (place !== "body" && parameter.type === undefined) report(at, `must have required property 'type' (needed by \`in: ${place}\`)`);
  }
}

/** Every inline Parameter Object: under path items, operations and the reusable sections. */
function* parameters(data: JsonObject, family: VersionFamily): Generator<[string, JsonObject]> {
  const list = function* (value: unknown, base: (string | number)[]): Generator<[string, JsonObject]> {
    if (!Array.isArray(value)) return;
    for (const [i, p] of value.entries()) if (isObject(p) && !("$ref" in p)) yield [toPointer([...base, i]), p];
  };
  if (isObject(data.paths)) {
    for (const [path, item] of Object.entries(data.paths)) {
      if (!isObject(item)) continue;
      yield* list(item.parameters, ["paths", path, "parameters"]);
      for (const method of METHODS) {
        const operation = item[method];
        if (isObject(operation)) yield* list(operation.parameters, ["paths", path, method, "parameters"]);
      }
    }
  }
  const reusable = family === "2.0" ? data.parameters : isObject(data.components) ? data.components.parameters : undefined;
  if (isObject(reusable)) {
    for (const [name, p] of Object.entries(reusable)) {
      if (isObject(p) && !("$ref" in p)) yield [toPointer(family === "2.0" ? ["parameters", name] : ["components", "parameters", name]), p];
    }
  }
}
