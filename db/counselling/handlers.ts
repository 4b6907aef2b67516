import type { z } from 'zod';
import { demand } from '../access/policy';
import { type Ctx, method, type ViewCtx } from '../api/define';
import { loadChild } from '../children/model';
import { notFuture } from '../common/checks';
import { newId } from '../common/ids';
import { created } from '../common/records';
import { assessmentInput, forChildInput, sessionInput, treatmentInput } from './inputs';
import { type CounsellingRecord, counsellingOfChild } from './model';
import { counsellingSessions, psychAssessments, treatmentReferrals } from './schema';
import { sealField } from './sealed';

/**
 * Counselling notes (精神卫生法 art. 23): only counselling staff and administrators read their
 * text, and only they hold the key it is sealed under (sealed.ts). The child's owner reads what
 * the counsellor chose to share (sharedNote). Everyone else sees that something took place, and when.
 */
export const counsellingMethods = {
  // A view: a reading of the notes, and every refusal to show them, is audited.
  'counselling.forChild': method({ input: forChildInput, access: 'user', kind: 'view', handler: forChild }),
  'counselling.addAssessment': method({
    input: assessmentInput,
    access: 'user',
    kind: 'write',
    handler: addAssessment,
  }),
  'counselling.addSession': method({
    input: sessionInput,
    access: 'user',
    kind: 'write',
    handler: addSession,
  }),
  'counselling.addTreatment': method({
    input: treatmentInput,
    access: 'user',
    kind: 'write',
    handler: addTreatment,
  }),
};

function forChild(ctx: ViewCtx, input: z.output<typeof forChildInput>): CounsellingRecord {
  return counsellingOfChild(ctx, input);
}

function addAssessment(ctx: Ctx, input: z.output<typeof assessmentInput>): { id: string } {
  return addRecord(ctx, input, 'counselling.addAssessment', (id) =>
    ctx.db
      .insert(psychAssessments)
      .values({
        id,
        ...input,
        score: sealField(ctx.counselling, 'psych_assessments', 'score', id, input.score),
        notes: sealField(ctx.counselling, 'psych_assessments', 'notes', id, input.notes),
        ...created(ctx),
      })
      .run(),
  );
}

function addSession(ctx: Ctx, input: z.output<typeof sessionInput>): { id: string } {
  return addRecord(ctx, input, 'counselling.addSession', (id) =>
    ctx.db
      .insert(counsellingSessions)
      .values({
        id,
        ...input,
        summary: sealField(ctx.counselling, 'counselling_sessions', 'summary', id, input.summary),
        ...created(ctx),
      })
      .run(),
  );
}

/** A treatment referral may be planned ahead, so its date is not held to today. */
function addTreatment(ctx: Ctx, input: z.output<typeof treatmentInput>): { id: string } {
  return addRecord(
    ctx,
    input,
    'counselling.addTreatment',
    (id) =>
      ctx.db
        .insert(treatmentReferrals)
        .values({
          id,
          ...input,
          reason: sealField(ctx.counselling, 'treatment_referrals', 'reason', id, input.reason),
          outcome: sealField(ctx.counselling, 'treatment_referrals', 'outcome', id, input.outcome),
          ...created(ctx),
        })
        .run(),
    { futureDate: true },
  );
}

/**
 * The one path of every counselling write: the policy's check on the child's owner, the date,
 * the insert under a new id, and its audit row under the child.
 */
function addRecord(
  ctx: Ctx,
  input: { childId: string; date: string },
  action: string,
  insert: (id: string) => void,
  options: { futureDate?: boolean } = {},
): { id: string } {
  const child = loadChild(ctx, input.childId);
  demand(ctx, 'writeCounselling', {
    ownerId: child.ownerId,
    method: action,
    entity: 'child',
    entityId: child.id,
  });
  if (!options.futureDate) notFuture(ctx, 'date', input.date);
  const id = newId();
  insert(id);
  ctx.audit.write({ action, entity: 'child', entityId: child.id, detail: { recordId: id } });
  return { id };
}
