import { z } from 'zod';

export const auditListInput = z.object({
  action: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  /** Everything that happened to one child, whatever record it was written under. */
  childId: z.string().max(64).optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
