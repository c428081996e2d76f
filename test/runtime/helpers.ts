/**
 * A recording HTTP server on 127.0.0.1 (port 0) for the runtime tests: every request is
 * kept as it arrived (raw URL, headers, body), and the handler can be swapped per test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
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
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      Promise.resolve(handler(received, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, read, closed. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
