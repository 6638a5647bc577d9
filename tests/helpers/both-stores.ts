import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../src/store/ports';
import { createMemoryStore } from '../../src/store/memory/memory-store';
import { createUpstashStore } from '../../src/store/upstash/upstash-store';
import { startUpstashBridge, type UpstashBridge } from './upstash-bridge';

export const STORE_KINDS = ['memory', 'upstash'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/**
 * Fresh stores of either kind for one test file: the Upstash ones share one real Redis behind
 * the bridge (started in beforeAll), each under its own key prefix.
 *
 * @example
 * const stores = bothStores('fuzz');
 * for (const kind of STORE_KINDS) it(`... (${kind})`, () => { const store = stores.fresh(kind); ... });
 */
export function bothStores(prefix: string) {
  let bridge: UpstashBridge | undefined;
  let counter = 0;
  beforeAll(async () => {
    bridge = await startUpstashBridge();
  }, 60_000);
  afterAll(() => bridge?.stop());
  return {
    fresh(kind: StoreKind): Store {
      if (kind === 'memory') return createMemoryStore();
      counter += 1;
      return createUpstashStore({ url: bridge!.url, token: bridge!.token, prefix: `${prefix}-${Date.now()}-${counter}`, pollIntervalMs: 50 });
    },
  };
}
