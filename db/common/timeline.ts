// What a record's timeline source writes for each step it has been through.
import type { TimelineItem } from '../children/timeline';

type Step = Omit<TimelineItem, 'area' | 'link'>;

/**
 * One record's entries on the child's timeline, in the order given: each step that happened (a
 * step not taken is passed as `false`), under the record's area and link.
 */
export function recordSteps(area: string, link: string, steps: (Step | false)[]): TimelineItem[] {
  return steps.filter((s): s is Step => s !== false).map((s) => ({ ...s, area, link }));
}
