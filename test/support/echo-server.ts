/** Answers every request with what it received: headers, query parameters and cookies. */
import { sendJson, startServer, type TestServer } from "./server.js";

export function startEchoServer(): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const cookies = Object.fromEntries(
      (req.headers.cookie ?? "")
        .split(";")
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) => [c.slice(0, c.indexOf("=")), decodeURIComponent(c.slice(c.indexOf("=") + 1))]),
    );
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    sendJson(res, 200, { headers, query: Object.fromEntries(url.searchParams), cookies });
  });
}
