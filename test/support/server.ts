/** A recording server on 127.0.0.1 for tests, closed by the caller (usually in afterAll). */
import type { IncomingMessage, ServerResponse } from "node:http";
import { listenOnLoopback, readBody } from "./http-server.js";

export interface TestServer {
  url: string;
  /** Requests received so far, in order. */
  requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  const { origin, close } = await listenOnLoopback((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      Promise.resolve(handler(Object.assign(req, { body }), res)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  return { url: origin, requests, close };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
