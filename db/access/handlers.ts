import type { z } from 'zod';
import { method, type ReadCtx } from '../api/define';
import { loadChild } from '../children/model';
import { forChildInput } from './inputs';
import { type ChildPermissions, can, childPermissions } from './policy';

/**
 * What the screens ask before showing a button: the same functions the handlers enforce with,
 * so a button is never shown for a call the core would refuse, nor hidden for one it allows.
 */
export const policyMethods = {
  'policy.forChild': method({
    input: forChildInput,
    access: 'user',
    kind: 'read',
    handler: policyForChild,
  }),
};

export interface Permissions extends ChildPermissions {
  snoozeForOthers: boolean;
}

function policyForChild(ctx: ReadCtx, input: z.output<typeof forChildInput>): Permissions {
  const ownerId = input.childId ? loadChild(ctx, input.childId).ownerId : null;
  return { ...childPermissions(ctx.user, ownerId), snoozeForOthers: can(ctx.user, 'snoozeForOthers') };
}
