/**
 * A protected resource (RFC 6750) that accepts a bearer token only when the authorization
 * server's introspection (RFC 7662) says it is active: only tokens really issued pass.
 */
import type { AuthorizationServer } from "./authorization-server.js";
import { listenOnLoopback } from "./http-server.js";

export interface ResourceServer {
  readonly url: string;
  /** Status of every request answered, in order. */
  readonly answered: number[];
  /** GET the resource with a header set (as a generated client would send it). */
  get(headers: Readonly<Record<string, string>> | undefined): Promise<Response>;
  close(): Promise<void>;
}

export async function startResourceServer(as: AuthorizationServer): Promise<ResourceServer> {
  const answered: number[] = [];
  const server = await listenOnLoopback((req, res) => {
    void (async () => {
      const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? "");
      const introspection = match?.[1] !== undefined ? await as.introspect(match[1]) : { active: false };
      if (introspection["active"] === true) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ client_id: introspection["client_id"], sub: introspection["sub"], scope: introspection["scope"] }));
        answered.push(200);
      } else {
        res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"' });
        res.end();
        answered.push(401);
      }
    })();
  });
  const url = `${server.origin}/resource`;
  return {
    url,
    answered,
    get: (headers) => fetch(url, { headers: headers ?? {} }),
    close: () => server.close(),
  };
}
