// The 督促监护令 steps most stories pass through on the way to what they are about: one copy for
// the integration tests and the browser tests' seeding.
import type { Core } from '../../db/api/core';
import { call, type Input, type Output, signInAs } from './core';

type Who = { username: string; passphrase: string };
type Order = Output<'orders.createDraft'>;

/**
 * Submits a drafted order, has `approver` approve it and records its delivery: signed in as
 * `deliveredBy` for that last step when given, else still as the approver.
 */
export async function approveAndDeliver(
  core: Core,
  draft: Order,
  opts: {
    approver: Who;
    delivery: Omit<Input<'orders.recordDelivery'>, 'id' | 'version'>;
    issueDate?: string;
    deliveredBy?: Who;
  },
): Promise<Order> {
  let o = await call(core, 'orders.submit', { id: draft.id, version: draft.version });
  await signInAs(core, opts.approver);
  o = await call(core, 'orders.approve', { id: o.id, version: o.version, issueDate: opts.issueDate });
  if (opts.deliveredBy) await signInAs(core, opts.deliveredBy);
  return call(core, 'orders.recordDelivery', { id: o.id, version: o.version, ...opts.delivery });
}

/**
 * An order its guardian ignored: approved by `approver`, delivered in writing without a signature
 * on 2026-03-02 and followed up that day with compliance 'poor', so it may be evaluated 未达标.
 */
export async function ignoredOrder(
  core: Core,
  draft: Input<'orders.createDraft'>,
  approver: Who,
  followUp: { method: 'visit' | 'phone'; findings: string },
): Promise<Order> {
  const o = await approveAndDeliver(core, await call(core, 'orders.createDraft', draft), {
    approver,
    delivery: { method: 'written', date: '2026-03-02', guardianSigned: false },
  });
  return call(core, 'orders.addFollowUp', {
    id: o.id,
    version: o.version,
    date: '2026-03-02',
    compliance: 'poor',
    ...followUp,
  });
}

/** The order the 支持起诉 stories start from: 张建国, a father who drinks and neglects his son. */
export function drinkingFatherOrder(childId: string, fatherId: string): Input<'orders.createDraft'> {
  return {
    childId,
    guardians: [{ personId: fatherId, relation: 'father' }],
    facts: '张建国长期酗酒，不管孩子吃穿上学。',
    problems: ['16-1'],
    requirements: [{ text: '戒酒并保障孩子就学', dueDate: '2026-04-30' }],
  };
}
