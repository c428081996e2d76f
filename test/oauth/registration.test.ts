/** Dynamic client registration (RFC 7591) at oidc-provider's registration endpoint. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { startResourceServer, type ResourceServer } from "../support/resource-server.js";
import { expectApplied, makeAuth } from "./helpers.js";

let as: AuthorizationServer;
let rs: ResourceServer;
let oidc: OAuth2SchemeSpec;

beforeAll(async () => {
  as = await startAuthorizationServer({ clients: [] });
  rs = await startResourceServer(as);
  oidc = { type: "openIdConnect", openIdConnectUrl: `${as.issuer}/.well-known/openid-configuration` };
});

afterAll(async () => {
  await rs?.close();
  await as?.close();
});

describe("register", () => {
  it("registers a client at the discovered registration_endpoint, and the new client gets real tokens", async () => {
    const auth = makeAuth(oidc, { clientId: "unused" }, { baseUrl: rs.url });
    const result = await auth.register({
      client_name: "gen-auth-client test",
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_post",
    });
    if (!result.ok) throw new Error(result.error.message);
    const { client_id: clientId, client_secret: clientSecret } = result.client;
    expect(clientId).toBeTypeOf("string");
    expect(clientSecret).toBeTypeOf("string");
    expect(result.client).toMatchObject({ token_endpoint_auth_method: "client_secret_post" });

    const registered = makeAuth(
      oidc,
      { clientId: clientId as string, clientSecret: clientSecret as string, tokenEndpointAuthMethod: "client_secret_post" },
      { baseUrl: rs.url },
    );
    const res = await rs.get(expectApplied(await registered.apply([])).headers);
    expect(await res.json()).toMatchObject({ client_id: clientId });
  });

  it("returns the server's RFC 7591 §3.2.2 error for invalid metadata", async () => {
    const auth = makeAuth(oidc, { clientId: "unused" }, { baseUrl: rs.url });
    const result = await auth.register({ redirect_uris: ["not a url"] });
    expect(result).toMatchObject({ ok: false, error: { kind: "auth", httpStatus: 400, oauth: { error: "invalid_redirect_uri" } } });
  });

  it("needs discovery: a scheme with neither issuer nor openIdConnectUrl reports discovery_failed", async () => {
    const spec: OAuth2SchemeSpec = { type: "oauth2", flows: { clientCredentials: { tokenUrl: `${as.issuer}/token`, scopes: [] } } };
    const auth = makeAuth(spec, { clientId: "unused" }, { baseUrl: rs.url });
    expect(await auth.register({})).toMatchObject({ ok: false, error: { reason: "discovery_failed" } });
  });
});
