/**
 * The API half of a vendor stand-in that serves its API and its authorization server on one
 * origin (as api.example.com and api.1inch.com do): a `handle` function for
 * startAuthorizationServer that answers the API's paths and records every request.
 */
import { randomUUID } from "node:crypto";
import type http from "node:http";

/** One API request as the stand-in received and answered it. */
export interface ApiRequestRecord {
  readonly method: string;
  readonly path: string;
  /** Query parameters as received (credentials included: tests only). */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: http.IncomingHttpHeaders;
  readonly status: number;
  /** The X-Request-Id sent back, when the stand-in sends one. */
  readonly requestId?: string;
  /** Who the credential belonged to: a client id (OAuth) or "api-key:<key>". */
  readonly principal?: string;
  /** The end user, for tokens issued through the authorization code flow. */
  readonly sub?: string;
}

export interface ApiAnswer {
  readonly status: number;
  /** JSON body; none when undefined. */
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly principal?: string;
  readonly sub?: string;
}

export interface ApiRoutesOptions {
  /** Send a fresh `X-Request-Id` with every answer; `answer` receives it. */
  readonly requestIds?: boolean;
}

export type ApiAnswerFn = (req: http.IncomingMessage, url: URL, requestId: string | undefined) => Promise<ApiAnswer>;

export function apiRoutes(
  prefixes: readonly string[],
  log: ApiRequestRecord[],
  answer: ApiAnswerFn,
  options: ApiRoutesOptions = {},
): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in.invalid");
    if (!prefixes.some((prefix) => url.pathname.startsWith(prefix))) return false;
    void (async () => {
      for await (const _chunk of req);
      const requestId = options.requestIds === true ? randomUUID() : undefined;
      let result: ApiAnswer;
      try {
        result = await answer(req, url, requestId);
      } catch (error) {
        result = { status: 500, json: { error: String(error) } };
      }
      const headers: Record<string, string> = {
        ...(result.json !== undefined ? { "content-type": "application/json" } : {}),
        ...(requestId !== undefined ? { "x-request-id": requestId } : {}),
        ...result.headers,
      };
      log.push({
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        status: result.status,
        ...(requestId !== undefined ? { requestId } : {}),
        ...(result.principal !== undefined ? { principal: result.principal } : {}),
        ...(result.sub !== undefined ? { sub: result.sub } : {}),
      });
      res.writeHead(result.status, headers);
      res.end(result.json !== undefined ? JSON.stringify(result.json) : undefined);
    })();
    return true;
  };
}
