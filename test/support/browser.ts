/**
 * Just enough of a browser to walk oidc-provider's development login and consent pages
 * with plain HTTP: a cookie jar honouring Path, manual redirects, and the two forms.
 */

interface Cookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
}

export class CookieJar {
  readonly #cookies = new Map<string, Cookie>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = "/";
      let expired = false;
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.split("=");
        if (key.toLowerCase() === "path") path = val;
        if (key.toLowerCase() === "expires" && Date.parse(val) < Date.now()) expired = true;
        if (key.toLowerCase() === "max-age" && Number(val) <= 0) expired = true;
      }
      const id = `${name} ${path}`;
      if (expired || value === "") this.#cookies.delete(id);
      else this.#cookies.set(id, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.#cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }
}

export interface AuthorizeOptions {
  /** Account id typed into the login form. */
  readonly login: string;
  /** "accept" submits the consent form; "abort" follows the page's abort link (access_denied). */
  readonly consent: "accept" | "abort";
}

/**
 * Start at an authorization URL, sign in and consent (or abort), and return the URL the
 * server finally redirects to outside itself: the client's callback with `code` or `error`.
 */
export async function authorizeInBrowser(authorizationUrl: string, options: AuthorizeOptions): Promise<string> {
  const jar = new CookieJar();
  const origin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let method = "GET";
  let body: URLSearchParams | undefined;

  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method,
      redirect: "manual",
      headers: {
        cookie: jar.header(url),
        ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(body ? { body } : {}),
    });
    jar.store(response);
    method = "GET";
    body = undefined;

    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== origin) return next.href;
      url = next;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`authorization server answered ${response.status} at ${url.pathname}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (prompt === "login") {
      method = "POST";
      body = new URLSearchParams({ prompt: "login", login: options.login, password: "any" });
    } else if (prompt === "consent") {
      if (options.consent === "abort") {
        url = new URL(`${url.pathname}/abort`, url);
        continue;
      }
      method = "POST";
      body = new URLSearchParams({ prompt: "consent" });
    } else {
      throw new Error(`unexpected page at ${url.pathname}: ${html.slice(0, 300)}`);
    }
  }
  throw new Error("too many steps through the authorization server");
}
