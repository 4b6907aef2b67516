import { z } from 'zod';

/** A child's id, or none for "a child not yet registered" (the create form). */
export const forChildInput = z.object({ childId: z.string().min(1).max(64).nullish() });
