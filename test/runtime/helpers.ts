/**
 * A recording HTTP server on 127.0.0.1 (port 0) for the runtime tests: every request is
 * kept as it arrived (raw URL, headers, body), and the handler can be swapped per test.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { listenOnLoopback, readBody } from "../support/http-server.js";
import { bodyEncoders } from "../../src/runtime/body.js";
import { placeOutsideHeaders } from "../../src/runtime/placement.js";
import type { RuntimeParts } from "../../src/runtime/parts.js";
import { expandPath, serializeCookies, serializeHeaders, serializeQuery } from "../../src/runtime/serialize.js";

/** Every serializer and body encoder, for tests whose operations are written by hand. */
export const allParts: RuntimeParts = {
  parameters: { path: expandPath, query: serializeQuery, headers: serializeHeaders, cookies: serializeCookies },
  bodies: bodyEncoders,
  placement: placeOutsideHeaders,
};

export interface Received {
  readonly method: string;
  /** Path and query exactly as sent on the request line. */
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export type Handler = (request: Received, response: ServerResponse) => unknown;

export interface RecordingServer {
  readonly url: string;
  readonly origin: string;
  readonly requests: Received[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };

export async function startServer(initial: Handler = json(200, {})): Promise<RecordingServer> {
  let handler = initial;
  const requests: Received[] = [];
  const { origin, close } = await listenOnLoopback((req, res) => {
    void readBody(req).then((body) => {
      const received: Received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      requests.push(received);
      Promise.resolve(handler(received, res)).catch(() => res.destroy());
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

export { freePort } from "../support/http-server.js";
