/** A node:http server on 127.0.0.1 with an ephemeral port, closed with its keep-alive connections. */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  readonly origin: string;
  /** The node:http server, e.g. for `upgrade` listeners. */
  readonly server: http.Server;
  close(): Promise<void>;
}

export async function listenOnLoopback(handler: http.RequestListener): Promise<LoopbackServer> {
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
