import {
  assignmentSchema,
  contactSchema,
  packetSchema,
  presenceSchema,
  queueEntrySchema,
  ratingSchema,
} from '../domain/packet';
import { collection } from '../store/collection';
import type { Store } from '../store/ports';

/** The handoff side's document collections, each typed by its schema. */
export function handoffCollections(store: Store) {
  return {
    packets: collection(store.documents, 'packets', packetSchema),
    queue: collection(store.documents, 'queue', queueEntrySchema),
    assignments: collection(store.documents, 'assignments', assignmentSchema),
    presence: collection(store.documents, 'presence', presenceSchema),
    contacts: collection(store.documents, 'contacts', contactSchema),
    ratings: collection(store.documents, 'ratings', ratingSchema),
  };
}
export type HandoffCollections = ReturnType<typeof handoffCollections>;
