/**
 * Servers as the generated client presents them (OpenAPI 3.1 §4.8.5–4.8.6): the `servers`
 * constant the runtime reads, and the `ServerVariables` type users fill in.
 */
import type { ServerModel } from "../model/types.js";
import { join, trusted, type Code } from "./code.js";
import { jsdoc, stringLiteral, typePropertyKey } from "./encode.js";
import { literal } from "./literal.js";

export interface ServerVariableView {
  doc: Code;
  key: Code;
  type: Code;
}

export interface ServersView {
  servers: { doc: Code; spec: Code }[];
  /** Members of `ServerVariables`; empty when no server has variables. */
  variables: ServerVariableView[];
}

export function serversView(servers: readonly ServerModel[]): ServersView {
  const byName = new Map<string, { values: Set<string> | undefined; descriptions: Set<string> }>();
  for (const server of servers) {
    for (const variable of server.variables) {
      const entry = byName.get(variable.name) ?? { values: new Set<string>(), descriptions: new Set<string>() };
      // A variable without an enum takes any string, wherever it appears.
      if (variable.enum === undefined) entry.values = undefined;
      else variable.enum.forEach((v) => entry.values?.add(v));
      if (variable.description !== undefined) entry.descriptions.add(variable.description);
      byName.set(variable.name, entry);
    }
  }
  return {
    servers: servers.map((server) => ({
      doc: jsdoc([server.description]),
      spec: literal({
        url: server.url,
        ...(server.variables.length === 0
          ? {}
          : { variables: Object.fromEntries(server.variables.map((v) => [v.name, { default: v.default }])) }),
      }),
    })),
    variables: [...byName].map(([name, { values, descriptions }]) => ({
      doc: jsdoc([...descriptions]),
      key: typePropertyKey(name),
      type: values === undefined || values.size === 0 ? trusted("string") : join([...values].map(stringLiteral), " | "),
    })),
  };
}
