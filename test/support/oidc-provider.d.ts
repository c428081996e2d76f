// oidc-provider ships no type declarations; the tests use this much of it.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface KoaContext {
    method: string;
    path: string;
    status: number;
    body: unknown;
    headers: Record<string, string | string[] | undefined>;
    oidc?: { params?: Record<string, unknown>; client?: { clientId: string } };
  }

  export const errors: {
    InvalidClientMetadata: new (description: string) => Error;
  };

  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
