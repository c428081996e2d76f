import { describe, expect, it } from "vitest";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDocument } from "../../src/load/index.js";
import { DiagnosticError } from "../../src/diagnostics/diagnostic.js";

async function load(yaml: string) {
  const dir = await mkdtemp(join(tmpdir(), "ext-"));
  const file = join(dir, "api.yml");
  await writeFile(file, yaml);
  return loadDocument(file);
}

const doc = (scheme: string, root = "") => `openapi: 3.1.0
info: { title: T, version: "1" }
${root}paths: {}
components:
  securitySchemes:
    S:
${scheme}
`;

describe("x-gen-auth-client is checked against its JSON Schema at load", () => {
  it("accepts every declared field", async () => {
    const loaded = await load(
      doc(
        `      type: oauth2
      flows: { clientCredentials: { tokenUrl: "https://as/token", scopes: {} } }
      x-gen-auth-client:
        tokenEndpointAuthMethod: client_secret_post
        tokenRequestEncoding: json
        sendGrantType: false
        tokenResponsePath: [data]
        defaultExpiresIn: 900
        issuer: https://as
        revocationUrl: /oauth/revoke`,
        "x-gen-auth-client: { requestIdHeader: X-Correlation-Id }\n",
      ),
    );
    expect(loaded.document["x-gen-auth-client"]).toEqual({ requestIdHeader: "X-Correlation-Id" });
  });

  const bad: [string, { scheme: string; root?: string; want: RegExp }][] = [
    ["an unknown property, with its line", { scheme: "      type: oauth2\n      flows: {}\n      x-gen-auth-client:\n        tokenEncoding: json", want: /api\.yml:10:\d+: error: x-gen-auth-client: unknown property "tokenEncoding" \(at \/components\/securitySchemes\/S\/x-gen-auth-client\/tokenEncoding\)/ },],
    ["a value outside the enum", { scheme: "      type: oauth2\n      flows: {}\n      x-gen-auth-client: { tokenEndpointAuthMethod: tls_client_auth }", want: /x-gen-auth-client: must be one of "client_secret_basic", "client_secret_post", "private_key_jwt", "none" \(at \/components\/securitySchemes\/S\/x-gen-auth-client\/tokenEndpointAuthMethod\)/ }],
    ["tokenFrom without operationId", { scheme: "      type: http\n      scheme: bearer\n      x-gen-auth-client: { tokenFrom: { body: {} } }", want: /must have required property 'operationId' \(at \/components\/securitySchemes\/S\/x-gen-auth-client\/tokenFrom\)/ }],
    ["a root requestIdHeader that is not a header name", { scheme: "      type: http\n      scheme: basic", root: 'x-gen-auth-client: { requestIdHeader: "X Request" }\n', want: /at \/x-gen-auth-client\/requestIdHeader/ }],
  ];
  it.each(bad)("rejects %s", async (_, { scheme, root, want }) => {
    const error = await load(doc(scheme, root)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).message).toMatch(want);
  });
});
