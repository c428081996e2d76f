/**
 * A `TokenStore` over a Map, as an application's own store would be, with the Map exposed so that
 * tests can look at and plant token sets. With `lock`, an in-process FIFO lock per key: what a
 * store shared by several clients provides (across processes, examples/redis-token-store.ts).
 */
import type { TokenSet, TokenStore } from "../../src/runtime/token-store.js";

export type MapTokenStore = TokenStore & { readonly map: Map<string, TokenSet> };

export function mapTokenStore(options: { lock: boolean }): MapTokenStore {
  const map = new Map<string, TokenSet>();
  const tails = new Map<string, Promise<unknown>>();
  const store: MapTokenStore = {
    map,
    get: async (key) => map.get(key),
    set: async (key, tokens) => void map.set(key, tokens),
    delete: async (key) => void map.delete(key),
  };
  if (!options.lock) return store;
  return {
    ...store,
    lock<T>(key: string, critical: () => Promise<T>): Promise<T> {
      const turn = (tails.get(key) ?? Promise.resolve()).then(critical);
      tails.set(key, turn.catch(() => undefined));
      return turn;
    },
  };
}
