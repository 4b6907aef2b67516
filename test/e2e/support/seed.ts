// What a story puts on file through the core before the page opens, beside the staff (staffStudio).
import type { App } from '../harness';
import { invoke } from './studio';

/** Adds a guardian (`person`, new to the studio) to a child through the core; returns the person's id. */
export async function addGuardian(
  app: App,
  childId: string,
  relation: string,
  person: object,
): Promise<string> {
  const [added] = await invoke<{ person: { id: string } }[]>(app, 'relations.add', {
    childId,
    relation,
    isGuardian: true,
    person,
  });
  return added.person.id;
}
