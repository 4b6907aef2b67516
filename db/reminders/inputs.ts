import { z } from 'zod';
import { dateText, requiredText } from '../common/inputs';

export const REMINDER_GROUPS = ['overdue', 'today', 'week', 'upcoming'] as const;
export type ReminderGroup = (typeof REMINDER_GROUPS)[number];

/** Items a column of the board shows at first; the rest come on demand, up to BOARD_MAX. */
export const BOARD_PAGE = 50;
export const BOARD_MAX = 1000;
/** A column's count is exact up to this; beyond it the board says 超过 N. */
export const COUNT_CAP = 99;

const pageLimit = z.number().int().min(1).max(BOARD_MAX);

export const boardInput = z.object({
  /** Whose children; empty for everyone's (a supervisor's view). */
  ownerId: z.string().max(64).nullish(),
  /** How many items of each column (BOARD_PAGE where left out). */
  limits: z
    .object({ overdue: pageLimit, today: pageLimit, week: pageLimit, upcoming: pageLimit })
    .partial()
    .strict()
    .optional(),
});

export const snoozeInput = z.object({
  key: z.string().min(1).max(200),
  /** Whose board: left out for one's own; a supervisor may name a caseworker (audited). */
  forUserId: z.string().min(1).max(64).nullish(),
  until: dateText(),
  reason: requiredText(500, 'validation.reminder.reasonRequired'),
});
