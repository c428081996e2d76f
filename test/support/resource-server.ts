/**
 * A protected resource (RFC 6750) that accepts a bearer token only when the authorization
 * server's introspection (RFC 7662) says it is active: only tokens really issued pass.
 *
 * Every path answers the same way (200 with the token's client_id, sub and scope, or 401),
 * except the ones the options name: anonymous paths answer 200 without asking for a token,
 * paths with a required scope answer 403 `insufficient_scope` (RFC 6750 §3.1) to an
 * active token that lacks it, and paths under `movedPrefix` redirect (307) to the rest.
 */
import type { AuthorizationServer } from "./authorization-server.js";
import { listenOnLoopback } from "./http-server.js";

/** One request as the resource server answered it. */
export interface ResourceRequestRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Whether an Authorization header came. */
  readonly authenticated: boolean;
  /** From the introspection of an active token. */
  readonly clientId?: string;
  readonly sub?: string;
  readonly scope?: string;
}

export interface ResourceServerOptions {
  /** Paths (no query) answered 200 `{ status: "ok", authenticated }` with no token check. */
  readonly anonymousPaths?: readonly string[];
  /** Path (no query) → the scope an active token must carry there. */
  readonly requiredScopes?: Readonly<Record<string, string>>;
  /** Paths under this prefix answer 307 to the same path without it (an API moved within its origin). */
  readonly movedPrefix?: string;
}

export interface ResourceServer {
  readonly url: string;
  /** Status of every request answered, in order. */
  readonly answered: number[];
  /** Every request answered, in order. */
  readonly requests: ResourceRequestRecord[];
  /** GET the resource with a header set (as a generated client would send it). */
  get(headers: Readonly<Record<string, string>> | undefined): Promise<Response>;
  close(): Promise<void>;
}

export async function startResourceServer(as: AuthorizationServer, options: ResourceServerOptions = {}): Promise<ResourceServer> {
  const answered: number[] = [];
  const requests: ResourceRequestRecord[] = [];
  const anonymous = new Set(options.anonymousPaths ?? []);
  const server = await listenOnLoopback((req, res) => {
    void (async () => {
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://resource.invalid").pathname;
      const authenticated = req.headers.authorization !== undefined;
      const record = (status: number, token?: Record<string, unknown>) => {
        answered.push(status);
        const text = (key: string) => (typeof token?.[key] === "string" ? (token[key] as string) : undefined);
        const [clientId, sub, scope] = [text("client_id"), text("sub"), text("scope")];
        requests.push({
          method,
          path,
          status,
          authenticated,
          ...(clientId === undefined ? {} : { clientId }),
          ...(sub === undefined ? {} : { sub }),
          ...(scope === undefined ? {} : { scope }),
        });
      };
      // Drain a request body: the answer does not depend on it.
      for await (const _chunk of req);

      if (options.movedPrefix !== undefined && path.startsWith(`${options.movedPrefix}/`)) {
        res.writeHead(307, { location: (req.url ?? "/").slice(options.movedPrefix.length) });
        res.end();
        record(307);
        return;
      }
      if (anonymous.has(path)) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "ok", authenticated }));
        record(200);
        return;
      }
      const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? "");
      const introspection = match?.[1] !== undefined ? await as.introspect(match[1]) : { active: false };
      if (introspection["active"] !== true) {
        res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"' });
        res.end();
        record(401);
        return;
      }
      const needed = options.requiredScopes?.[path];
      const granted = typeof introspection["scope"] === "string" ? introspection["scope"].split(" ") : [];
      if (needed !== undefined && !granted.includes(needed)) {
        res.writeHead(403, { "www-authenticate": `Bearer error="insufficient_scope", scope="${needed}"` });
        res.end();
        record(403, introspection);
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ client_id: introspection["client_id"], sub: introspection["sub"], scope: introspection["scope"] }));
      record(200, introspection);
    })();
  });
  const url = `${server.origin}/resource`;
  return {
    url,
    answered,
    requests,
    get: (headers) => fetch(url, { headers: headers ?? {} }),
    close: () => server.close(),
  };
}
