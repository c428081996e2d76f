/**
 * Choosing the base URL from the document's Server Objects (OpenAPI 3.1 §4.8.5–4.8.6). A
 * client whose servers have `{variables}` hands `serverUrl` to the runtime (parts.ts
 * `servers`); one without them sends each server's `url` as it is.
 */
import { describe, expect, it } from "vitest";
import { chooseServer, serverUrl, type ServerSpec } from "../../src/runtime/servers.js";

const servers: readonly ServerSpec[] = [
  { url: "https://{region}.api.example/{version}", variables: { region: { default: "eu" }, version: { default: "v1" } } },
  { url: "https://backup.example" },
];

describe("chooseServer", () => {
  it.each([
    ["the first server, its variables at their defaults", {}, "https://eu.api.example/v1"],
    ["the caller's values, encoded so they stay in their URL part", { serverVariables: { region: "us/x" } }, "https://us%2Fx.api.example/v1"],
    ["a server named as its url is written", { server: "https://backup.example" }, "https://backup.example"],
    ["baseUrl wins", { baseUrl: "https://other.example", server: "https://backup.example" }, "https://other.example"],
  ] as const)("%s", (_, options, want) => {
    expect(chooseServer(servers, options, serverUrl)).toBe(want);
  });

  it("without the expander (no server has variables), a url is used as it is", () => {
    expect(chooseServer([{ url: "https://api.example/base" }], {})).toBe("https://api.example/base");
  });

  it("a server that is not the document's is an argument error; no server at all is undefined", () => {
    expect(() => chooseServer(servers, { server: "https://evil.example" }, serverUrl)).toThrow("`server` is not one of the document's servers");
    expect(chooseServer([], {})).toBeUndefined();
  });
});
