import { uuidv7 } from 'uuidv7';

/** UUIDv7: sortable by creation time and unique across machines, for later transfer bundles. */
export function newId(): string {
  return uuidv7();
}
