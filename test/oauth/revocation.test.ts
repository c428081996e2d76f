/**
 * `revoke()`: RFC 7009 token revocation against oidc-provider on loopback, whose introspection
 * says whether a token still works. The endpoint comes from the server's RFC 8414 metadata, or
 * from the scheme's declared `revocationUrl` when there is no metadata (OpenAPI has no field).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OAuth2SchemeSpec } from "../../src/runtime/oauth/index.js";
import type { TokenSet } from "../../src/runtime/token-store.js";
import { startAuthorizationServer, type AuthorizationServer } from "../support/authorization-server.js";
import { bearer, expectApplied, makeAuth, recordingFetch } from "./helpers.js";

const CC = { id: "revoke-cc", secret: "revoke-cc-secret-0123456789abcdef" };
const REVOCATION_PATH = "/token/revocation";

let as: AuthorizationServer;

beforeAll(async () => {
  const cc = { grant_types: ["client_credentials"], response_types: [], redirect_uris: [], scope: "api:read" };
  as = await startAuthorizationServer({
    clients: [
      { client_id: CC.id, client_secret: CC.secret, ...cc },
    ],
  });
});

afterAll(async () => {
  await as?.close();
});

/** A scheme with the document's tokenUrl and, when given, a declared revocationUrl; no metadata. */
const declared = (revocationUrl?: string): OAuth2SchemeSpec => ({
  type: "oauth2",
  flows: { clientCredentials: { tokenUrl: `${as.issuer}/token`, scopes: ["api:read"] } },
  ...(revocationUrl === undefined ? {} : { quirks: { revocationUrl } }),
});
const revocations = (from: number) => as.requests.slice(from).filter((r) => r.includes(REVOCATION_PATH));
const active = async (token: string) => (await as.introspect(token))["active"];

describe("revoke() ends the tokens at the authorization server, then forgets them", () => {
  it("with a declared revocationUrl: the access token is inactive afterwards, and the next call acquires a new one", async () => {
    const auth = makeAuth(declared(`${as.issuer}${REVOCATION_PATH}`), { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: as.issuer });
    const token = bearer(expectApplied(await auth.apply([])));
    expect(await active(token)).toBe(true);
    const from = as.requests.length;

    expect(await auth.revoke()).toEqual({ ok: true });

    expect(revocations(from)).toEqual([`POST ${REVOCATION_PATH}`]);
    expect(await active(token)).toBe(false);
    const next = bearer(expectApplied(await auth.apply([])));
    expect(next).not.toBe(token);
    expect(await active(next)).toBe(true);
  });

  it("a relative revocationUrl is resolved against the server URL, as tokenUrl is", async () => {
    const auth = makeAuth(declared(REVOCATION_PATH), { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: `${as.issuer}/api/` });
    const token = bearer(expectApplied(await auth.apply([])));
    expect(await auth.revoke()).toEqual({ ok: true });
    expect(await active(token)).toBe(false);
  });

  it("with discovery (issuer): the metadata's revocation_endpoint, which wins over a declared one", async () => {
    const auth = makeAuth(declared("http://127.0.0.1:1/never"), { clientId: CC.id, clientSecret: CC.secret, issuer: as.issuer }, { baseUrl: as.issuer });
    const token = bearer(expectApplied(await auth.apply([])));
    expect(await auth.revoke()).toEqual({ ok: true });
    expect(await active(token)).toBe(false);
  });

  it("nothing held, or only an expired access token: nothing to revoke, nothing sent", async () => {
    const recorded = recordingFetch();
    const auth = makeAuth(declared(`${as.issuer}${REVOCATION_PATH}`), { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: as.issuer, fetch: recorded.fetch });
    expect(await auth.revoke()).toEqual({ ok: true });
    await auth.setTokens({ accessToken: "expired-access-token", tokenType: "Bearer", expiresAt: Date.now() - 1 });
    expect(await auth.revoke()).toEqual({ ok: true });
    expect(recorded.urls).toEqual([]);
  });
});

describe("when revocation fails, the tokens are forgotten here all the same, and the error carries none of them", () => {
  /** A token set of CC's, given to a client that cannot revoke it. */
  async function ccTokens(): Promise<TokenSet> {
    const issuing = makeAuth(declared(), { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: as.issuer });
    const tokens = await issuing.getToken();
    if (!tokens.ok) throw new Error(tokens.error.message);
    return tokens.tokens;
  }

  it("a client the server does not authenticate: invalid_client (RFC 6749 §5.2), 401; the token stays active", async () => {
    const tokens = await ccTokens();
    const wrongSecret = "not-the-secret-0123456789abcdef";
    const auth = makeAuth(declared(`${as.issuer}${REVOCATION_PATH}`), { clientId: CC.id, clientSecret: wrongSecret }, { baseUrl: as.issuer });
    await auth.setTokens(tokens);

    const result = await auth.revoke();

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "auth", reason: "revocation_failed", httpStatus: 401, oauth: { error: "invalid_client" }, schemes: ["OAuth2"] });
    expect(result.error.message).toContain(`revocation endpoint ${as.issuer}${REVOCATION_PATH} refused to revoke the access token: invalid_client`);
    const shown = JSON.stringify(result.error);
    for (const secret of [tokens.accessToken, wrongSecret, CC.secret]) expect(shown).not.toContain(secret);
    expect(await active(tokens.accessToken)).toBe(true);
    // Forgotten here: the next lookup acquires (and fails to, with the wrong secret), rather than sending the old token.
    const next = await auth.getToken();
    expect(next.ok).toBe(false);
  });

  it("no endpoint in the metadata or the document: said before anything is sent", async () => {
    const recorded = recordingFetch();
    const auth = makeAuth(declared(), { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: as.issuer, fetch: recorded.fetch });
    await auth.setTokens(await ccTokens());
    const result = await auth.revoke();
    expect(result).toMatchObject({ ok: false, error: { reason: "revocation_failed" } });
    if (!result.ok) expect(result.error.message).toBe("scheme OAuth2: no revocation endpoint in the server's metadata or the document (x-gen-auth-client.revocationUrl)");
    expect(recorded.urls).toEqual([]);
    expect((await auth.getToken()).ok).toBe(true); // a new token: the old set was forgotten
  });

  it("an endpoint nobody answers: a network failure, and plain http to a host other than loopback is refused unsent", async () => {
    const tokens = await ccTokens();
    const dead = makeAuth(declared("http://127.0.0.1:1/revoke"), { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: as.issuer });
    await dead.setTokens(tokens);
    const unreachable = await dead.revoke();
    expect(unreachable).toMatchObject({ ok: false, error: { reason: "revocation_failed", cause: { kind: "network" } } });
    if (!unreachable.ok) expect(unreachable.error.message).toBe("revocation request to http://127.0.0.1:1/revoke failed: the server could not be reached");

    const recorded = recordingFetch();
    const insecure = makeAuth(declared("http://as.example/revoke"), { clientId: CC.id, clientSecret: CC.secret }, { baseUrl: as.issuer, fetch: recorded.fetch });
    await insecure.setTokens(tokens);
    expect(await insecure.revoke()).toMatchObject({ ok: false, error: { reason: "insecure_transport" } });
    expect(recorded.urls).toEqual([]);
  });
});
