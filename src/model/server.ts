/**
 * Server Object, OpenAPI 3.1 §4.8.5. Without servers the default is "/" (§4.8.1), which a
 * client outside a browser cannot use: the user must then pass `baseUrl`.
 */
import type { ServerModel } from "./types.js";
import { isObject, optionalString } from "./ref.js";

export function serversModel(raw: unknown): ServerModel[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).flatMap((server) => {
    if (typeof server.url !== "string") return [];
    const description = optionalString(server.description);
    const variables = isObject(server.variables) ? server.variables : {};
    return [
      {
        url: server.url,
        ...(description === undefined ? {} : { description }),
        variables: Object.entries(variables)
          .filter(([, v]) => isObject(v))
          .map(([name, v]) => {
            const variable = v as Record<string, unknown>;
            const enumValues = Array.isArray(variable.enum) ? variable.enum.map(String) : undefined;
            const variableDescription = optionalString(variable.description);
            return {
              name,
              default: String(variable.default ?? ""),
              ...(enumValues === undefined ? {} : { enum: enumValues }),
              ...(variableDescription === undefined ? {} : { description: variableDescription }),
            };
          }),
      },
    ];
  });
}
