/** What the runtime tests share besides the recording server (test/support/server.ts). */
import { bodyEncoders } from "../../src/runtime/body.js";
import { placeOutsideHeaders } from "../../src/runtime/placement.js";
import type { RuntimeParts } from "../../src/runtime/parts.js";
import { expandPath, serializeCookies, serializeHeaders, serializeQuery } from "../../src/runtime/serialize.js";

/** Every serializer and body encoder, for tests whose operations are written by hand. */
export const allParts: RuntimeParts = {
  parameters: { path: expandPath, query: serializeQuery, headers: serializeHeaders, cookies: serializeCookies },
  bodies: bodyEncoders,
  placement: placeOutsideHeaders,
};
