import type { IdGenerator } from '../../ports/ids.ts';
import { newEventId } from '../event-store/new-event-id.ts';

/** UUIDv7 ids: unique, and sortable by creation time. */
export const uuidV7Ids: IdGenerator = { newId: newEventId };
