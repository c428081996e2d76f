/**
 * `createClient` binds its methods in one loop over `operations` (no function per operation,
 * for the type-checker's sake); `Client` alone types them, so these pin that typing down.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  operations,
  type Client,
  type CreateThingArgs,
  type CreateThingResult,
  type GetMeArgs,
  type GetMeResult,
} from "../snapshots/oauth2/index.js";
import type { Client as HostileClient, ConstructorResult, DeleteArgs } from "../snapshots/hostile-names/index.js";

describe("Client methods", () => {
  it("take the operation's Args (optional when nothing in them is required) and return its Result", () => {
    const api = createClient();
    expectTypeOf(api).toEqualTypeOf<Client>();
    expectTypeOf(api.getMe).toEqualTypeOf<(args?: GetMeArgs) => Promise<GetMeResult>>();
    expectTypeOf(api.createThing).toEqualTypeOf<(args: CreateThingArgs) => Promise<CreateThingResult>>();
    // @ts-expect-error createThing's body is required
    void api.createThing();
  });

  it("has one method per operation and nothing else beside auth", () => {
    expectTypeOf<Exclude<keyof Client, "auth">>().toEqualTypeOf<keyof typeof operations>();
  });

  it("keeps reserved words as plain method names", () => {
    expectTypeOf<HostileClient["delete"]>().toEqualTypeOf<(args?: DeleteArgs) => Promise<import("../snapshots/hostile-names/index.js").DeleteResult>>();
    expectTypeOf<HostileClient["constructor"]>().returns.toEqualTypeOf<Promise<ConstructorResult>>();
  });
});
