/**
 * A recording HTTP server on 127.0.0.1 for tests, closed by the caller (usually in afterAll):
 * every request is kept as it arrived (raw URL, headers, body), and the handler can be swapped
 * between tests. A handler that throws answers 599 with the error, so a broken stand-in shows
 * up in the test that met it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { listenOnLoopback, readBody } from "./http-server.js";

export interface Received {
  readonly method: string;
  /** Path and query exactly as sent on the request line. */
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export type Handler = (request: Received, response: ServerResponse) => unknown;

export interface TestServer {
  /** The origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly origin: string;
  /** Requests received so far, in order. */
  readonly requests: Received[];
  /** Answer the requests from now on with `next`. */
  handle(next: Handler): void;
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A handler answering every request with `status` and `body` as JSON. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) =>
    sendJson(response, status, body, headers);

export async function startServer(initial: Handler = json(200, {})): Promise<TestServer> {
  let handler = initial;
  const requests: Received[] = [];
  const { origin, close } = await listenOnLoopback((req, res) => {
    void readBody(req).then((body) => {
      const received: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      requests.push(received);
      Promise.resolve()
        .then(() => handler(received, res))
        .catch((error: unknown) => {
          res.statusCode = 599;
          res.end(String(error));
        });
    });
  });
  return {
    url: origin,
    origin,
    requests,
    handle(next) {
      handler = next;
    },
    close,
  };
}
