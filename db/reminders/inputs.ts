import { z } from 'zod';
import { dateText, requiredText } from '../common/inputs';

export const boardInput = z.object({
  /** Whose children; empty for everyone's (a supervisor's view). */
  ownerId: z.string().max(64).nullish(),
});

export const snoozeInput = z.object({
  key: z.string().min(1).max(200),
  /** Whose board: left out for one's own; a supervisor may name a caseworker (audited). */
  forUserId: z.string().min(1).max(64).nullish(),
  until: dateText(),
  reason: requiredText(500, 'validation.reminder.reasonRequired'),
});
