/** Request Body Object, OpenAPI 3.1 §4.8.13 ("required" defaults to false). */
import type { RequestBodyModel } from "./types.js";
import { bodyEncoding, preferredMediaType } from "./media-type.js";
import { deref, isObject, optionalString, type Json } from "./ref.js";

export function requestBodyModel(document: Json, raw: unknown): RequestBodyModel | undefined {
  const body = deref(document, raw);
  if (!body || !isObject(body.content)) return undefined;
  const mediaType = preferredMediaType(Object.keys(body.content));
  if (mediaType === undefined) return undefined;
  const description = optionalString(body.description);
  return {
    required: body.required === true,
    ...(description === undefined ? {} : { description }),
    mediaType,
    encoding: bodyEncoding(mediaType),
  };
}
