/**
 * Servers as the generated client presents them (OpenAPI 3.1 §4.8.5–4.8.6): the `servers`
 * constant the runtime reads, and the `ServerVariables` type users fill in.
 */
import type { ServerModel } from "../model/types.js";
import { trusted, type Code } from "./code.js";
import { jsdoc, stringLiteral, typePropertyKey } from "./encode.js";
import { group, hardline, ifBreak, indent, joinDocs, line, lines, print, softline, type Doc } from "./layout.js";
import { literalDoc } from "./literal.js";
import { memberLines, unionType } from "./type-docs.js";

export interface ServersView {
  /** `export const servers = [...] as const satisfies readonly ServerSpec[];` */
  declaration: Code;
  /** Members of `ServerVariables`, each with its JSDoc; empty when no server has variables. */
  variables: Code[];
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
  const elements: Doc[] = servers.map((server) => {
    const doc = jsdoc([server.description]);
    const spec = literalDoc({
      url: server.url,
      ...(server.variables.length === 0 ? {} : { variables: Object.fromEntries(server.variables.map((v) => [v.name, { default: v.default }])) }),
    });
    return doc.text === "" ? spec : [lines(doc), hardline, spec];
  });
  const array: Doc =
    elements.length === 0
      ? trusted("[]")
      : group([trusted("["), indent([softline, joinDocs([trusted(","), line], elements)]), ifBreak(trusted(",")), softline, trusted("]")]);
  return {
    declaration: print([trusted("export const servers = "), array, trusted(" as const satisfies readonly ServerSpec[];")]),
    variables: [...byName].map(([name, { values, descriptions }]) => {
      const type = values === undefined || values.size === 0 ? trusted("string") : unionType([...values].map(stringLiteral), true);
      return memberLines(jsdoc([...descriptions]), [typePropertyKey(name), trusted("?: "), type, trusted(";")]);
    }),
  };
}
