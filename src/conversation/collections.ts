import { contactSchema, packetSchema, presenceSchema, ratingSchema } from '../domain/packet';
import { collection } from '../store/collection';
import type { Store } from '../store/ports';

/** The namespace of the handoff packets, which a handoff writes in its move and the queue view reads. */
export const PACKETS = 'packets';

/** The handoff side's document collections, each typed by its schema (the queue and assignments live in the store's moves). */
export function handoffCollections(store: Store) {
  return {
    packets: collection(store.documents, PACKETS, packetSchema),
    presence: collection(store.documents, 'presence', presenceSchema),
    contacts: collection(store.documents, 'contacts', contactSchema),
    ratings: collection(store.documents, 'ratings', ratingSchema),
  };
}
export type HandoffCollections = ReturnType<typeof handoffCollections>;
