// Runtime of gen-auth-client 0.1.0, copied into this client. Do not edit.
// @ts-nocheck -- checked by gen-auth-client's tests; your build uses its types without checking its code again.
/**
 * Server Object, OpenAPI 3.1 §4.8.5–4.8.6: a URL template whose `{variables}` take the
 * caller's values, else their defaults. Enum values are checked by the generated types.
 */

export interface ServerSpec {
  readonly url: string;
  readonly variables?: Readonly<Record<string, { readonly default: string }>>;
}

export function serverUrl(server: ServerSpec, values: Readonly<Record<string, string | undefined>> = {}): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = server.variables?.[name];
    if (variable === undefined) return whole;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    // §4.8.6: the value is substituted as it is; encode it so it stays inside its URL part.
    return value === undefined ? variable.default : encodeURIComponent(value);
  });
}

/**
 * `baseUrl` wins; then the named server (as its `url` is written); then the first. A client
 * whose servers have variables hands over `expand` (`serverUrl`, parts.ts `servers`); any
 * other server's `url` is its URL as it is.
 */
export function chooseServer(
  servers: readonly ServerSpec[],
  options: { readonly baseUrl?: string; readonly server?: string; readonly serverVariables?: Readonly<Record<string, string | undefined>> },
  expand?: typeof serverUrl,
): string | undefined {
  if (options.baseUrl !== undefined) return options.baseUrl;
  const server = options.server === undefined ? servers[0] : servers.find((s) => s.url === options.server);
  if (server === undefined) {
    if (options.server !== undefined) throw new TypeError("createClient: `server` is not one of the document's servers");
    return undefined;
  }
  return expand ? expand(server, options.serverVariables) : server.url;
}
