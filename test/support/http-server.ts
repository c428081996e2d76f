/**
 * Loopback HTTP servers for tests: bound to 127.0.0.1 on an ephemeral port, and closed with
 * their keep-alive connections, so that a test never leaves a server or socket behind.
 */
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  readonly origin: string;
  /** The node:http server, e.g. for `upgrade` listeners. */
  readonly server: http.Server;
  close(): Promise<void>;
}

export async function listenOnLoopback(handler?: http.RequestListener): Promise<LoopbackServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A request's body as UTF-8 text, once it has all arrived. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** A port nothing listens on: bound, read, closed. */
export async function freePort(): Promise<number> {
  const { origin, close } = await listenOnLoopback();
  await close();
  return Number(new URL(origin).port);
}
