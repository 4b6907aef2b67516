// What a record's timeline source writes for each step it has been through.
import type { TimelineItem } from '../children/timeline';
import { localDate } from './dates';

type Step = Omit<TimelineItem, 'area' | 'link'>;

/**
 * One record's entries on the child's timeline, in the order given: each step that happened (a
 * step not taken is passed as `false`), under the record's area and link.
 */
export function recordSteps(area: string, link: string, steps: (Step | false)[]): TimelineItem[] {
  return steps.filter((s): s is Step => s !== false).map((s) => ({ ...s, area, link }));
}

/** A withdrawn record's step: the day it was withdrawn, at the instant recorded, and the reason. */
export function withdrawnStep(
  r: { withdrawnAt: number | null; withdrawReason: string | null },
  title: string,
): Step | false {
  return (
    !!r.withdrawnAt && { date: localDate(r.withdrawnAt), at: r.withdrawnAt, title, detail: r.withdrawReason }
  );
}
